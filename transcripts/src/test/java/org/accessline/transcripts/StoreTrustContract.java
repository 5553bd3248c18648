package org.accessline.transcripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.store.AuditChain;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.gateway.store.EntryChain;
import org.accessline.gateway.store.EntryChain.Report.Status;
import org.junit.jupiter.api.Test;

/**
 * What an attacker with write access to the database, but not the seal key, can do, and what
 * {@code verify} says about it, on every store: audit rows altered, deleted and reordered; records
 * truncated, rewritten with their hashes recomputed, and deleted outright; and a purge that forgets.
 */
public abstract class StoreTrustContract extends FollowUpStoreContract {

  /** Runs one statement on the store's database behind its back, with {@code ?} for each argument. */
  protected abstract int change(String sql, Object... args) throws Exception;

  /** Asserts that nothing in the database (its files, where it has them) holds the word; may close the store. */
  protected abstract void assertNowhereInTheDatabase(String word) throws Exception;

  private static final String RECORD_NUM = "(SELECT num FROM conversations WHERE id = ?)";

  private void audited(String... details) {
    for (int i = 0; i < details.length; i++) store.audit(new AuditEvent(T0.plusSeconds(i), "sam", "read", "rec-" + i, details[i])).await();
  }

  private AuditChain.Report auditReport() {
    return store.verifyStore().await().audit();
  }

  @Test
  void anIntactAuditLogVerifiesAndSurvivesReopening() {
    audited("first", "second", "third");
    assertEquals(AuditChain.Report.Status.INTACT, auditReport().status());
    assertEquals(3, auditReport().rows());
    store.close().await();
    store = openStore();
    store.audit(new AuditEvent(T0.plusSeconds(9), "lee", "search", "q=elm", "after reopening")).await();
    assertEquals(AuditChain.Report.Status.INTACT, auditReport().status(), "the chain continues across restarts");
  }

  @Test
  void auditEventsWrittenAtOnceAllLandInOneUnbrokenChain() {
    List<io.vertx.core.Future<Void>> writes = new ArrayList<>();
    for (int i = 0; i < 60; i++) writes.add(store.audit(new AuditEvent(T0.plusMillis(i), "staff" + (i % 6), "read", "rec-" + i, "at once " + i)));
    io.vertx.core.Future.all(writes).await();
    AuditChain.Report report = auditReport();
    assertEquals(AuditChain.Report.Status.INTACT, report.status(), report.detail());
    assertEquals(60, report.rows());
  }

  @Test
  void anAlteredAuditRowIsCaughtAtItsPosition() throws Exception {
    audited("first", "second", "third");
    assertEquals(1, change("UPDATE audit_log SET actor = ? WHERE detail = ?", "nobody", "second"));
    AuditChain.Report report = auditReport();
    assertEquals(AuditChain.Report.Status.ALTERED, report.status());
    assertEquals(Optional.of(2L), report.firstBadPosition());
  }

  @Test
  void aDeletedAuditRowIsCaught() throws Exception {
    audited("first", "second", "third");
    assertEquals(1, change("DELETE FROM audit_log WHERE detail = ?", "second"));
    AuditChain.Report report = auditReport();
    assertEquals(AuditChain.Report.Status.DELETED, report.status());
    assertEquals(Optional.of(2L), report.firstBadPosition());
  }

  @Test
  void reorderedAuditRowsAreCaught() throws Exception {
    audited("first", "second", "third");
    assertEquals(1, change("UPDATE audit_log SET num = num + 1000 WHERE detail = ?", "second"));
    AuditChain.Report report = auditReport();
    assertEquals(AuditChain.Report.Status.REORDERED, report.status());
    assertEquals(Optional.of(2L), report.firstBadPosition());
  }

  @Test
  void theLastAuditRowsDeletedAreCaughtByTheCheckpoint() throws Exception {
    audited("first", "second", "third");
    assertEquals(1L, store.checkpoint(T0.plusSeconds(60)).await());
    assertEquals(1, change("DELETE FROM audit_log WHERE detail = ?", "third"));
    AuditChain.Report report = auditReport();
    assertEquals(AuditChain.Report.Status.DELETED, report.status(), report.detail());
    assertTrue(report.detail().contains("checkpoint #1"), report.detail());
  }

  private ConversationId sealedRecord() {
    ConversationId id = recorded(CONTACT, T0, "streetlight out on Main", "maria", "Information provided");
    assertEquals(Status.INTACT, store.verify(id).await().orElseThrow().status());
    return id;
  }

  @Test
  void deletingARecordsLastEntryIsTruncation() throws Exception {
    ConversationId id = sealedRecord();
    assertEquals(1, change("DELETE FROM entries WHERE seq = 5 AND conversation_num = " + RECORD_NUM, id.value()));
    EntryChain.Report report = store.verify(id).await().orElseThrow();
    assertEquals(Status.TRUNCATED, report.status(), report.detail());
    assertEquals(Optional.of(5L), report.firstBadSeq());
  }

  @Test
  void truncationWithTheSealedCountLoweredToMatchBreaksTheSeal() throws Exception {
    ConversationId id = sealedRecord();
    change("DELETE FROM entries WHERE seq = 5 AND conversation_num = " + RECORD_NUM, id.value());
    change("UPDATE conversations SET head_seq = 4, head_hash = (SELECT hash FROM entries e WHERE e.seq = 4 AND e.conversation_num = conversations.num) WHERE id = ?",
        id.value());
    assertEquals(Status.ALTERED, store.verify(id).await().orElseThrow().status(), "without the key no seal fits the shorter record");
  }

  @Test
  void aRewrittenEntryWithItsChainRecomputedIsCaughtByTheSeal() throws Exception {
    ConversationId id = sealedRecord();
    List<Entry> entries = new ArrayList<>(store.entries(id, 0).await());
    Entry original = entries.get(2);
    Entry forged = new Entry(id, 3, original.at(), original.actor(), new ConversationEvent.MessagePosted("all fine, nothing to report"), original.dedupeKey());
    entries.set(2, forged);
    String chained = EntryChain.GENESIS;
    List<String> hashes = new ArrayList<>();
    for (Entry e : entries) hashes.add(chained = EntryChain.hash(chained, e));
    change("UPDATE entries SET event = ?, text = ?, hash = ? WHERE seq = 3 AND conversation_num = " + RECORD_NUM, forged.event().toJson().encode(),
        "all fine, nothing to report", hashes.get(2), id.value());
    for (int seq = 4; seq <= 5; seq++) change("UPDATE entries SET hash = ? WHERE seq = " + seq + " AND conversation_num = " + RECORD_NUM, hashes.get(seq - 1), id.value());
    assertEquals(Status.INTACT, EntryChain.check(store.entries(id, 0).await(), hashes).status(), "the chain alone is fooled");

    EntryChain.Report report = store.verify(id).await().orElseThrow();
    assertEquals(Status.ALTERED, report.status(), report.detail());
    change("UPDATE conversations SET head_hash = ? WHERE id = ?", hashes.get(4), id.value());
    assertEquals(Status.ALTERED, store.verify(id).await().orElseThrow().status(), "moving the head to match breaks its seal");
  }

  @Test
  void aRecordDeletedOutrightIsMissingSinceTheCheckpointThatSawIt() throws Exception {
    ConversationId id = sealedRecord();
    ConversationId kept = sealedRecord();
    assertEquals(1L, store.checkpoint(T0.plusSeconds(120)).await());
    change("DELETE FROM entries WHERE conversation_num = " + RECORD_NUM, id.value());
    change("DELETE FROM conversations WHERE id = ?", id.value());

    EntryChain.Report report = store.verify(id).await().orElseThrow();
    assertEquals(Status.MISSING, report.status(), report.detail());
    assertEquals(Optional.of(1L), report.checkpoint());
    assertEquals(List.of(id), store.verifyStore().await().missing());
    assertEquals(Status.INTACT, store.verify(kept).await().orElseThrow().status());

    // A purge fact forged without the key does not explain the deletion away.
    change("INSERT INTO purged_records (id, purged_at, purged_by, reason, seal) VALUES (?, CURRENT_TIMESTAMP, 'retention', 'forged', ?)", id.value(), "0".repeat(64));
    assertEquals(Status.MISSING, store.verify(id).await().orElseThrow().status());
    assertEquals(2L, store.checkpoint(T0.plusSeconds(180)).await());
    assertEquals(List.of(id), store.verifyStore().await().missing(), "a later checkpoint keeps remembering it");
  }

  @Test
  void aCheckpointDoesNotTakeATruncatedHeadAndKeepsWhatItSaw() throws Exception {
    ConversationId id = sealedRecord();
    store.checkpoint(T0.plusSeconds(60)).await();
    store.append(List.of(new Entry(id, 6, T0.plusSeconds(70), Participant.SYSTEM, new ConversationEvent.Noted("a later note"), Optional.empty()))).await();
    store.checkpoint(T0.plusSeconds(80)).await();
    change("DELETE FROM entries WHERE seq = 6 AND conversation_num = " + RECORD_NUM, id.value());
    assertEquals(3L, store.checkpoint(T0.plusSeconds(90)).await());
    EntryChain.Report report = store.verify(id).await().orElseThrow();
    assertEquals(Status.TRUNCATED, report.status());
    assertEquals(Optional.of(2L), report.checkpoint(), "checkpoint #2 saw the sixth entry");
  }

  @Test
  void aPurgeForgetsTheRecordsWordsAndKeepsOnlyASealedFact() throws Exception {
    String word = "quetzalmarble";
    ConversationId gone = recorded(CONTACT, T0, "my " + word + " mailbox was knocked over", "maria", "Information provided");
    ConversationId kept = recorded(CONTACT, T0.plusSeconds(86_400 * 30), "a recent request", "maria", "Information provided");
    store.checkpoint(T0.plusSeconds(86_400 * 30 + 60)).await();
    assertEquals(1, store.purge(T0.plusSeconds(86_400), T0.plusSeconds(86_400 * 31)).await());
    assertEquals(Optional.empty(), store.verify(gone).await(), "a sealed purge explains the record's absence");
    assertEquals(List.of(), store.verifyStore().await().missing());
    assertEquals(Status.INTACT, store.verify(kept).await().orElseThrow().status());
    assertEquals(2L, store.checkpoint(T0.plusSeconds(86_400 * 31 + 60)).await());
    assertTrue(store.verifyStore().await().intact());
    assertNowhereInTheDatabase(word);
  }
}
