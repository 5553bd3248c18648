package org.accessline.gateway.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
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

class RecordFactsTest {
  private static final Instant T0 = Instant.parse("2026-11-22T14:00:00Z");
  private static final ConversationId ID = ConversationId.random();
  private static final Contact TTY = new Contact(Channel.TTY, "+15550000003");
  private static final Participant MARIA = Participant.agent(new AgentId("maria"), "Maria");
  private long seq = 1;

  private Entry at(long seconds, Participant who, ConversationEvent event, String key) {
    return new Entry(ID, seq++, T0.plusSeconds(seconds), who, event, Optional.ofNullable(key));
  }

  private Entry at(long seconds, Participant who, ConversationEvent event) {
    return at(seconds, who, event, null);
  }

  private RecordFacts queued() {
    return RecordFacts.opened(at(0, Participant.resident(TTY), new ConversationEvent.Opened(TTY)))
        .with(at(0, Participant.SYSTEM, new ConversationEvent.Queued(T0, "waiting")));
  }

  @Test
  void aCallerWhoHangsUpInTheQueueAbandonedAndFilingItLaterDoesNotAnswerIt() {
    RecordFacts f = queued().with(at(90, Participant.SYSTEM, new ConversationEvent.Noted("The caller hung up."), "tty:CA1:ended"));
    assertTrue(f.abandoned());
    assertEquals(T0.plusSeconds(90).toEpochMilli(), f.endedMs());
    f = f.with(at(200, Participant.SYSTEM, new ConversationEvent.Assigned(new AgentId("maria"), "Maria")))
        .with(at(260, MARIA, new ConversationEvent.Resolved("Caller hung up")));
    assertTrue(f.abandoned());
    assertNull(f.answeredMs());
    assertNull(f.agent());
    assertEquals(T0.plusSeconds(90).toEpochMilli(), f.endedMs(), "it ended when the caller left");
  }

  @Test
  void aCallThatEndsAfterBeingAnsweredIsHandledUntilItsResolution() {
    RecordFacts f = queued().with(at(10, Participant.SYSTEM, new ConversationEvent.Assigned(new AgentId("maria"), "Maria")))
        .with(at(90, Participant.SYSTEM, new ConversationEvent.Noted("The caller hung up."), "tty:CA1:ended"))
        .with(at(150, MARIA, new ConversationEvent.Resolved("Information provided")));
    assertFalse(f.abandoned());
    assertEquals(140_000L, f.handleMs(), "wrap-up after the call is handle time");
  }

  @Test
  void aNoteByStaffOrWithAnotherKeyIsNotTheEndOfACall() {
    RecordFacts before = queued();
    assertSame(before, before.with(at(5, MARIA, new ConversationEvent.Noted("ended"), "tty:CA1:ended")));
    assertSame(before, before.with(at(5, Participant.SYSTEM, new ConversationEvent.Noted("key pressed"), "tty:CA1:dtmf-1")));
    assertFalse(RecordFacts.matters(at(5, Participant.resident(TTY), new ConversationEvent.MessagePosted("hello GA"))));
  }

  @Test
  void theFirstQueueingAndAnswerAndReplyStayTheLaterAgentAndQueueWin() {
    RecordFacts f = queued().with(at(5, Participant.SYSTEM, new ConversationEvent.QueueChanged("housing", "topic")))
        .with(at(8, Participant.SYSTEM, new ConversationEvent.Queued(T0.plusSeconds(8), "again")))
        .with(at(10, Participant.SYSTEM, new ConversationEvent.Assigned(new AgentId("ken"), "Ken")))
        .with(at(20, MARIA, new ConversationEvent.MessagePosted("Hello")))
        .with(at(30, MARIA, new ConversationEvent.Transferred(new AgentId("ken"), Optional.of(new AgentId("maria")), "")))
        .with(at(30, Participant.SYSTEM, new ConversationEvent.Assigned(new AgentId("maria"), "Maria")))
        .with(at(40, MARIA, new ConversationEvent.MessagePosted("Still here")))
        .with(at(41, Participant.SYSTEM, new ConversationEvent.Escalated(ConversationEvent.Escalated.EMERGENCY, "fire")))
        .with(at(42, MARIA, new ConversationEvent.Escalated(ConversationEvent.Escalated.SUPERVISOR, "help")))
        .with(at(50, MARIA, new ConversationEvent.DetailsSet(Optional.of("Housing"), List.of("mold"), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty())));
    assertEquals("housing", f.queue());
    assertEquals("maria", f.agent());
    assertEquals(T0.toEpochMilli(), f.queuedMs());
    assertEquals(T0.plusSeconds(10).toEpochMilli(), f.answeredMs());
    assertEquals(T0.plusSeconds(20).toEpochMilli(), f.firstReplyMs());
    assertEquals(1, f.transfers());
    assertEquals(1, f.escalations());
    assertTrue(f.emergency());
    assertEquals("Housing", f.category());
    assertEquals(List.of("mold"), f.tags());
    assertNull(f.handleMs(), "not resolved yet");
  }
}
