package org.accessline.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.junit.jupiter.api.Test;

/**
 * The memory store keeps the parts of transcripts' InteractionStoreContract that the stream stands
 * on (the same cases, asserted the same way), so tests on it mean what they would on a real store.
 */
class MemoryInteractionStoreTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final Contact CONTACT = new Contact(Channel.SMS, "+15550001111");
  private final MemoryInteractionStore store = new MemoryInteractionStore();

  private static List<Entry> opening(ConversationId id, String key) {
    return opening(id, key, T0, Optional.empty());
  }

  private static List<Entry> opening(ConversationId id, String key, Instant at, Optional<ConversationId> previous) {
    Participant resident = Participant.resident(CONTACT);
    return List.of(new Entry(id, 1, at, resident, new ConversationEvent.Opened(CONTACT, previous), Optional.empty()),
        new Entry(id, 2, at, Participant.SYSTEM, new ConversationEvent.Queued(at, "waiting"), Optional.empty()),
        new Entry(id, 3, at, resident, new ConversationEvent.MessagePosted("streetlight out"), Optional.of(key)));
  }

  private static Entry next(ConversationId id, long seq, Instant at, ConversationEvent event) {
    return new Entry(id, seq, at, Participant.SYSTEM, event, Optional.empty());
  }

  @Test
  void appendedEntriesReadBackInOrder() {
    ConversationId id = ConversationId.random();
    assertInstanceOf(AppendOutcome.Appended.class, store.append(opening(id, "SM1")).await());
    assertEquals(opening(id, "SM1"), store.entries(id, 0).await());
    assertEquals(List.of(3L), store.entries(id, 2).await().stream().map(Entry::seq).toList());
    assertEquals(List.of(), store.entries(ConversationId.random(), 0).await());
  }

  @Test
  void aStoredDedupeKeyReturnsTheFirstEntryAndWritesNothing() {
    ConversationId id = ConversationId.random();
    store.append(opening(id, "SM7")).await();
    ConversationId other = ConversationId.random();
    AppendOutcome.AlreadyRecorded dup = assertInstanceOf(AppendOutcome.AlreadyRecorded.class, store.append(opening(other, "SM7")).await());
    assertEquals(id, dup.existing().conversationId());
    assertEquals(3, dup.existing().seq());
    assertEquals(List.of(), store.entries(other, 0).await());
  }

  @Test
  void aClashingOrSkippingSequenceNumberFailsAloneAndChangesNothing() {
    ConversationId id = ConversationId.random();
    store.append(opening(id, "SM1")).await();
    assertThrows(Exception.class, () -> store.append(List.of(next(id, 3, T0, new ConversationEvent.Noted("dup seq")))).await());
    assertThrows(Exception.class, () -> store.append(List.of(next(id, 5, T0, new ConversationEvent.Noted("gap")))).await());
    assertThrows(Exception.class, () -> store.append(List.of(next(ConversationId.random(), 1, T0, new ConversationEvent.Noted("no opening")))).await());
    assertEquals(3, store.entries(id, 0).await().size());
  }

  @Test
  void resolvedConversationsAreNotReloadedAsOpen() {
    ConversationId open = ConversationId.random();
    ConversationId done = ConversationId.random();
    store.append(opening(open, "a")).await();
    store.append(opening(done, "b")).await();
    store.append(List.of(next(done, 4, T0.plusSeconds(60), new ConversationEvent.Resolved("Other")))).await();
    List<List<Entry>> reloaded = store.openConversations().await();
    assertEquals(1, reloaded.size());
    assertEquals(open, reloaded.get(0).get(0).conversationId());
    assertEquals(Optional.of(open), store.latestConversation(CONTACT).await(), "with equal opening times the open conversation is the latest");
  }

  @Test
  void aContactsHistoryIsNewestFirstAndTheirLatestConsentDecides() {
    ConversationId first = ConversationId.random();
    ConversationId second = ConversationId.random();
    Participant resident = Participant.resident(CONTACT);
    store.append(opening(first, "SM1")).await();
    store.append(List.of(new Entry(first, 4, T0.plusSeconds(5), resident, new ConversationEvent.ConsentChanged(true, "STOP"), Optional.of("SM2:consent")),
        next(first, 5, T0.plusSeconds(60), new ConversationEvent.Resolved("Opted out")))).await();
    assertEquals(true, store.optedOut(CONTACT).await());
    store.append(opening(second, "SM3", T0.plusSeconds(120), Optional.of(first))).await();
    store.append(List.of(new Entry(second, 4, T0.plusSeconds(121), resident, new ConversationEvent.ConsentChanged(false, "START"), Optional.of("SM4:consent"))))
        .await();
    assertEquals(false, store.optedOut(CONTACT).await());
    assertEquals(false, store.optedOut(new Contact(Channel.SMS, "+15550002222")).await(), "a number that never said STOP is not opted out");

    List<ConversationSummary> history = store.history(CONTACT, 10).await();
    assertEquals(List.of(second, first), history.stream().map(ConversationSummary::id).toList());
    assertEquals(Optional.of("Opted out"), history.get(1).disposition());
    assertEquals(Optional.empty(), history.get(0).resolved());
    assertEquals(1, store.history(CONTACT, 1).await().size());
    assertEquals(Optional.of(second), store.latestConversation(CONTACT).await());
    assertEquals(List.of(second), store.following(first).await());
    assertEquals(Optional.of(first), store.record(second).await().orElseThrow().previous());
  }

  @Test
  void everyChainVerifiesAndConcurrentAppendsAreEachAnsweredForThemselves() {
    List<ConversationId> ids = new ArrayList<>();
    List<Future<AppendOutcome>> appends = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ConversationId id = ConversationId.random();
      ids.add(id);
      appends.add(store.append(opening(id, "open-" + i)));
    }
    Future.all(appends).await();
    List<Future<AppendOutcome>> more = new ArrayList<>();
    for (int i = 0; i < 20; i++) more.add(store.append(List.of(next(ids.get(i), i == 7 ? 3 : 4, T0, new ConversationEvent.Noted("note " + i)))));
    Future.join(more).otherwiseEmpty().await();
    assertTrue(more.get(7).failed());
    for (int i = 0; i < 20; i++) {
      if (i != 7) assertInstanceOf(AppendOutcome.Appended.class, more.get(i).result());
      assertEquals(EntryChain.Report.Status.INTACT, store.verify(ids.get(i)).await().orElseThrow().status());
    }
    assertEquals(Optional.empty(), store.verify(ConversationId.random()).await());
  }

  @Test
  void aPurgeSparesHeldAndOpenRecordsAndRemembersThePurged() {
    ConversationId old = resolved(T0, "old request");
    ConversationId held = resolved(T0.plusSeconds(10), "under a records request");
    ConversationId heldByLog = resolved(T0.plusSeconds(20), "held in the audit log");
    ConversationId open = ConversationId.random();
    store.append(opening(open, "still-open")).await();
    assertTrue(store.setLegalHold(held, true).await());
    assertFalse(store.setLegalHold(ConversationId.random(), true).await());
    store.audit(new AuditEvent(T0.plusSeconds(60), "sam", "hold", heldByLog.value(), "hold=true")).await();
    store.checkpoint(T0.plusSeconds(61)).await();

    assertEquals(1, store.purge(T0.plusSeconds(86_400), T0.plusSeconds(86_400 * 31)).await());
    assertEquals(List.of(), store.entries(old, 0).await());
    assertTrue(store.purged(old).await());
    assertEquals(Optional.empty(), store.verify(old).await(), "a purge explains its absence");
    assertTrue(store.verifyStore().await().intact());
    assertEquals(List.of(held, heldByLog, open), store.conversationIds().await());
    assertEquals(List.of("hold"), store.auditTrail(Optional.of(heldByLog.value()), 10).await().stream().map(AuditEvent::action).toList());
  }

  @Test
  void searchIsAScanWithTheRealStoresMeaning() {
    ConversationId elm = resolved(T0, "Huge pothole on Elm Street");
    store.append(List.of(new Entry(elm, 6, T0.plusSeconds(90), Participant.resident(CONTACT), new ConversationEvent.MessagePosted("near the school"),
        Optional.empty()))).await();
    ConversationId trash = resolved(T0.plusSeconds(3600), "My trash was not picked up on Elm");
    assertEquals(List.of(trash, elm), ids(query(Optional.empty(), Optional.empty())), "newest first");
    assertEquals(List.of(elm), ids(query(Optional.of("elm SCHOOL"), Optional.empty())), "words may be in different messages");
    assertEquals(List.of(trash, elm), ids(query(Optional.empty(), Optional.of(new AgentId("maria")))));
    assertEquals(List.of(), ids(query(Optional.of("'; DROP TABLE entries; --"), Optional.empty())));
  }

  private List<ConversationId> ids(RecordQuery q) {
    return store.search(q).await().records().stream().map(RecordSummary::id).toList();
  }

  private static RecordQuery query(Optional<String> text, Optional<AgentId> agent) {
    return new RecordQuery(Optional.empty(), Optional.empty(), Optional.empty(), agent, Optional.empty(), Optional.empty(), text, 50, 0);
  }

  private ConversationId resolved(Instant at, String text) {
    ConversationId id = ConversationId.random();
    Participant resident = Participant.resident(CONTACT);
    store.append(List.of(new Entry(id, 1, at, resident, new ConversationEvent.Opened(CONTACT), Optional.empty()),
        next(id, 2, at, new ConversationEvent.Queued(at, "waiting")),
        new Entry(id, 3, at, resident, new ConversationEvent.MessagePosted(text), Optional.of("search:" + id)),
        next(id, 4, at.plusSeconds(5), new ConversationEvent.Assigned(new AgentId("maria"), "Maria")),
        next(id, 5, at.plusSeconds(60), new ConversationEvent.Resolved("Information provided")))).await();
    return id;
  }
}
