package org.accessline.transcripts.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.accessline.gateway.channel.Posted;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.routing.AgentProfile;
import org.accessline.gateway.routing.Presence;
import org.accessline.gateway.signal.Addresses;
import org.accessline.gateway.stream.ConversationStream;
import org.accessline.gateway.signal.StreamSignal;
import org.accessline.gateway.store.AppendOutcome;
import org.accessline.gateway.store.InteractionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stream's invariants, exercised concurrently against the real embedded store. */
class StreamOnEmbeddedStoreIT {
  @TempDir Path dir;
  private Vertx vertx;
  private EmbeddedInteractionStore store;
  private ConversationStream stream;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    startStream(Duration.ofMillis(300));
  }

  /** Every entry the store has answered as durable, noted the moment its append completes, before the stream hears of it. */
  private final Set<Entry> durable = ConcurrentHashMap.newKeySet();

  private void startStream(Duration grace) {
    store = new EmbeddedInteractionStore(dir);
    store.start().await();
    stream = new ConversationStream(noting(store), new ConversationStream.Settings(grace), Clock.systemUTC(), List.of());
    vertx.deployVerticle(stream).await();
  }

  private void restart() {
    vertx.close().await();
    store.close().await();
    vertx = Vertx.vertx();
    startStream(Duration.ofMillis(300));
  }

  /** The real store, with each acknowledged append noted in {@link #durable}; nothing else changes. */
  @SuppressWarnings("unchecked")
  private InteractionStore noting(InteractionStore real) {
    return (InteractionStore) Proxy.newProxyInstance(InteractionStore.class.getClassLoader(), new Class<?>[] {InteractionStore.class}, (proxy, method, args) -> {
      Object result;
      try {
        result = method.invoke(real, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (!method.getName().equals("append")) return result;
      List<Entry> batch = (List<Entry>) args[0];
      return ((Future<AppendOutcome>) result).map(outcome -> {
        if (outcome instanceof AppendOutcome.Appended) durable.addAll(batch);
        return outcome;
      });
    });
  }

  @AfterEach
  void stop() {
    vertx.close().await();
    store.close().await();
  }

  @Test
  void concurrentMessagesFromManyResidentsGetGapFreeNumbersAndAreAllStored() {
    int residents = 20;
    int each = 15;
    List<Future<Posted>> posts = new ArrayList<>();
    for (int m = 0; m < each; m++) {
      for (int r = 0; r < residents; r++) {
        posts.add(stream.residentMessage(new Contact(Channel.WEBCHAT, "+1555000" + (1000 + r)), "message " + m, "r" + r + "m" + m));
      }
    }
    Future.all(posts).await();
    Set<ConversationId> conversations = new HashSet<>();
    posts.forEach(p -> conversations.add(p.result().conversation()));
    assertEquals(residents, conversations.size());
    for (ConversationId id : conversations) {
      List<Entry> entries = store.entries(id, 0).await();
      for (int i = 0; i < entries.size(); i++) assertEquals(i + 1, entries.get(i).seq(), "gap-free numbering");
      assertEquals(each, entries.stream().filter(e -> e.event() instanceof ConversationEvent.MessagePosted).count());
    }
  }

  @Test
  void aRetriedMessageIsStoredOnceEvenWhenRetriesRace() {
    Contact contact = new Contact(Channel.WEBCHAT, "+15550009999");
    List<Future<Posted>> tries = new ArrayList<>();
    for (int i = 0; i < 5; i++) tries.add(stream.residentMessage(contact, "is the library open", "SMsame"));
    Future.all(tries).await();
    long firsts = tries.stream().filter(t -> !t.result().duplicate()).count();
    assertEquals(1, firsts);
    assertEquals(1, tries.stream().map(t -> t.result().seq()).distinct().count());
    ConversationId id = tries.get(0).result().conversation();
    assertEquals(1, store.entries(id, 0).await().stream().filter(e -> e.isMessage()).count());
  }

  @Test
  void aRetryOfAnOldMessageIsCaughtByTheStoreAfterTheStreamHasForgottenItsKey() {
    Contact contact = new Contact(Channel.WEBCHAT, "+15550003333");
    Posted first = stream.residentMessage(contact, "message 0", "old0").await();
    for (int i = 1; i <= 40; i++) stream.residentMessage(contact, "message " + i, "old" + i).await();
    Posted retry = stream.residentMessage(contact, "message 0", "old0").await();
    assertTrue(retry.duplicate());
    assertEquals(first.seq(), retry.seq());
    Posted next = stream.residentMessage(contact, "message 41", "old41").await();
    assertEquals(first.seq() + 41, next.seq(), "the refused retry consumed no sequence number");
  }

  @Test
  void aRetryAfterARestartIsStillRecognised() {
    Contact contact = new Contact(Channel.WEBCHAT, "+15550008888");
    Posted first = stream.residentMessage(contact, "hello", "SMafter").await();
    restart();
    Posted again = stream.residentMessage(contact, "hello", "SMafter").await();
    assertTrue(again.duplicate());
    assertEquals(first.seq(), again.seq());
  }

  @Test
  void entriesArePublishedInOrderOnlyAfterTheyAreStored() {
    Contact contact = new Contact(Channel.WEBCHAT, "+15550007777");
    Posted opened = stream.residentMessage(contact, "first", "p1").await();
    ConcurrentLinkedQueue<Long> seen = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Boolean> storedWhenSeen = new ConcurrentLinkedQueue<>();
    Promise<Void> allSeen = Promise.promise();
    Addresses.CONVERSATION.subscribe(vertx.eventBus(), opened.conversation(), signal -> {
      Entry e = ((StreamSignal.EntryAdded) signal).entry();
      // Asked at the moment of hearing: a read sent to the store now could be answered after a later commit.
      storedWhenSeen.add(durable.contains(e));
      seen.add(e.seq());
      if (seen.size() == 10) allSeen.complete();
    }).completion().await();
    for (int i = 0; i < 10; i++) stream.residentMessage(contact, "more " + i, "q" + i).await();
    allSeen.future().await();
    assertEquals(List.of(4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L), new ArrayList<>(seen));
    assertFalse(storedWhenSeen.contains(false));
    List<Entry> stored = store.entries(opened.conversation(), 3).await();
    assertTrue(stored.stream().allMatch(durable::contains) && stored.size() == 10, "what was noted durable is what the store keeps");
  }

  @Test
  void aClientThatWasAwayResumesFromTheLastNumberItSawAndMissesNothing() {
    Contact contact = new Contact(Channel.WEBCHAT, "+15550004444");
    ConversationId id = stream.residentMessage(contact, "hello", "a0").await().conversation();
    List<Entry> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    Promise<Void> heardTheNote = Promise.promise();
    var listening = Addresses.CONVERSATION.subscribe(vertx.eventBus(), id, signal -> {
      if (!(signal instanceof StreamSignal.EntryAdded added)) return;
      heard.add(added.entry());
      if (added.entry().event() instanceof ConversationEvent.Noted) heardTheNote.tryComplete();
    });
    listening.completion().await();
    stream.residentMessage(contact, "are you there", "a1").await();
    long noted = stream.note(id, "still waiting", "n1").await().seq();
    heardTheNote.future().await();
    listening.unregister().await();
    long lastSeen = heard.stream().mapToLong(Entry::seq).max().orElseThrow();
    assertEquals(noted, lastSeen);

    List<Future<Posted>> whileAway = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      whileAway.add(stream.residentMessage(contact, "away " + i, "w" + i));
      whileAway.add(stream.note(id, "note " + i, "wn" + i));
    }
    Future.all(whileAway).await();
    List<Entry> missed = stream.entries(id, lastSeen).await();
    long last = whileAway.stream().mapToLong(f -> f.result().seq()).max().orElseThrow();
    assertEquals(java.util.stream.LongStream.rangeClosed(lastSeen + 1, last).boxed().toList(), missed.stream().map(Entry::seq).toList(),
        "every entry published while the client was away, once, with no gap");
    assertTrue(missed.stream().allMatch(durable::contains));
    assertEquals(24, missed.stream().filter(e -> e.dedupeKey().filter(k -> k.startsWith("w")).isPresent()).count());
    assertTrue(heard.stream().noneMatch(e -> e.seq() > lastSeen), "nothing was heard after leaving");
  }

  @Test
  void anAvailableAgentIsAssignedAndADisconnectedOneHandsBackAfterTheGracePeriod() throws Exception {
    AgentProfile ana = new AgentProfile(new AgentId("ana"), "Ana", 2);
    stream.agentConnected(ana).await();
    stream.setPresence(ana, Presence.AVAILABLE).await();
    Posted posted = stream.residentMessage(new Contact(Channel.WEBCHAT, "+15550006666"), "need help", "h1").await();
    awaitAssignedTo(ana.id(), 1);
    stream.agentDisconnected(ana.id()).await();
    Thread.sleep(1000);
    assertEquals(0, stream.assignedTo(ana.id()).await().size());
    List<Entry> entries = store.entries(posted.conversation(), 0).await();
    assertTrue(entries.stream().anyMatch(e -> e.event() instanceof ConversationEvent.Unassigned));
    assertTrue(stream.openConversation(posted.conversation()).await().orElseThrow().isWaiting());
  }

  @Test
  void anAgentWhoReconnectsWithinTheGracePeriodKeepsTheirConversations() throws Exception {
    AgentProfile ana = new AgentProfile(new AgentId("ana"), "Ana", 2, Set.of());
    stream.agentConnected(ana).await();
    stream.setPresence(ana, Presence.AVAILABLE).await();
    ConversationId anas = stream.residentMessage(new Contact(Channel.WEBCHAT, "+15550005555"), "need help", "g1").await().conversation();
    awaitAssignedTo(ana.id(), 1);
    // Bob does not come back: his hand-back shows that the grace period, which began after Ana's, has run out.
    // His is a TTY call, which Ana (without the tty skill) cannot be given back in its place.
    AgentProfile bob = new AgentProfile(new AgentId("bob"), "Bob", 2);
    stream.agentConnected(bob).await();
    stream.setPresence(bob, Presence.AVAILABLE).await();
    ConversationId bobs = stream.openCall(new Contact(Channel.TTY, "+15550005556"), "CAbob").await().conversation();
    awaitAssignedTo(bob.id(), 1);
    Promise<Void> bobHandedBack = Promise.promise();
    Addresses.CONVERSATION.subscribe(vertx.eventBus(), bobs, signal -> {
      if (signal instanceof StreamSignal.EntryAdded a && a.entry().event() instanceof ConversationEvent.Unassigned) bobHandedBack.tryComplete();
    }).completion().await();

    stream.agentDisconnected(ana.id()).await();
    stream.agentDisconnected(bob.id()).await();
    stream.agentConnected(ana).await();
    bobHandedBack.future().await();

    assertEquals(1, stream.assignedTo(ana.id()).await().size());
    List<Entry> record = store.entries(anas, 0).await();
    assertTrue(record.stream().noneMatch(e -> e.event() instanceof ConversationEvent.Unassigned), "never handed back, not even to be given to her again");
    assertEquals(1, record.stream().filter(e -> e.event() instanceof ConversationEvent.Assigned).count());
    assertTrue(stream.openConversation(bobs).await().orElseThrow().isWaiting(), "the agent who stayed away lost his");
  }

  @Test
  void aResolvedConversationLeavesMemoryButItsRecordAndLateReportsStay() throws Exception {
    AgentProfile ana = new AgentProfile(new AgentId("ana"), "Ana", 2);
    stream.agentConnected(ana).await();
    stream.setPresence(ana, Presence.AVAILABLE).await();
    Contact contact = new Contact(Channel.WEBCHAT, "+15550002222");
    ConversationId id = stream.residentMessage(contact, "bins not collected", "r1").await().conversation();
    awaitAssignedTo(ana.id(), 1);
    Posted reply = stream.agentMessage(id, ana, "A truck is on its way", java.util.Optional.empty()).await();
    stream.resolve(id, ana, "Service request created").await();
    assertTrue(stream.openConversation(id).await().isEmpty(), "no longer held as open");
    assertEquals(0, stream.assignedTo(ana.id()).await().size());
    assertEquals(java.util.Optional.of(id), stream.latestConversation(contact).await(), "found through the store");
    Posted late = stream.deliveryStatus(id, reply.seq(), org.accessline.gateway.conversation.DeliveryStatus.DELIVERED, "", java.util.Optional.of("SMx:delivered")).await();
    List<Entry> record = store.entries(id, 0).await();
    Entry last = record.get(record.size() - 1);
    assertEquals(late.seq(), last.seq(), "a late delivery report still lands after the resolution");
    assertEquals(new ConversationEvent.DeliveryUpdated(reply.seq(), org.accessline.gateway.conversation.DeliveryStatus.DELIVERED, ""), last.event());
    assertTrue(record.stream().anyMatch(e -> e.event() instanceof ConversationEvent.Resolved r && e.seq() < last.seq()));
  }

  @Test
  void capacityLimitsAssignmentAndTheRestWaitOldestFirst() throws Exception {
    AgentProfile ana = new AgentProfile(new AgentId("ana"), "Ana", 2);
    List<ConversationId> order = new ArrayList<>();
    for (int i = 0; i < 3; i++) order.add(stream.residentMessage(new Contact(Channel.WEBCHAT, "+1555000400" + i), "q" + i, "c" + i).await().conversation());
    stream.agentConnected(ana).await();
    stream.setPresence(ana, Presence.AVAILABLE).await();
    awaitAssignedTo(ana.id(), 2);
    Set<ConversationId> assigned = new HashSet<>();
    stream.assignedTo(ana.id()).await().forEach(s -> assigned.add(s.id()));
    assertEquals(Set.of(order.get(0), order.get(1)), assigned);
    assertEquals(1, stream.waitingCount().await());
  }

  private void awaitAssignedTo(AgentId agent, int count) throws InterruptedException {
    for (int i = 0; i < 100 && stream.assignedTo(agent).await().size() < count; i++) Thread.sleep(20);
    assertEquals(count, stream.assignedTo(agent).await().size());
  }
}
