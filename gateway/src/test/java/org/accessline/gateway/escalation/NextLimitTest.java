package org.accessline.gateway.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
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
import org.accessline.gateway.conversation.Role;
import org.junit.jupiter.api.Test;

/** When the next time limit passes, and what a conversation list previews: the last message and how long the resident has waited. */
class NextLimitTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final Contact TEXTER = new Contact(Channel.SMS, "+15551230000");
  private static final Participant MARIA = Participant.agent(new AgentId("maria"), "Maria");
  private final LimitPolicy policy = LimitPolicy.standard();
  private final ConversationId id = ConversationId.random();
  private final List<Entry> log = new ArrayList<>();

  private ConversationState add(Instant at, Participant who, ConversationEvent event) {
    log.add(new Entry(id, log.size() + 1, at, who, event, Optional.empty()));
    return ConversationState.replay(log);
  }

  private ConversationState opened() {
    add(T0, Participant.resident(TEXTER), new ConversationEvent.Opened(TEXTER));
    add(T0, Participant.SYSTEM, new ConversationEvent.Queued(T0, "waiting"));
    return add(T0.plusSeconds(1), Participant.resident(TEXTER), new ConversationEvent.MessagePosted("my   street\nlight is out"));
  }

  @Test
  void aWaitingConversationsNextLimitIsItsQueueWaitThenItsFirstResponse() {
    ConversationState s = opened();
    TimeLimits limits = TimeLimits.defaults();
    assertEquals(Optional.of(T0.plus(limits.queueWait())), policy.nextLimitAt(s));
    s = add(T0.plusSeconds(130), Participant.SYSTEM, new ConversationEvent.Escalated(Breach.QUEUE_WAIT, "waited"));
    assertEquals(Optional.of(T0.plus(limits.firstResponse())), policy.nextLimitAt(s), "a limit already passed is not the next one");
  }

  @Test
  void anAnsweredResidentStopsTheClockAndTheirNextMessageStartsTheNextResponseLimit() {
    opened();
    add(T0.plusSeconds(5), Participant.SYSTEM, new ConversationEvent.Assigned(new AgentId("maria"), "Maria"));
    ConversationState answered = add(T0.plusSeconds(20), MARIA, new ConversationEvent.MessagePosted("On it."));
    assertEquals(Optional.empty(), policy.nextLimitAt(answered));
    assertEquals(Optional.empty(), answered.unansweredSince());
    assertEquals(new ConversationState.LastMessage("On it.", T0.plusSeconds(20), Role.AGENT), answered.lastMessage().orElseThrow());

    add(T0.plusSeconds(60), Participant.resident(TEXTER), new ConversationEvent.MessagePosted("thanks"));
    ConversationState again = add(T0.plusSeconds(90), Participant.resident(TEXTER), new ConversationEvent.MessagePosted("any news?"));
    assertEquals(Optional.of(T0.plusSeconds(60)), again.unansweredSince(), "from the oldest unanswered message");
    assertEquals(Optional.of(T0.plusSeconds(90).plus(TimeLimits.defaults().nextResponse())), policy.nextLimitAt(again));
    ConversationState done = add(T0.plusSeconds(100), MARIA, new ConversationEvent.Resolved("Information provided"));
    assertEquals(Optional.empty(), policy.nextLimitAt(done));
    assertEquals(Optional.empty(), done.unansweredSince());
  }

  @Test
  void aPreviewIsOneLineOfAtMost140Characters() {
    ConversationState s = opened();
    assertEquals("my street light is out", s.lastMessage().orElseThrow().text());
    assertEquals(Optional.of(T0.plusSeconds(1)), s.unansweredSince());
    String preview = ConversationState.LastMessage.of("x".repeat(500), T0, Role.RESIDENT).text();
    assertEquals(140, preview.length());
    assertEquals('\u2026', preview.charAt(139));
  }

  @Test
  void limitsTurnedOffHaveNoNextTime() {
    LimitPolicy off = new LimitPolicy(new TimeLimits(Duration.ZERO, Duration.ZERO, Duration.ZERO), java.util.Map.of(), Duration.ofSeconds(5));
    assertEquals(Optional.empty(), off.nextLimitAt(opened()));
  }
}
