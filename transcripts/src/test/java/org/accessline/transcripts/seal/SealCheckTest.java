package org.accessline.transcripts.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.store.EntryChain.Report;
import org.accessline.gateway.store.EntryChain.Report.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verdict over a record's rows, seal and checkpoint, without a database. */
class SealCheckTest {
  @TempDir Path dir;

  private static final Report CHAIN_OK = new Report(Status.INTACT, 3, Optional.empty(), "every entry matches its hash");

  @Test
  void aRecordResealedBySomeoneHoldingTheKeyIsStillCaughtByAnEarlierCheckpoint() throws Exception {
    SealKey key = SealKey.loadOrCreate(dir.resolve("seal.key"));
    List<String> rewritten = List.of("x1", "x2", "x3");
    SealCheck.StoredHead resealed = new SealCheck.StoredHead(3L, "x3", key.sealHead("rec", 3, "x3"));
    Report report = SealCheck.verdict(key, "rec", rewritten, CHAIN_OK, resealed, Optional.of(new CheckpointLog.Head(2, "h2", 4)));
    assertEquals(Status.ALTERED, report.status());
    assertEquals(Optional.of(4L), report.checkpoint());
    assertTrue(report.detail().contains("since checkpoint #4"), report.detail());

    Report vouched = SealCheck.verdict(key, "rec", List.of("h1", "h2", "h3"), CHAIN_OK, new SealCheck.StoredHead(3L, "h3", key.sealHead("rec", 3, "h3")),
        Optional.of(new CheckpointLog.Head(2, "h2", 4)));
    assertEquals(Status.INTACT, vouched.status());
    assertTrue(vouched.detail().contains("checkpoint #4 vouches for its first 2 entries"), vouched.detail());
  }

  @Test
  void aSealFromAnotherRecordOrARemovedSealDoesNotHold() throws Exception {
    SealKey key = SealKey.loadOrCreate(dir.resolve("seal.key"));
    List<String> hashes = List.of("h1", "h2", "h3");
    assertEquals(Status.ALTERED, SealCheck.verdict(key, "rec", hashes, CHAIN_OK, new SealCheck.StoredHead(3L, "h3", key.sealHead("other", 3, "h3")),
        Optional.empty()).status());
    assertEquals(Status.ALTERED, SealCheck.verdict(key, "rec", hashes, CHAIN_OK, new SealCheck.StoredHead(null, null, null), Optional.empty()).status());
    assertEquals(false, SealCheck.takeable(key, "rec", new SealCheck.StoredHead(2L, "h2", key.sealHead("rec", 2, "h2")), Optional.of(new CheckpointLog.Head(3, "h3", 1))),
        "a checkpoint never takes a head shorter than the one it saw");
  }
}
