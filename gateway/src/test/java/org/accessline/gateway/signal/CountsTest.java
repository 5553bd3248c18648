package org.accessline.gateway.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Breach;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.junit.jupiter.api.Test;

class CountsTest {
  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  private static final AgentId MARIA = new AgentId("maria");
  private static final Contact CALLER = new Contact(Channel.TTY, "+15551230000");
  private final ConversationId id = ConversationId.random();
  private final List<Entry> log = new ArrayList<>();

  private List<Entry> write(long atSecond, ConversationEvent... events) {
    List<Entry> entries = new ArrayList<>();
    for (ConversationEvent e : events) {
      Entry entry = new Entry(id, log.size() + 1, T0.plusSeconds(atSecond), Participant.SYSTEM, e, Optional.empty());
      log.add(entry);
      entries.add(entry);
    }
    return entries;
  }

  private List<StreamSignal.Counted> counted(long atSecond, ConversationEvent... events) {
    Optional<ConversationState> before = log.isEmpty() ? Optional.empty() : Optional.of(ConversationState.replay(log));
    return Counts.of(before, write(atSecond, events));
  }

  private StreamSignal.Counted expect(String what, Optional<AgentId> agent, long waitMillis, long atSecond) {
    return new StreamSignal.Counted(what, id, "tty", "", agent, waitMillis, T0.plusSeconds(atSecond));
  }

  @Test
  void anAnsweredCallCountsItsWaitFromWhenItWasQueuedAndItsAgentWhenResolved() {
    assertEquals(List.of(), counted(0, new ConversationEvent.Opened(CALLER), new ConversationEvent.Queued(T0, "waiting")));
    assertEquals(List.of(expect(StreamSignal.Counted.ANSWERED, Optional.of(MARIA), 25_000, 25)), counted(25, new ConversationEvent.Assigned(MARIA, "Maria")));
    assertEquals(List.of(expect(StreamSignal.Counted.HANDLED, Optional.of(MARIA), 0, 400)), counted(400, new ConversationEvent.Resolved("answered")));
  }

  @Test
  void aCallerWhoHangsUpInQueueIsAbandonedWithTheirWait() {
    counted(0, new ConversationEvent.Opened(CALLER), new ConversationEvent.Queued(T0, "waiting"));
    assertEquals(List.of(expect(StreamSignal.Counted.ABANDONED, Optional.empty(), 90_000, 90)), counted(90, new ConversationEvent.Resolved("caller hung up")));
  }

  @Test
  void aTransferBackToTheQueueIsAnsweredAgainAndResolvedByTheSecondAgent() {
    counted(0, new ConversationEvent.Opened(CALLER), new ConversationEvent.Queued(T0, "waiting"), new ConversationEvent.Assigned(MARIA, "Maria"));
    AgentId lee = new AgentId("lee");
    counted(60, new ConversationEvent.Unassigned(MARIA, "transferred"), new ConversationEvent.Queued(T0.plusSeconds(60), "transferred"));
    assertEquals(List.of(expect(StreamSignal.Counted.ANSWERED, Optional.of(lee), 10_000, 70)), counted(70, new ConversationEvent.Assigned(lee, "Lee")));
    assertEquals(List.of(expect(StreamSignal.Counted.HANDLED, Optional.of(lee), 0, 80)), counted(80, new ConversationEvent.Resolved("answered")));
  }

  @Test
  void timeLimitsAndAFirstEmergencyCountButAHandUpAndARepeatedEmergencyDoNot() {
    counted(0, new ConversationEvent.Opened(CALLER), new ConversationEvent.Queued(T0, "waiting"));
    assertEquals(List.of(expect(StreamSignal.Counted.LIMIT_PASSED, Optional.empty(), 0, 120)), counted(120, new ConversationEvent.Escalated(Breach.QUEUE_WAIT, "waited")));
    assertEquals(List.of(expect(StreamSignal.Counted.EMERGENCY, Optional.empty(), 0, 130)),
        counted(130, new ConversationEvent.Escalated(ConversationEvent.Escalated.EMERGENCY, "fire")));
    assertEquals(List.of(), counted(131, new ConversationEvent.Escalated(ConversationEvent.Escalated.EMERGENCY, "fire again")));
    assertEquals(List.of(), counted(132, new ConversationEvent.Escalated(ConversationEvent.Escalated.SUPERVISOR, "help")));
  }

  @Test
  void entriesOfAnotherConversationThanTheStateBeforeStartFromTheirOwnOpening() {
    Entry elsewhere = new Entry(ConversationId.random(), 5, T0, Participant.SYSTEM, new ConversationEvent.Resolved("x"), Optional.empty());
    counted(0, new ConversationEvent.Opened(CALLER), new ConversationEvent.Queued(T0, "waiting"));
    assertEquals(List.of(), Counts.of(Optional.of(ConversationState.replay(log)), List.of(elsewhere)), "a stray entry is not this conversation's");
  }
}
