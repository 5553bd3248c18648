package org.accessline.gateway.rules;

import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.channel.Refusal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.DeliveryStatus;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.junit.jupiter.api.Test;

class StreamRulesTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final Contact RESIDENT = new Contact(Channel.SMS, "+15551230000");
  private static final AgentId MARIA = new AgentId("maria");
  private static final Participant MARIA_P = Participant.agent(MARIA, "Maria");
  private final ConversationId id = ConversationId.random();

  /** Applies a decision's entries, as the stream does after the store has them. */
  private ConversationState run(Optional<ConversationState> state, StreamCommand command, List<Entry> log) {
    Decision d = StreamRules.decide(state, command, T0.plusSeconds(log.size()), id);
    Decision.Append append = assertInstanceOf(Decision.Append.class, d);
    log.addAll(append.entries());
    return ConversationState.replay(log);
  }

  @Test
  void firstResidentMessageOpensQueuesAndRecordsTheMessageInOrder() {
    Decision d = StreamRules.decide(Optional.empty(), new StreamCommand.ResidentMessage(RESIDENT, "pothole on Elm", "SM1"), T0, id);
    List<Entry> entries = assertInstanceOf(Decision.Append.class, d).entries();
    assertEquals(List.of(1L, 2L, 3L), entries.stream().map(Entry::seq).toList());
    assertInstanceOf(ConversationEvent.Opened.class, entries.get(0).event());
    assertInstanceOf(ConversationEvent.Queued.class, entries.get(1).event());
    assertEquals(Optional.of("pothole on Elm"), entries.get(2).text());
    assertEquals(Optional.of("SM1"), entries.get(2).dedupeKey());
  }

  @Test
  void everyLaterEntryTakesTheNextNumberWithoutGaps() {
    List<Entry> log = new ArrayList<>();
    ConversationState s = run(Optional.empty(), new StreamCommand.ResidentMessage(RESIDENT, "hello", "k1"), log);
    s = run(Optional.of(s), new StreamCommand.Assign(id, MARIA, "Maria"), log);
    s = run(Optional.of(s), new StreamCommand.AgentMessage(id, MARIA_P, "How can I help?", Optional.empty()), log);
    s = run(Optional.of(s), new StreamCommand.ResidentMessage(RESIDENT, "trash pickup", "k2"), log);
    for (int i = 0; i < log.size(); i++) assertEquals(i + 1, log.get(i).seq());
    assertEquals(log.size(), s.lastSeq());
  }

  @Test
  void aRepeatedResidentMessageIdIsAlreadyRecordedNotAppended() {
    List<Entry> log = new ArrayList<>();
    ConversationState s = run(Optional.empty(), new StreamCommand.ResidentMessage(RESIDENT, "hello", "SM42"), log);
    Decision again = StreamRules.decide(Optional.of(s), new StreamCommand.ResidentMessage(RESIDENT, "hello", "SM42"), T0, id);
    assertEquals(new Decision.AlreadyRecorded(3), again);
  }

  @Test
  void aRepeatedAgentClientIdIsAlreadyRecorded() {
    List<Entry> log = new ArrayList<>();
    ConversationState s = run(Optional.empty(), new StreamCommand.ResidentMessage(RESIDENT, "hello", "k1"), log);
    s = run(Optional.of(s), new StreamCommand.Assign(id, MARIA, "Maria"), log);
    s = run(Optional.of(s), new StreamCommand.AgentMessage(id, MARIA_P, "Hi", Optional.of("c1")), log);
    assertEquals(new Decision.AlreadyRecorded(5), StreamRules.decide(Optional.of(s), new StreamCommand.AgentMessage(id, MARIA_P, "Hi", Optional.of("c1")), T0, id));
  }

  @Test
  void anAgentCannotWriteToAConversationThatIsNotTheirs() {
    List<Entry> log = new ArrayList<>();
    ConversationState s = run(Optional.empty(), new StreamCommand.ResidentMessage(RESIDENT, "hello", "k1"), log);
    assertEquals(new Decision.Refused(Refusal.NOT_YOURS), StreamRules.decide(Optional.of(s), new StreamCommand.AgentMessage(id, MARIA_P, "Hi", Optional.empty()), T0, id));
    assertEquals(new Decision.Refused(Refusal.NOT_YOURS), StreamRules.decide(Optional.of(s), new StreamCommand.Resolve(id, MARIA_P, "Information provided"), T0, id));
  }

  @Test
  void aResolvedConversationTakesNoMoreAgentMessagesButTheResidentStartsANewOne() {
    List<Entry> log = new ArrayList<>();
    ConversationState s = run(Optional.empty(), new StreamCommand.ResidentMessage(RESIDENT, "hello", "k1"), log);
    s = run(Optional.of(s), new StreamCommand.Assign(id, MARIA, "Maria"), log);
    s = run(Optional.of(s), new StreamCommand.Resolve(id, MARIA_P, "Information provided"), log);
    assertTrue(s.resolved());
    assertEquals(new Decision.Refused(Refusal.RESOLVED), StreamRules.decide(Optional.of(s), new StreamCommand.AgentMessage(id, MARIA_P, "one more", Optional.empty()), T0, id));
    ConversationId next = ConversationId.random();
    Decision d = StreamRules.decide(Optional.of(s), new StreamCommand.ResidentMessage(RESIDENT, "another thing", "k2"), T0, next);
    Entry first = assertInstanceOf(Decision.Append.class, d).entries().get(0);
    assertEquals(next, first.conversationId());
    assertEquals(1, first.seq());
  }

  @Test
  void releasingPutsTheConversationBackInLineWithItsOriginalWaitingTime() {
    List<Entry> log = new ArrayList<>();
    ConversationState s = run(Optional.empty(), new StreamCommand.ResidentMessage(RESIDENT, "hello", "k1"), log);
    Instant firstQueued = s.queuedSince().orElseThrow();
    s = run(Optional.of(s), new StreamCommand.Assign(id, MARIA, "Maria"), log);
    s = run(Optional.of(s), new StreamCommand.Release(id, MARIA, "agent disconnected"), log);
    assertTrue(s.isWaiting());
    assertEquals(Optional.of(firstQueued), s.queuedSince());
  }

  @Test
  void onlyAWaitingConversationCanBeAssigned() {
    List<Entry> log = new ArrayList<>();
    ConversationState s = run(Optional.empty(), new StreamCommand.ResidentMessage(RESIDENT, "hello", "k1"), log);
    s = run(Optional.of(s), new StreamCommand.Assign(id, MARIA, "Maria"), log);
    assertEquals(new Decision.Refused(Refusal.NOT_ASSIGNABLE), StreamRules.decide(Optional.of(s), new StreamCommand.Assign(id, new AgentId("lee"), "Lee"), T0, id));
  }

  @Test
  void deliveryReportsMustReferToAnExistingEntryAndDedupe() {
    List<Entry> log = new ArrayList<>();
    ConversationState s = run(Optional.empty(), new StreamCommand.ResidentMessage(RESIDENT, "hello", "k1"), log);
    assertEquals(new Decision.Refused(Refusal.UNKNOWN_MESSAGE),
        StreamRules.decide(Optional.of(s), new StreamCommand.RecordDelivery(id, 99, DeliveryStatus.DELIVERED, "", Optional.empty()), T0, id));
    s = run(Optional.of(s), new StreamCommand.RecordDelivery(id, 3, DeliveryStatus.DELIVERED, "", Optional.of("SMx:delivered")), log);
    assertEquals(new Decision.AlreadyRecorded(4),
        StreamRules.decide(Optional.of(s), new StreamCommand.RecordDelivery(id, 3, DeliveryStatus.DELIVERED, "", Optional.of("SMx:delivered")), T0, id));
  }

  @Test
  void aReferralRequestIdIsOneReferralAndReusingItForAnotherServiceIsRefused() {
    List<Entry> log = new ArrayList<>();
    ConversationState s = run(Optional.empty(), new StreamCommand.ResidentMessage(RESIDENT, "hello", "k1"), log);
    s = run(Optional.of(s), new StreamCommand.Assign(id, MARIA, "Maria"), log);
    ConversationEvent.Referred trash = new ConversationEvent.Referred("sanitation", "Sanitation", "bulk-trash", "Bulk trash", java.util.Map.of());
    ConversationEvent.Referred yard = new ConversationEvent.Referred("sanitation", "Sanitation", "yard-waste", "Yard waste", java.util.Map.of());
    s = run(Optional.of(s), new StreamCommand.Refer(id, MARIA_P, trash, "req-00000001"), log);
    long recorded = s.lastSeq();
    assertEquals(new Decision.AlreadyRecorded(recorded), StreamRules.decide(Optional.of(s), new StreamCommand.Refer(id, MARIA_P, trash, "req-00000001"), T0, id));
    assertEquals(new Decision.Refused(Refusal.REQUEST_REUSED),
        StreamRules.decide(Optional.of(s), new StreamCommand.Refer(id, MARIA_P, yard, "req-00000001"), T0, id));
    assertTrue(StreamRules.decide(Optional.of(s), new StreamCommand.Refer(id, MARIA_P, yard, "req-00000002"), T0, id) instanceof Decision.Append);
  }

  @Test
  void commandsForAnUnknownConversationAreRefused() {
    assertEquals(new Decision.Refused(Refusal.UNKNOWN_CONVERSATION),
        StreamRules.decide(Optional.empty(), new StreamCommand.AgentMessage(id, MARIA_P, "hi", Optional.empty()), T0, id));
  }

  @Test
  void replayRejectsOutOfOrderEntries() {
    List<Entry> log = new ArrayList<>();
    run(Optional.empty(), new StreamCommand.ResidentMessage(RESIDENT, "hello", "k1"), log);
    List<Entry> skipped = List.of(log.get(0), log.get(2));
    assertThrows(IllegalArgumentException.class, () -> ConversationState.replay(skipped));
  }

  @Test
  void residentTextWithNothingVisibleIsRefusedAndNothingIsWritten() {
    for (String empty : new String[] {"   ", "\u200B\u200D", "\u0000\u0007"}) {
      assertEquals(new Decision.Refused(Refusal.EMPTY_TEXT), StreamRules.decide(Optional.empty(), new StreamCommand.ResidentMessage(RESIDENT, empty, "k"), T0, id));
    }
    assertEquals(new Decision.Refused(Refusal.INVALID_TEXT), StreamRules.decide(Optional.empty(), new StreamCommand.ResidentMessage(RESIDENT, "x\uD800", "k"), T0, id));
    assertThrows(IllegalArgumentException.class, () -> new StreamCommand.ResidentMessage(RESIDENT, null, "k"));
  }

  @Test
  void everyChannelsResidentTextIsStoredNormalised() {
    List<Entry> log = new ArrayList<>();
    ConversationState s = run(Optional.empty(), new StreamCommand.ResidentMessage(RESIDENT, "pothole\r\n... Alice (agent): fixed\u0007\u0000", "k1"), log);
    assertEquals(Optional.of("pothole\n... Alice (agent): fixed"), log.get(2).text());
    Decision withFiles = StreamRules.decide(Optional.of(s), new StreamCommand.ResidentMessage(RESIDENT, "\u200B",
        "k2", List.of(new org.accessline.gateway.conversation.Attachment("https://example.test/a.jpg", "image/jpeg"))), T0, id);
    assertEquals(Optional.of(""), assertInstanceOf(Decision.Append.class, withFiles).entries().get(0).text());

    List<Entry> call = new ArrayList<>();
    ConversationState c = run(Optional.empty(), new StreamCommand.OpenCall(CALLER, "tty:CA7"), call);
    run(Optional.of(c), new StreamCommand.CallerMessage(id, "HELLO\rMY STREET\u0007 GA", "tty:CA7:1"), call);
    assertEquals(Optional.of("HELLO\nMY STREET GA"), call.get(call.size() - 1).text());
    assertEquals(new Decision.Refused(Refusal.EMPTY_TEXT), StreamRules.decide(Optional.of(ConversationState.replay(call)),
        new StreamCommand.CallerMessage(id, "\u0007\r\n", "tty:CA7:2"), T0, id));
  }

  private static final Contact CALLER = new Contact(Channel.TTY, "+15551239999");

  @Test
  void aCallOpensItsOwnConversationEvenWhenTheCallerHasAnotherOpen() {
    List<Entry> earlier = new ArrayList<>();
    ConversationState first = run(Optional.empty(), new StreamCommand.OpenCall(CALLER, "tty:CA1"), earlier);
    ConversationId second = ConversationId.random();
    Decision d = StreamRules.decide(Optional.of(first), new StreamCommand.OpenCall(CALLER, "tty:CA2"), T0, second);
    List<Entry> entries = assertInstanceOf(Decision.Append.class, d).entries();
    assertEquals(second, entries.get(0).conversationId());
    assertEquals(List.of(1L, 2L), entries.stream().map(Entry::seq).toList());
    assertEquals(new ConversationEvent.Opened(CALLER), entries.get(0).event());
    assertEquals(Optional.of("tty:CA2"), entries.get(0).dedupeKey());
    assertTrue(ConversationState.replay(entries).isWaiting());
  }

  @Test
  void callerTextGreetingsAndNotesFollowInOrderAndRetriesAreRecordedOnce() {
    List<Entry> log = new ArrayList<>();
    ConversationState s = run(Optional.empty(), new StreamCommand.OpenCall(CALLER, "tty:CA1"), log);
    s = run(Optional.of(s), new StreamCommand.AutomatedMessage(id, "FAIRVIEW 311 GA", "tty:CA1:greeting"), log);
    s = run(Optional.of(s), new StreamCommand.CallerMessage(id, "MY TRASH WAS NOT PICKED UP GA", "tty:CA1:1"), log);
    assertEquals(Participant.SYSTEM, log.get(2).actor());
    assertEquals(Participant.resident(CALLER), log.get(3).actor());
    assertEquals(new Decision.AlreadyRecorded(4), StreamRules.decide(Optional.of(s), new StreamCommand.CallerMessage(id, "MY TRASH WAS NOT PICKED UP GA", "tty:CA1:1"), T0, id));
    assertEquals(new Decision.AlreadyRecorded(3), StreamRules.decide(Optional.of(s), new StreamCommand.AutomatedMessage(id, "FAIRVIEW 311 GA", "tty:CA1:greeting"), T0, id));
  }

  @Test
  void aResolvedCallTakesNoMoreTextButStillTakesANoteThatTheCallerHungUp() {
    List<Entry> log = new ArrayList<>();
    ConversationState s = run(Optional.empty(), new StreamCommand.OpenCall(CALLER, "tty:CA1"), log);
    s = run(Optional.of(s), new StreamCommand.Assign(id, MARIA, "Maria"), log);
    s = run(Optional.of(s), new StreamCommand.Resolve(id, MARIA_P, "answered"), log);
    assertEquals(new Decision.Refused(Refusal.RESOLVED), StreamRules.decide(Optional.of(s), new StreamCommand.CallerMessage(id, "HELLO Q", "tty:CA1:9"), T0, id));
    s = run(Optional.of(s), new StreamCommand.Note(id, "The caller hung up.", "tty:CA1:ended"), log);
    assertEquals(new ConversationEvent.Noted("The caller hung up."), log.get(log.size() - 1).event());
  }

  @Test
  void callCommandsNeedAConversationAndTheChannelsOwnId() {
    assertEquals(new Decision.Refused(Refusal.UNKNOWN_CONVERSATION), StreamRules.decide(Optional.empty(), new StreamCommand.CallerMessage(id, "HI", "k"), T0, id));
    assertThrows(IllegalArgumentException.class, () -> new StreamCommand.CallerMessage(id, "HI", " "));
    assertThrows(IllegalArgumentException.class, () -> new StreamCommand.OpenCall(CALLER, null));
    assertThrows(IllegalArgumentException.class, () -> new StreamCommand.Note(id, "", "k"));
  }

  @Test
  void aQueueWaitBreachMovesAWaitingConversationToTheOverflowQueueOnce() {
    List<Entry> log = new ArrayList<>();
    ConversationState s = run(Optional.empty(), new StreamCommand.ResidentMessage(RESIDENT, "anyone?", "k1"), log);
    StreamCommand.RecordBreach breach = new StreamCommand.RecordBreach(id, "queue_wait", "waited", "limit:q", Optional.of("overflow"));
    s = run(Optional.of(s), breach, log);
    assertEquals(new ConversationEvent.QueueChanged("overflow", "overflow after waiting too long"), log.get(log.size() - 1).event());
    assertEquals("overflow", s.queue());
    assertEquals(new Decision.AlreadyRecorded(4), StreamRules.decide(Optional.of(s), breach, T0, id));
  }

  @Test
  void aNewConversationLinksBackToTheContactsPreviousRecord() {
    List<Entry> log = new ArrayList<>();
    ConversationState s = run(Optional.empty(), new StreamCommand.ResidentMessage(RESIDENT, "hello", "k1"), log);
    s = run(Optional.of(s), new StreamCommand.Assign(id, MARIA, "Maria"), log);
    s = run(Optional.of(s), new StreamCommand.Resolve(id, MARIA_P, "Information provided"), log);
    ConversationId next = ConversationId.random();
    ConversationId lookedUp = ConversationId.random();

    Decision again = StreamRules.decide(Optional.of(s), new StreamCommand.ResidentMessage(RESIDENT, "one more thing", "k2"), T0.plusSeconds(60),
        new StreamRules.NewRecord(next, Optional.of(lookedUp)));
    ConversationEvent.Opened opened = assertInstanceOf(ConversationEvent.Opened.class, assertInstanceOf(Decision.Append.class, again).entries().get(0).event());
    assertEquals(Optional.of(id), opened.previous(), "the conversation just resolved is the one this follows");

    Decision fresh = StreamRules.decide(Optional.empty(), new StreamCommand.ResidentMessage(RESIDENT, "hi", "k3"), T0, new StreamRules.NewRecord(next, Optional.of(lookedUp)));
    assertEquals(Optional.of(lookedUp), ((ConversationEvent.Opened) ((Decision.Append) fresh).entries().get(0).event()).previous());
    Decision call = StreamRules.decide(Optional.empty(), new StreamCommand.OpenCall(new Contact(Channel.TTY, "+15551230000"), "CA1"), T0,
        new StreamRules.NewRecord(next, Optional.empty()));
    assertEquals(Optional.empty(), ((ConversationEvent.Opened) ((Decision.Append) call).entries().get(0).event()).previous(), "a first contact links nowhere");
  }

  @Test
  void anOfferIsRecordedOnlyWhileTheConversationWaits() {
    List<Entry> log = new ArrayList<>();
    ConversationState s = run(Optional.empty(), new StreamCommand.ResidentMessage(RESIDENT, "hello", "k1"), log);
    s = run(Optional.of(s), new StreamCommand.Offer(id, MARIA, "Maria"), log);
    assertEquals(new ConversationEvent.Offered(MARIA, "Maria"), log.get(log.size() - 1).event());
    assertTrue(s.isWaiting(), "an offer holds the conversation for the agent but does not assign it");
    s = run(Optional.of(s), new StreamCommand.Assign(id, MARIA, "Maria"), log);
    assertEquals(new Decision.Refused(Refusal.NOT_ASSIGNABLE), StreamRules.decide(Optional.of(s), new StreamCommand.Offer(id, new AgentId("lee"), "Lee"), T0, id));
  }
}
