package org.accessline.transcripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.store.OwnerClaim;
import org.accessline.gateway.store.AppendOutcome;
import org.accessline.gateway.store.InteractionRecord;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.store.StaleOwnerException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every interaction store must do, run against each of them (the embedded one and
 * PostgreSQL), so they behave the same.
 */
public abstract class InteractionStoreContract {
  protected static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  protected static final Contact CONTACT = new Contact(Channel.SMS, "+15550001111");

  protected Vertx vertx;
  protected InteractionStore store;

  /** A started store on the same data every time it is called within one test. */
  protected abstract InteractionStore openStore();

  /** Changes a stored entry's event text behind the store's back, as someone with database access could. */
  protected abstract void alterEvent(ConversationId conversation, long seq, String from, String to) throws Exception;

  @BeforeEach
  void open() throws Exception {
    vertx = Vertx.vertx();
    store = openStore();
  }

  @AfterEach
  void close() {
    store.close().await();
    vertx.close().await();
  }

  protected static List<Entry> opening(ConversationId id, String key) {
    Participant resident = Participant.resident(CONTACT);
    return List.of(
        new Entry(id, 1, T0, resident, new ConversationEvent.Opened(CONTACT), Optional.empty()),
        new Entry(id, 2, T0, Participant.SYSTEM, new ConversationEvent.Queued(T0, "waiting"), Optional.empty()),
        new Entry(id, 3, T0, resident, new ConversationEvent.MessagePosted("streetlight out"), Optional.of(key)));
  }

  @Test
  void appendedEntriesReadBackInOrderAndSurviveReopening() {
    ConversationId id = ConversationId.random();
    assertInstanceOf(AppendOutcome.Appended.class, store.append(opening(id, "SM1")).await());
    store.close().await();
    store = openStore();
    List<Entry> back = store.entries(id, 0).await();
    assertEquals(opening(id, "SM1"), back);
    assertEquals(List.of(3L), store.entries(id, 2).await().stream().map(Entry::seq).toList());
  }

  @Test
  void aStoredDedupeKeyReturnsTheFirstEntryAndWritesNothing() {
    ConversationId id = ConversationId.random();
    store.append(opening(id, "SM7")).await();
    ConversationId other = ConversationId.random();
    AppendOutcome again = store.append(opening(other, "SM7")).await();
    AppendOutcome.AlreadyRecorded dup = assertInstanceOf(AppendOutcome.AlreadyRecorded.class, again);
    assertEquals(id, dup.existing().conversationId());
    assertEquals(3, dup.existing().seq());
    assertEquals(List.of(), store.entries(other, 0).await());
  }

  @Test
  void aClashingSequenceNumberFailsAloneAndChangesNothing() {
    ConversationId id = ConversationId.random();
    store.append(opening(id, "SM1")).await();
    Entry clash = new Entry(id, 3, T0, Participant.SYSTEM, new ConversationEvent.MessagePosted("dup seq"), Optional.empty());
    assertThrows(Exception.class, () -> store.append(List.of(clash)).await());
    assertEquals(3, store.entries(id, 0).await().size());
  }

  @Test
  void anAppendFencedWithAnEpochThatWasTakenOverIsRefusedAndWritesNothing() {
    long first = store.claimOwnership(OwnerClaim.outright("node-a")).await();
    ConversationId kept = ConversationId.random();
    assertInstanceOf(AppendOutcome.Appended.class, store.append(opening(kept, "SM-a"), first).await());
    long second = store.claimOwnership(OwnerClaim.outright("node-b")).await();
    assertTrue(second > first, "a claim raises the epoch");

    ConversationId fresh = ConversationId.random();
    StaleOwnerException stale = assertThrows(StaleOwnerException.class, () -> store.append(opening(fresh, "SM-stale"), first).await());
    assertEquals(first, stale.epoch());
    assertEquals(second, stale.current());
    assertEquals(List.of(), store.entries(fresh, 0).await());
    Entry late = new Entry(kept, 4, T0, Participant.SYSTEM, new ConversationEvent.MessagePosted("from the old owner"), Optional.of("SM-late"));
    assertThrows(StaleOwnerException.class, () -> store.append(List.of(late), first).await());
    assertEquals(3, store.entries(kept, 0).await().size());

    assertInstanceOf(AppendOutcome.Appended.class, store.append(List.of(late), second).await());
    assertInstanceOf(AppendOutcome.Appended.class, store.append(opening(fresh, "SM-stale"), second).await());
    assertEquals(4, store.entries(kept, 0).await().size());
  }

  @Test
  void staleAndCurrentAppendsWaitingTogetherAreEachAnsweredForThemselves() {
    long first = store.claimOwnership(OwnerClaim.outright("node-a")).await();
    long second = store.claimOwnership(OwnerClaim.outright("node-b")).await();
    List<ConversationId> ids = new java.util.ArrayList<>();
    List<io.vertx.core.Future<AppendOutcome>> appends = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ConversationId id = ConversationId.random();
      ids.add(id);
      appends.add(store.append(opening(id, "SM-mix-" + i), i % 2 == 0 ? second : first));
    }
    io.vertx.core.Future.join(appends).otherwiseEmpty().await();
    for (int i = 0; i < 20; i++) {
      if (i % 2 == 0) {
        assertTrue(appends.get(i).succeeded(), "the current owner's append is written");
        assertEquals(3, store.entries(ids.get(i), 0).await().size());
      } else {
        assertInstanceOf(StaleOwnerException.class, appends.get(i).cause());
        assertEquals(List.of(), store.entries(ids.get(i), 0).await());
      }
    }
  }

  @Test
  void resolvedConversationsAreNotReloadedAsOpen() {
    ConversationId open = ConversationId.random();
    ConversationId done = ConversationId.random();
    store.append(opening(open, "a")).await();
    store.append(opening(done, "b")).await();
    store.append(List.of(new Entry(done, 4, T0.plus(1, ChronoUnit.MINUTES), Participant.SYSTEM, new ConversationEvent.Resolved("Other"), Optional.empty()))).await();
    List<List<Entry>> reloaded = store.openConversations().await();
    assertEquals(1, reloaded.size());
    assertEquals(open, reloaded.get(0).get(0).conversationId());
    assertEquals(Optional.of(open), store.latestConversation(CONTACT).await(), "with equal opening times the open conversation is the latest");
  }

  @Test
  void theRecordCarriesDerivedTimesAndDisposition() {
    ConversationId id = ConversationId.random();
    store.append(opening(id, "k")).await();
    store.append(List.of(new Entry(id, 4, T0.plusSeconds(30), Participant.SYSTEM, new ConversationEvent.Resolved("Information provided"), Optional.empty()))).await();
    InteractionRecord record = store.record(id).await().orElseThrow();
    assertEquals(Optional.of("Information provided"), record.disposition());
    assertEquals(Optional.of(T0.plusSeconds(30)), record.resolved());
    assertEquals(Optional.empty(), store.record(ConversationId.random()).await());
  }

  @Test
  void aContactsHistoryIsNewestFirstAndTheirLatestConsentDecides() {
    ConversationId first = ConversationId.random();
    ConversationId second = ConversationId.random();
    Participant resident = Participant.resident(CONTACT);
    store.append(opening(first, "SM1")).await();
    store.append(List.of(new Entry(first, 4, T0.plusSeconds(5), resident, new ConversationEvent.ConsentChanged(true, "STOP"), Optional.of("SM2:consent")),
        new Entry(first, 5, T0.plusSeconds(60), Participant.SYSTEM, new ConversationEvent.Resolved("Opted out"), Optional.empty()))).await();
    assertEquals(true, store.optedOut(CONTACT).await());
    List<Entry> again = opening(second, "SM3").stream().map(e -> new Entry(e.conversationId(), e.seq(), T0.plusSeconds(120), e.actor(), e.event(), e.dedupeKey())).toList();
    store.append(again).await();
    store.append(List.of(new Entry(second, 4, T0.plusSeconds(121), resident, new ConversationEvent.ConsentChanged(false, "START"), Optional.of("SM4:consent")))).await();
    assertEquals(false, store.optedOut(CONTACT).await());
    assertEquals(false, store.optedOut(new Contact(Channel.SMS, "+15550002222")).await(), "a number that never said STOP is not opted out");

    var history = store.history(CONTACT, 10).await();
    assertEquals(List.of(second, first), history.stream().map(h -> h.id()).toList());
    assertEquals(Optional.of("Opted out"), history.get(1).disposition());
    assertEquals(Optional.empty(), history.get(0).resolved());
    assertEquals(1, store.history(CONTACT, 1).await().size());
  }

  @Test
  void aRowChangedBehindTheStoresBackIsCaughtByTheVerifier() throws Exception {
    ConversationId id = ConversationId.random();
    store.append(opening(id, "SM1")).await();
    store.append(List.of(new Entry(id, 4, T0.plusSeconds(1), Participant.SYSTEM, new ConversationEvent.Noted("checked"), Optional.empty()))).await();
    assertEquals(org.accessline.gateway.store.EntryChain.Report.Status.INTACT, store.verify(id).await().orElseThrow().status());
    alterEvent(id, 3, "streetlight out", "all fine");
    var report = store.verify(id).await().orElseThrow();
    assertEquals(org.accessline.gateway.store.EntryChain.Report.Status.ALTERED, report.status());
    assertEquals(Optional.of(3L), report.firstBadSeq());
    assertEquals(Optional.empty(), store.verify(ConversationId.random()).await());
  }

  /** A conversation opened at {@code at} on {@code contact}, with one message, assigned to {@code agent}, resolved with {@code disposition}. */
  protected ConversationId recorded(Contact contact, Instant at, String text, String agent, String disposition) {
    ConversationId id = ConversationId.random();
    Participant resident = Participant.resident(contact);
    store.append(List.of(
        new Entry(id, 1, at, resident, new ConversationEvent.Opened(contact), Optional.empty()),
        new Entry(id, 2, at, Participant.SYSTEM, new ConversationEvent.Queued(at, "waiting"), Optional.empty()),
        new Entry(id, 3, at, resident, new ConversationEvent.MessagePosted(text), Optional.of("search:" + id)),
        new Entry(id, 4, at.plusSeconds(5), Participant.SYSTEM, new ConversationEvent.Assigned(new org.accessline.gateway.conversation.AgentId(agent), agent), Optional.empty()),
        new Entry(id, 5, at.plusSeconds(60), Participant.SYSTEM, new ConversationEvent.Resolved(disposition), Optional.empty()))).await();
    return id;
  }

  private static org.accessline.gateway.store.RecordQuery query(java.util.function.UnaryOperator<java.util.Map<String, Object>> f) {
    java.util.Map<String, Object> m = f.apply(new java.util.HashMap<>());
    return new org.accessline.gateway.store.RecordQuery(Optional.ofNullable((Instant) m.get("from")), Optional.ofNullable((Instant) m.get("to")),
        Optional.ofNullable((Channel) m.get("channel")), Optional.ofNullable((String) m.get("agent")).map(org.accessline.gateway.conversation.AgentId::new),
        Optional.ofNullable((String) m.get("contact")), Optional.ofNullable((String) m.get("disposition")), Optional.ofNullable((String) m.get("text")),
        Optional.empty(), Optional.empty(), (Integer) m.getOrDefault("limit", 50), (Integer) m.getOrDefault("offset", 0));
  }

  private List<ConversationId> ids(org.accessline.gateway.store.RecordQuery q) {
    return store.search(q).await().records().stream().map(org.accessline.gateway.store.RecordSummary::id).toList();
  }

  @Test
  void recordsAreFoundByDateChannelAgentContactDispositionAndTheWordsOfTheirMessages() {
    Contact texter = new Contact(Channel.SMS, "+15550002222");
    Contact chatter = new Contact(Channel.WEBCHAT, "web:abc123");
    ConversationId pothole = recorded(texter, T0, "Huge pothole on Elm Street near the school", "maria", "Service request created");
    ConversationId trash = recorded(chatter, T0.plusSeconds(3600), "My trash was not picked up on Elm", "lee", "Information provided");
    ConversationId noise = recorded(texter, T0.plusSeconds(7200), "Loud party next door", "maria", "Referred to another agency");

    assertEquals(List.of(noise, trash, pothole), ids(query(m -> m)), "newest first");
    assertEquals(List.of(trash, pothole), ids(query(m -> { m.put("text", "elm"); return m; })));
    assertEquals(List.of(pothole), ids(query(m -> { m.put("text", "Elm pothole"); return m; })), "every word must appear");
    assertEquals(List.of(noise, pothole), ids(query(m -> { m.put("agent", "maria"); return m; })));
    assertEquals(List.of(trash), ids(query(m -> { m.put("channel", Channel.WEBCHAT); return m; })));
    assertEquals(List.of(noise, pothole), ids(query(m -> { m.put("contact", "+15550002222"); return m; })));
    assertEquals(List.of(pothole), ids(query(m -> { m.put("disposition", "Service request created"); return m; })));
    assertEquals(List.of(trash), ids(query(m -> { m.put("from", T0.plusSeconds(1)); m.put("to", T0.plusSeconds(7200)); return m; })));
    assertEquals(List.of(), ids(query(m -> { m.put("text", "'; DROP TABLE entries; --"); return m; })), "an injection attempt is just words");
    assertEquals(3, ids(query(m -> m)).size(), "and nothing was dropped");
  }

  @Test
  void resultsComeInPagesThatSayWhetherMoreFollow() {
    for (int i = 0; i < 5; i++) recorded(CONTACT, T0.plusSeconds(i), "page test " + i, "maria", "Information provided");
    var first = store.search(query(m -> { m.put("limit", 2); return m; })).await();
    var last = store.search(query(m -> { m.put("limit", 2); m.put("offset", 4); return m; })).await();
    assertEquals(2, first.records().size());
    assertTrue(first.more());
    assertEquals(1, last.records().size());
    assertEquals(false, last.more());
  }

  @Test
  void aPurgeRemovesResolvedRecordsPastRetentionExceptThoseOnHoldAndRemembersThem() {
    ConversationId old = recorded(CONTACT, T0, "old request", "maria", "Information provided");
    ConversationId held = recorded(CONTACT, T0.plusSeconds(10), "under a records request", "maria", "Information provided");
    ConversationId open = ConversationId.random();
    store.append(opening(open, "still-open")).await();
    ConversationId recent = recorded(CONTACT, T0.plusSeconds(86_400 * 30), "recent", "lee", "Information provided");
    assertEquals(true, store.setLegalHold(held, true).await());
    assertEquals(true, store.onLegalHold(held).await());
    assertEquals(false, store.onLegalHold(old).await());
    assertEquals(false, store.setLegalHold(ConversationId.random(), true).await());

    assertEquals(1, store.purge(T0.plusSeconds(86_400), T0.plusSeconds(86_400 * 31)).await());
    assertEquals(List.of(), store.entries(old, 0).await());
    assertEquals(true, store.purged(old).await());
    assertEquals(false, store.purged(held).await());
    assertEquals(5, store.entries(held, 0).await().size(), "on legal hold: kept");
    assertEquals(3, store.entries(open, 0).await().size(), "never resolved: kept");
    assertEquals(5, store.entries(recent, 0).await().size(), "inside the retention period: kept");
    assertEquals(0, store.purge(T0.plusSeconds(86_400), T0.plusSeconds(86_400 * 32)).await(), "a second run finds nothing");
  }

  @Test
  void aHoldInTheAuditLogKeepsARecordFromThePurgeEvenWithItsFlagClearedUntilItIsReleased() {
    ConversationId held = recorded(CONTACT, T0, "under a records request", "maria", "Information provided");
    store.audit(new org.accessline.gateway.store.AuditEvent(T0.plusSeconds(60), "sam", "hold", held.value(), "hold=true")).await();
    // The row's flag is never set here: as if someone had cleared it in the database behind the gateway's back.
    assertEquals(0, store.purge(T0.plusSeconds(86_400), T0.plusSeconds(86_400 * 31)).await());
    assertEquals(5, store.entries(held, 0).await().size(), "held by the audit log: kept");
    store.audit(new org.accessline.gateway.store.AuditEvent(T0.plusSeconds(120), "sam", "release", held.value(), "hold=false")).await();
    assertEquals(1, store.purge(T0.plusSeconds(86_400), T0.plusSeconds(86_400 * 31)).await(), "released: purged like any other");
  }

  @Test
  void theAuditLogKeepsWhoDidWhatNewestFirst() {
    store.audit(new org.accessline.gateway.store.AuditEvent(T0, "maria", "read", "rec-1", "GET record")).await();
    store.audit(new org.accessline.gateway.store.AuditEvent(T0.plusSeconds(1), "sam", "export", "rec-1", "json")).await();
    store.audit(new org.accessline.gateway.store.AuditEvent(T0.plusSeconds(2), "sam", "search", "q=elm", "")).await();
    var trail = store.auditTrail(Optional.of("rec-1"), 10).await();
    assertEquals(List.of("export", "read"), trail.stream().map(org.accessline.gateway.store.AuditEvent::action).toList());
    assertEquals(3, store.auditTrail(Optional.empty(), 10).await().size());
    assertEquals("sam", store.auditTrail(Optional.empty(), 1).await().get(0).actor());
  }

  @Test
  void relayEntriesReadBackWholeAndOnlyTheResidentsWordsAreSearched() {
    Contact caller = new Contact(Channel.RELAY, "+15550003333");
    ConversationId id = recorded(caller, T0, "My porch light is out", "maria", "Information provided");
    List<Entry> relayed = List.of(
        new Entry(id, 6, T0.plusSeconds(60), Participant.SYSTEM, new ConversationEvent.RelayAssistantJoined("Georgia Relay", Optional.of("2643"),
            "this is georgia relay operator two six four three"), Optional.of("relay:CA1:assistant-1")),
        new Entry(id, 7, T0.plusSeconds(61), Participant.SYSTEM, new ConversationEvent.Annotated("background noise"), Optional.of("relay:CA1:annotation-1")),
        new Entry(id, 8, T0.plusSeconds(62), Participant.resident(caller), new ConversationEvent.MessagePosted("the hydrant is leaking go ahead", List.of(),
            Optional.of(new org.accessline.gateway.conversation.Transcription("vosk", 0.87))), Optional.of("relay:CA1:turn-1")));
    assertInstanceOf(AppendOutcome.Appended.class, store.append(relayed).await());
    store.close().await();
    store = openStore();
    assertEquals(relayed, store.entries(id, 5).await(), "assistant, annotation and the transcription with its confidence, as written");
    assertEquals(List.of(id), ids(query(m -> { m.put("text", "hydrant"); return m; })));
    assertEquals(List.of(), ids(query(m -> { m.put("text", "background"); return m; })), "an annotation is not the resident's words");
    assertEquals(List.of(), ids(query(m -> { m.put("text", "georgia"); return m; })), "nor is the assistant's introduction");
    assertEquals(Optional.empty(), store.verify(id).await().orElseThrow().firstBadSeq());
  }

  @Test
  void theWordsOfASearchMayBeInDifferentMessagesOfTheRecord() {
    ConversationId id = recorded(CONTACT, T0, "A tree came down", "maria", "Service request created");
    store.append(List.of(new Entry(id, 6, T0.plusSeconds(90), Participant.resident(CONTACT), new ConversationEvent.MessagePosted("It is on Oak Avenue"),
        Optional.empty()))).await();
    assertEquals(List.of(id), ids(query(m -> { m.put("text", "tree oak"); return m; })));
    assertEquals(List.of(), ids(query(m -> { m.put("text", "tree maple"); return m; })));
  }

  private void file(ConversationId id, long seq, Optional<String> category, List<String> tags) {
    store.append(List.of(new Entry(id, seq, T0.plusSeconds(100 + seq), Participant.agent(new org.accessline.gateway.conversation.AgentId("maria"), "Maria"),
        new ConversationEvent.DetailsSet(category, tags, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
        Optional.empty()))).await();
  }

  private static org.accessline.gateway.store.RecordQuery filed(Optional<String> tag, Optional<String> category) {
    return new org.accessline.gateway.store.RecordQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), tag, category, 50, 0);
  }

  @Test
  void recordsAreFoundByTheTagsAndCategoryStaffLastFiled() {
    ConversationId tagged = recorded(CONTACT, T0, "sidewalk is cracked", "maria", "Service request created");
    ConversationId other = recorded(CONTACT, T0.plusSeconds(5), "another request", "maria", "Information provided");
    file(tagged, 6, Optional.of("Streets"), List.of("sidewalk", "ward 3"));
    file(other, 6, Optional.of("Sidewalk"), List.of("parks"));

    assertEquals(List.of(tagged), ids(filed(Optional.of("Ward 3"), Optional.empty())));
    assertEquals(List.of(), ids(filed(Optional.of("ward"), Optional.empty())), "a tag matches whole, not in part");
    assertEquals(List.of(other), ids(filed(Optional.empty(), Optional.of("sidewalk"))), "a category matches whole, ignoring case, and is not a tag");
    assertEquals(List.of(tagged), ids(filed(Optional.of("sidewalk"), Optional.of("streets"))));

    file(tagged, 7, Optional.of("Parks"), List.of("ward 4"));
    assertEquals(List.of(), ids(filed(Optional.of("ward 3"), Optional.empty())), "a tag taken off the record no longer finds it");
    assertEquals(List.of(tagged), ids(filed(Optional.of("ward 4"), Optional.of("PARKS"))));
  }

  @Test
  void aRecordLinksBackToTheContactsPreviousOneAndListsTheOnesThatFollowedIt() {
    ConversationId first = recorded(CONTACT, T0, "first request", "maria", "Information provided");
    ConversationId second = ConversationId.random();
    Participant resident = Participant.resident(CONTACT);
    store.append(List.of(new Entry(second, 1, T0.plusSeconds(600), resident, new ConversationEvent.Opened(CONTACT, Optional.of(first)), Optional.empty()),
        new Entry(second, 2, T0.plusSeconds(600), Participant.SYSTEM, new ConversationEvent.Queued(T0.plusSeconds(600), "waiting"), Optional.empty()))).await();

    InteractionRecord earlier = store.record(first).await().orElseThrow();
    InteractionRecord later = store.record(second).await().orElseThrow();
    assertEquals(List.of(second), earlier.following());
    assertEquals(Optional.of(first), later.previous());
    assertEquals(List.of(), later.following());
    assertEquals(first.value(), later.toJson().getString("previousId"));
    assertEquals(second.value(), earlier.toJson().getJsonArray("relatedIds").getString(0));
  }

  @Test
  void theRecordTellsWhenItWasFirstOfferedAndFirstAssigned() {
    ConversationId id = ConversationId.random();
    store.append(opening(id, "offered")).await();
    var maria = new org.accessline.gateway.conversation.AgentId("maria");
    store.append(List.of(new Entry(id, 4, T0.plusSeconds(20), Participant.SYSTEM, new ConversationEvent.Offered(maria, "Maria"), Optional.empty()),
        new Entry(id, 5, T0.plusSeconds(50), Participant.SYSTEM, new ConversationEvent.Noted("Maria declined the offer"), Optional.empty()),
        new Entry(id, 6, T0.plusSeconds(60), Participant.SYSTEM, new ConversationEvent.Assigned(maria, "Maria"), Optional.empty()))).await();
    InteractionRecord record = store.record(id).await().orElseThrow();
    assertEquals(Optional.of(T0.plusSeconds(20)), record.firstOffered());
    assertEquals(Optional.of(T0.plusSeconds(60)), record.firstAssigned());
    assertEquals(T0.plusSeconds(20).toString(), record.toJson().getJsonObject("timestamps").getString("firstOffered"));
    assertEquals(60.0, record.toJson().getDouble("waitSeconds"));
  }

  @Test
  void concurrentAppendsAreEachAnsweredForThemselvesAndEveryChainVerifies() {
    int count = 40;
    List<ConversationId> ids = new java.util.ArrayList<>();
    List<io.vertx.core.Future<AppendOutcome>> opening = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      ConversationId id = ConversationId.random();
      ids.add(id);
      opening.add(store.append(opening(id, "open-" + i)));
    }
    io.vertx.core.Future.all(opening).await();

    List<io.vertx.core.Future<AppendOutcome>> next = new java.util.ArrayList<>();
    Participant resident = Participant.resident(CONTACT);
    for (int i = 0; i < count; i++) {
      long seq = i == 7 ? 3 : 4;
      String key = i == 3 ? "open-0" : "next-" + i;
      next.add(store.append(List.of(new Entry(ids.get(i), seq, T0.plusSeconds(10), resident, new ConversationEvent.MessagePosted("more " + i), Optional.of(key)),
          new Entry(ids.get(i), seq + 1, T0.plusSeconds(10), Participant.SYSTEM, new ConversationEvent.Noted("note " + i), Optional.empty()))));
    }
    io.vertx.core.Future.join(next).otherwiseEmpty().await();

    AppendOutcome.AlreadyRecorded dup = assertInstanceOf(AppendOutcome.AlreadyRecorded.class, next.get(3).result(), "a key stored before is a duplicate");
    assertEquals(ids.get(0), dup.existing().conversationId());
    assertTrue(next.get(7).failed(), "a sequence number already taken fails that append alone");
    for (int i = 0; i < count; i++) {
      if (i == 3 || i == 7) {
        assertEquals(3, store.entries(ids.get(i), 0).await().size(), "nothing of a refused append is written");
        continue;
      }
      assertInstanceOf(AppendOutcome.Appended.class, next.get(i).result());
      assertEquals(5, store.entries(ids.get(i), 0).await().size());
      assertEquals(Optional.empty(), store.verify(ids.get(i)).await().orElseThrow().firstBadSeq(), "the chain continues across appends");
    }
  }
}
