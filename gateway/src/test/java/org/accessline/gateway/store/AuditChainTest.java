package org.accessline.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.store.AuditChain.Report.Status;
import org.junit.jupiter.api.Test;

class AuditChainTest {
  private record Row(AuditEvent event, String previous, String hash) {}

  private static List<Row> log(int n) {
    List<Row> rows = new ArrayList<>();
    String previous = AuditChain.GENESIS;
    for (int i = 0; i < n; i++) {
      AuditEvent e = new AuditEvent(Instant.parse("2026-11-22T10:00:00Z").plusSeconds(i), "sam", "read", "rec-" + i, "row " + i);
      String hash = AuditChain.hash(previous, e);
      rows.add(new Row(e, previous, hash));
      previous = hash;
    }
    return rows;
  }

  private static AuditChain.Report check(List<Row> rows, Optional<AuditChain.Head> head) {
    AuditChain.Checker checker = new AuditChain.Checker();
    rows.forEach(r -> checker.accept(r.event(), r.previous(), r.hash()));
    return checker.result(head);
  }

  @Test
  void anUntouchedLogIsIntactAndAnEmptyOneToo() {
    assertEquals(Status.INTACT, check(log(5), Optional.empty()).status());
    assertEquals(Status.INTACT, check(List.of(), Optional.empty()).status());
    assertEquals(5, check(log(5), Optional.empty()).rows());
  }

  @Test
  void timesCountInMillisecondsSoADatabasesFinerPrecisionChangesNothing() {
    AuditEvent micro = new AuditEvent(Instant.parse("2026-11-22T10:00:00.123456Z"), "sam", "read", "r", "");
    AuditEvent milli = new AuditEvent(Instant.parse("2026-11-22T10:00:00.123Z"), "sam", "read", "r", "");
    assertEquals(AuditChain.hash("", micro), AuditChain.hash("", milli));
    assertNotEquals(AuditChain.hash("", milli), AuditChain.hash("x", milli), "the predecessor is part of the hash");
  }

  @Test
  void eachKindOfTamperingIsNamedWithItsPosition() {
    List<Row> altered = new ArrayList<>(log(4));
    Row r = altered.get(1);
    altered.set(1, new Row(new AuditEvent(r.event().at(), "nobody", "read", r.event().target(), r.event().detail()), r.previous(), r.hash()));
    assertEquals(new AuditChain.Report(Status.ALTERED, 2, Optional.of(2L), "audit row 2 does not match its hash"), check(altered, Optional.empty()));

    List<Row> deleted = new ArrayList<>(log(4));
    deleted.remove(1);
    assertEquals(Status.DELETED, check(deleted, Optional.empty()).status());
    assertEquals(Optional.of(2L), check(deleted, Optional.empty()).firstBadPosition());

    List<Row> firstDeleted = new ArrayList<>(log(4));
    firstDeleted.remove(0);
    assertEquals(Optional.of(1L), check(firstDeleted, Optional.empty()).firstBadPosition());

    List<Row> swapped = new ArrayList<>(log(4));
    swapped.add(1, swapped.remove(2));
    assertEquals(Status.REORDERED, check(swapped, Optional.empty()).status());
    assertEquals(Optional.of(2L), check(swapped, Optional.empty()).firstBadPosition());

    List<Row> moved = new ArrayList<>(log(4));
    moved.add(moved.remove(0));
    assertEquals(Status.REORDERED, check(moved, Optional.empty()).status(), "the first row moved to the end");
  }

  @Test
  void rowsDeletedFromTheEndAreFoundOnlyAgainstACheckpoint() {
    List<Row> full = log(5);
    AuditChain.Head seen = new AuditChain.Head(5, full.get(4).hash(), 7);
    assertEquals(Status.INTACT, check(full, Optional.of(seen)).status());
    List<Row> cut = full.subList(0, 3);
    assertEquals(Status.INTACT, check(cut, Optional.empty()).status(), "the chain alone cannot tell");
    AuditChain.Report report = check(cut, Optional.of(seen));
    assertEquals(Status.DELETED, report.status());
    assertEquals(Optional.of(4L), report.firstBadPosition());
    assertEquals(true, report.detail().contains("checkpoint #7"), report.detail());
  }
}
