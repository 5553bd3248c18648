package org.accessline.gateway.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.accessline.gateway.channel.ChannelAdapter;
import org.accessline.gateway.channel.DeliveryOutcome;
import org.accessline.gateway.channel.OutboundMessage;
import org.accessline.gateway.channel.Posted;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.escalation.EmergencyPolicy;
import org.accessline.gateway.routing.AgentProfile;
import org.accessline.gateway.routing.Presence;
import org.accessline.gateway.signal.Addresses;
import org.accessline.gateway.signal.StreamSignal;
import org.accessline.gateway.store.MemoryInteractionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stream's invariants from docs/architecture.md, through its public ports only (Intake, Desk and the
 * constructor), on the in-memory store and a set clock: no server, no sleep; every wait is on a
 * future or a signal.
 */
class ConversationStreamTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  private final MemoryInteractionStore store = new MemoryInteractionStore();
  private final Deliveries webchat = new Deliveries();
  private Vertx vertx;
  private ConversationStream stream;

  @BeforeEach
  void start() {
    startStream();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private void startStream() {
    vertx = Vertx.vertx();
    stream = new ConversationStream(store, new ConversationStream.Settings(Duration.ofMinutes(1)), Clock.fixed(T0, ZoneOffset.UTC), List.of(webchat));
    vertx.deployVerticle(stream).await();
  }

  /** As a process restart: the old stream and its Vert.x are gone, the store's contents stay. */
  private void restart() {
    vertx.close().await();
    startStream();
  }

  private static Contact resident(int n) {
    return new Contact(Channel.WEBCHAT, "web:resident-" + n);
  }

  @Test
  void concurrentCommandsFromManyContextsGetGapFreeNumbersInEveryConversation() {
    int residents = 6;
    int each = 15;
    List<ConversationId> ids = new ArrayList<>();
    for (int r = 0; r < residents; r++) ids.add(stream.residentMessage(resident(r), "hello from " + r, "open-" + r).await().conversation());

    List<Future<List<Posted>>> senders = new ArrayList<>();
    for (int r = 0; r < residents; r++) {
      int n = r;
      ConversationId id = ids.get(r);
      senders.add(onNewContext(i -> stream.residentMessage(resident(n), "question " + i, "r" + n + "-" + i), each));
      senders.add(onNewContext(i -> stream.note(id, "line note " + i, "n" + n + "-" + i), each));
      senders.add(onNewContext(i -> stream.automatedMessage(id, "still here " + i, "a" + n + "-" + i), each));
    }
    for (int r = 0; r < residents; r++) {
      for (int i = 0; i < each; i++) stream.typing(ids.get(r), Participant.resident(resident(r)), i % 2 == 0);
    }
    Future.all(senders).await();

    for (int r = 0; r < residents; r++) {
      List<Entry> entries = store.entries(ids.get(r), 0).await();
      for (int i = 0; i < entries.size(); i++) assertEquals(i + 1, entries.get(i).seq(), "gap-free numbering");
      assertEquals(3 + 3 * each, entries.size(), "every command stored once");
      Set<Long> acknowledged = new HashSet<>();
      for (int s = r * 3; s < r * 3 + 3; s++) senders.get(s).result().forEach(p -> acknowledged.add(p.seq()));
      assertEquals(3 * each, acknowledged.size(), "each command acknowledged with its own number");
    }
  }

  @Test
  void aRetriedMessageIsStoredOnceEvenWhenRetriesRaceFromDifferentContexts() {
    Contact contact = resident(1);
    List<Future<List<Posted>>> tries = new ArrayList<>();
    for (int t = 0; t < 5; t++) tries.add(onNewContext(i -> stream.residentMessage(contact, "is the library open", "SMsame"), 1));
    Future.all(tries).await();
    List<Posted> answers = tries.stream().map(t -> t.result().get(0)).toList();
    assertEquals(1, answers.stream().filter(p -> !p.duplicate()).count());
    assertEquals(1, answers.stream().map(Posted::seq).distinct().count());
    assertEquals(1, store.entries(answers.get(0).conversation(), 0).await().stream().filter(Entry::isMessage).count());
  }

  @Test
  void aRetryLongAfterTheFirstAndAcrossARestartYieldsTheFirstEntryAndConsumesNoNumber() {
    Contact contact = resident(2);
    Posted first = stream.residentMessage(contact, "message 0", "old0").await();
    for (int i = 1; i <= 40; i++) stream.residentMessage(contact, "message " + i, "old" + i).await();
    Posted retry = stream.residentMessage(contact, "message 0", "old0").await();
    assertTrue(retry.duplicate());
    assertEquals(first.seq(), retry.seq());

    restart();
    Posted afterRestart = stream.residentMessage(contact, "message 0", "old0").await();
    assertTrue(afterRestart.duplicate());
    assertEquals(first.seq(), afterRestart.seq());
    assertEquals(first.seq() + 41, stream.residentMessage(contact, "message 41", "old41").await().seq(), "no retry took a number");
  }

  @Test
  void aRepeatedCallKeyIsTheSameCallAndEachNewCallGetsItsOwnConversation() {
    Contact caller = new Contact(Channel.TTY, "+15551230001");
    Posted call = stream.openCall(caller, "CA1").await();
    Posted again = stream.openCall(caller, "CA1").await();
    assertTrue(again.duplicate());
    assertEquals(call.conversation(), again.conversation());
    assertNotEquals(call.conversation(), stream.openCall(caller, "CA2").await().conversation());
    Posted typed = stream.callerMessage(call.conversation(), "HELLO GA", "CA1:1").await();
    assertEquals(new Posted(typed.conversation(), typed.seq(), true), stream.callerMessage(call.conversation(), "HELLO GA", "CA1:1").await(),
        "the caller's retry too");
  }

  @Test
  void entriesArePublishedOnlyOnceTheStoreHasThemAndInOrder() {
    Contact contact = resident(3);
    ConversationId id = stream.residentMessage(contact, "first", "p1").await().conversation();
    Context consumer = vertx.getOrCreateContext();
    List<Entry> seen = Collections.synchronizedList(new ArrayList<>());
    List<Boolean> durableWhenSeen = Collections.synchronizedList(new ArrayList<>());
    Promise<Void> firstSeen = Promise.promise();
    Promise<Void> allSeen = Promise.promise();
    onContext(consumer, () -> Addresses.CONVERSATION.subscribe(vertx.eventBus(), id, signal -> {
      if (!(signal instanceof StreamSignal.EntryAdded added)) return;
      durableWhenSeen.add(store.holds(added.entry()));
      seen.add(added.entry());
      if (seen.size() == 1) firstSeen.tryComplete();
      if (seen.size() == 11) allSeen.tryComplete();
    }).completion()).await();

    MemoryInteractionStore.AppendHold hold = store.holdAppends();
    Future<Posted> second = stream.residentMessage(contact, "second", "p2");
    List<Entry> asked = hold.next().await();
    settle(consumer);
    assertEquals(List.of(), seen, "nothing is published while its write is not durable");
    assertFalse(second.isComplete(), "nor acknowledged");

    hold.release();
    assertEquals(4, second.await().seq());
    // The consumer runs on a context of its own, so it may hear the entry just after the sender is answered.
    firstSeen.future().await();
    assertEquals(asked, seen.subList(0, 1));
    List<Future<Posted>> more = new ArrayList<>();
    for (int i = 0; i < 10; i++) more.add(stream.residentMessage(contact, "more " + i, "m" + i));
    Future.all(more).await();
    allSeen.future().await();
    assertEquals(List.of(4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L), seen.stream().map(Entry::seq).toList(), "in order, each once");
    assertEquals(Collections.nCopies(11, true), durableWhenSeen, "each one durable by the time it was heard");
  }

  @Test
  void anEmergencyMessageIsAcknowledgedWithItsOwnNumberTheFirstTimeAndOnARetry() {
    Contact contact = resident(5);
    Posted first = stream.residentMessage(contact, "Someone collapsed and is not breathing", "e5").await();
    Posted retry = stream.residentMessage(contact, "Someone collapsed and is not breathing", "e5").await();
    assertEquals(3, first.seq(), "the message, not the guidance written after it");
    assertEquals(new Posted(first.conversation(), first.seq(), true), retry);
  }

  @Test
  void anEmergencyIsFlaggedAndAnsweredWithGuidanceInTheSameWriteAsTheMessage() {
    Contact contact = resident(4);
    Promise<StreamSignal.Alert> alert = Promise.promise();
    Addresses.SUPERVISORS.subscribe(vertx.eventBus(), alert::tryComplete).completion().await();
    MemoryInteractionStore.AppendHold hold = store.holdAppends();
    Future<Posted> posted = stream.residentMessage(contact, "There is smoke coming from the house next door", "e1");

    List<Entry> write = hold.next().await();
    assertEquals(List.of("opened", "queued", "message", "escalated", "message"), write.stream().map(e -> e.event().kind()).toList(), "one write");
    assertEquals(Participant.resident(contact), write.get(2).actor());
    ConversationEvent.Escalated flagged = assertInstanceOf(ConversationEvent.Escalated.class, write.get(3).event());
    assertEquals(ConversationEvent.Escalated.EMERGENCY, flagged.path());
    assertEquals(Participant.CENTER, write.get(4).actor());
    assertEquals(new ConversationEvent.MessagePosted(EmergencyPolicy.defaults().guidanceFor(Channel.WEBCHAT)), write.get(4).event());
    assertEquals(List.of(), webchat.handed(), "the guidance is not sent before it is durable");

    hold.release();
    ConversationId id = posted.await().conversation();
    assertEquals(write, store.entries(id, 0).await());
    assertEquals(List.of(new OutboundMessage(id, 5, contact, EmergencyPolicy.defaults().guidanceFor(Channel.WEBCHAT))), webchat.handed());
    assertEquals(List.of(true), webchat.durableWhenHanded());
    assertEquals(id, alert.future().await().conversation());
  }

  @Test
  void aTextAfterTheConversationWasResolvedOpensANewRecordThatLinksBack() {
    Contact contact = resident(5);
    AgentProfile ana = new AgentProfile(new AgentId("ana"), "Ana", 4);
    Future<ConversationId> assigned = firstAssignedTo(ana.id());
    stream.agentConnected(ana).await();
    stream.setPresence(ana, Presence.AVAILABLE).await();
    ConversationId first = stream.residentMessage(contact, "My bins were not collected", "b1").await().conversation();
    assertEquals(first, assigned.await());
    stream.agentMessage(first, ana, "A truck is on its way", Optional.empty()).await();
    stream.resolve(first, ana, "Service request created").await();

    Posted again = stream.residentMessage(contact, "Thanks, the truck came", "b2").await();
    assertNotEquals(first, again.conversation());
    List<Entry> opening = store.entries(again.conversation(), 0).await();
    assertEquals(new ConversationEvent.Opened(contact, Optional.of(first)), opening.get(0).event(), "the link is in the opening entry");
    assertEquals(new ConversationEvent.MessagePosted("Thanks, the truck came"), opening.get(2).event());
    assertEquals(List.of(again.conversation()), store.following(first).await());
    assertEquals(Optional.of(again.conversation()), stream.latestConversation(contact).await());
    assertTrue(store.entries(first, 0).await().stream().noneMatch(e -> e.text().filter(t -> t.startsWith("Thanks")).isPresent()), "the old record is closed");
  }

  @Test
  void aTexterWhoJustSaidStopIsOptedOutAtOnce() {
    Contact texter = new Contact(Channel.SMS, "+15550104444");
    assertFalse(stream.optedOut(texter).await());
    Posted stop = stream.residentMessage(texter, "STOP", "sms:1").await();
    stream.consent(stop.conversation(), true, "STOP", "sms:1:consent").await();
    assertTrue(stream.optedOut(texter).await(), "asked right after the opt-out was acknowledged");

    Contact other = new Contact(Channel.SMS, "+15550105555");
    Posted first = stream.residentMessage(other, "STOP", "sms:2").await();
    stream.consent(first.conversation(), true, "STOP", "sms:2:consent").await();
    assertTrue(stream.optedOut(other).await(), "the first thing they ever texted");
    stream.resolve(first.conversation(), new AgentProfile(new AgentId("ana"), "Ana", 1), "Opted out").otherwise((Posted) null).await();
    assertTrue(stream.optedOut(other).await(), "still, once their conversation is over");
  }

  @Test
  void aNewStreamOverTheSameStoreResumesEveryOpenConversationWhereItStood() {
    AgentProfile ana = new AgentProfile(new AgentId("ana"), "Ana", 1);
    ConversationId done = stream.residentMessage(resident(6), "done soon", "d1").await().conversation();
    Future<ConversationId> assigned = firstAssignedTo(ana.id());
    stream.agentConnected(ana).await();
    stream.setPresence(ana, Presence.AVAILABLE).await();
    assertEquals(done, assigned.await());
    stream.resolve(done, ana, "Information provided").await();
    Future<ConversationId> next = firstAssignedTo(ana.id());
    ConversationId withAna = stream.residentMessage(resident(7), "with an agent", "w1").await().conversation();
    assertEquals(withAna, next.await());
    ConversationId waiting = stream.residentMessage(resident(8), "still waiting", "q1").await().conversation();
    long waitingLast = stream.residentMessage(resident(8), "hello?", "q2").await().seq();

    restart();
    assertEquals(waitingLast, stream.openConversation(waiting).await().orElseThrow().lastSeq());
    assertTrue(stream.openConversation(waiting).await().orElseThrow().isWaiting());
    assertEquals(List.of(withAna), stream.assignedTo(ana.id()).await().stream().map(s -> s.id()).toList(), "kept for its agent to come back to");
    assertEquals(Optional.empty(), stream.openConversation(done).await(), "a resolved one is not reloaded");
    assertEquals(1, stream.waitingCount().await());
    Posted resumed = stream.residentMessage(resident(8), "anyone there?", "q3").await();
    assertEquals(waiting, resumed.conversation());
    assertEquals(waitingLast + 1, resumed.seq());
    assertEquals(new Posted(waiting, waitingLast, true), stream.residentMessage(resident(8), "hello?", "q2").await());
    Posted reopened = stream.residentMessage(resident(6), "one more thing", "d2").await();
    assertNotEquals(done, reopened.conversation());
    assertEquals(new ConversationEvent.Opened(resident(6), Optional.of(done)), store.entries(reopened.conversation(), 0).await().get(0).event(),
        "the link to a record resolved before the restart");
  }

  // ---- Helpers ----

  /** Sends {@code count} commands one after another from a context of their own, as a channel's event loop would. */
  private Future<List<Posted>> onNewContext(Function<Integer, Future<Posted>> command, int count) {
    Context context = vertx.getOrCreateContext();
    return onContext(context, () -> {
      List<Future<Posted>> sent = new ArrayList<>();
      for (int i = 0; i < count; i++) sent.add(command.apply(i));
      return Future.all(sent).map(all -> sent.stream().map(Future::result).toList());
    });
  }

  private static <T> Future<T> onContext(Context context, java.util.function.Supplier<Future<T>> work) {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> work.get().onComplete(done));
    return done.future();
  }

  /**
   * Lets every turn already queued pass: one on the stream's context (through a query), then one on
   * the consumer's, which runs after any delivery the stream queued for it before.
   */
  private void settle(Context consumer) {
    stream.waitingCount().await();
    onContext(consumer, () -> Future.succeededFuture()).await();
  }

  /** The conversation first assigned to {@code agent}, as its console hears of it. */
  private Future<ConversationId> firstAssignedTo(AgentId agent) {
    Promise<ConversationId> first = Promise.promise();
    var consumer = Addresses.AGENT.subscribe(vertx.eventBus(), agent, signal -> {
      if (signal instanceof StreamSignal.EntryAdded added && added.entry().event() instanceof ConversationEvent.Assigned a && a.agent().equals(agent)) {
        first.tryComplete(added.entry().conversationId());
      }
    });
    consumer.completion().await();
    return first.future().andThen(ar -> consumer.unregister());
  }

  /** The web chat adapter's side: what it was handed, and whether the store had it by then. */
  private final class Deliveries implements ChannelAdapter {
    private final List<OutboundMessage> handed = Collections.synchronizedList(new ArrayList<>());
    private final List<Boolean> durable = Collections.synchronizedList(new ArrayList<>());

    @Override
    public Channel channel() {
      return Channel.WEBCHAT;
    }

    @Override
    public Future<DeliveryOutcome> deliver(OutboundMessage message) {
      durable.add(store.stored(message.conversation(), message.seq()).flatMap(Entry::text).equals(Optional.of(message.text())));
      handed.add(message);
      return Future.succeededFuture(new DeliveryOutcome.Live());
    }

    List<OutboundMessage> handed() {
      return List.copyOf(handed);
    }

    List<Boolean> durableWhenHanded() {
      return List.copyOf(durable);
    }
  }
}
