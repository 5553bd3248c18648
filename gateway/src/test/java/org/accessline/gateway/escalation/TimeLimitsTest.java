package org.accessline.gateway.escalation;

import org.accessline.gateway.conversation.Breach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.conversation.ConversationState;
import org.junit.jupiter.api.Test;

/** Every time-limit rule, on a clock the test sets: no sleeping. */
class TimeLimitsTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final Contact TEXTER = new Contact(Channel.SMS, "+15551230000");
  private static final Contact CALLER = new Contact(Channel.TTY, "+15551239999");
  private static final Participant MARIA = Participant.agent(new AgentId("maria"), "Maria");
  private final LimitPolicy policy = LimitPolicy.standard();
  private final ConversationId id = ConversationId.random();
  private final List<Entry> log = new ArrayList<>();

  private void add(Instant at, Participant who, ConversationEvent event) {
    log.add(new Entry(id, log.size() + 1, at, who, event, Optional.empty()));
  }

  private ConversationState opened(Contact contact) {
    add(T0, Participant.resident(contact), new ConversationEvent.Opened(contact));
    add(T0, Participant.SYSTEM, new ConversationEvent.Queued(T0, "waiting"));
    add(T0, Participant.resident(contact), new ConversationEvent.MessagePosted("hello"));
    return state();
  }

  private ConversationState state() {
    return ConversationState.replay(log);
  }

  /** Records what is due, as the stream does, and returns the paths. */
  private List<String> recordDue(Instant now) {
    List<String> paths = new ArrayList<>();
    for (Breach b : policy.due(state(), now)) {
      add(now, Participant.SYSTEM, new ConversationEvent.Escalated(b.path(), b.reason()));
      paths.add(b.path());
    }
    return paths;
  }

  @Test
  void queueWaitCountsFromTheConversationsStartAndIsRecordedOnce() {
    opened(TEXTER);
    assertEquals(List.of(), recordDue(T0.plusSeconds(119)));
    assertEquals(List.of(Breach.QUEUE_WAIT), recordDue(T0.plusSeconds(120)));
    assertEquals(List.of(), recordDue(T0.plusSeconds(150)), "once");
    assertEquals(1, state().priority(), "each limit run past raises the priority");
  }

  @Test
  void firstResponseRunsEvenWhenAssignedAndStopsOnceAnAgentAnswers() {
    opened(TEXTER);
    add(T0.plusSeconds(30), Participant.SYSTEM, new ConversationEvent.Assigned(new AgentId("maria"), "Maria"));
    assertEquals(List.of(Breach.FIRST_RESPONSE), recordDue(T0.plusSeconds(180)));
    List<Entry> answered = new ArrayList<>(log.subList(0, 4));
    log.clear();
    log.addAll(answered);
    add(T0.plusSeconds(100), MARIA, new ConversationEvent.MessagePosted("Hi, how can I help?"));
    assertEquals(List.of(), recordDue(T0.plusSeconds(400)), "answered in time: no first-response breach, nothing unanswered");
  }

  @Test
  void nextResponseCountsFromEachUnansweredResidentMessage() {
    opened(TEXTER);
    add(T0.plusSeconds(10), Participant.SYSTEM, new ConversationEvent.Assigned(new AgentId("maria"), "Maria"));
    add(T0.plusSeconds(20), MARIA, new ConversationEvent.MessagePosted("How can I help?"));
    add(T0.plusSeconds(60), Participant.resident(TEXTER), new ConversationEvent.MessagePosted("pothole"));
    assertEquals(List.of(), recordDue(T0.plusSeconds(359)));
    assertEquals(List.of(Breach.NEXT_RESPONSE), recordDue(T0.plusSeconds(360)));
    assertEquals(List.of(), recordDue(T0.plusSeconds(900)), "once per message");
    add(T0.plusSeconds(901), MARIA, new ConversationEvent.MessagePosted("Sorry for the wait."));
    add(T0.plusSeconds(960), Participant.resident(TEXTER), new ConversationEvent.MessagePosted("thanks, also a streetlight"));
    assertEquals(List.of(Breach.NEXT_RESPONSE), recordDue(T0.plusSeconds(1260)), "a later message has its own limit");
  }

  @Test
  void ttyConversationsGetLongerLimits() {
    opened(CALLER);
    add(T0.plusSeconds(10), Participant.SYSTEM, new ConversationEvent.Assigned(new AgentId("maria"), "Maria"));
    assertEquals(List.of(), recordDue(T0.plusSeconds(200)), "a TTY's first answer may take four minutes");
    assertEquals(List.of(Breach.FIRST_RESPONSE), recordDue(T0.plusSeconds(240)));
  }

  @Test
  void aResolvedConversationHasNoLimitsAndAZeroLimitIsOff() {
    opened(TEXTER);
    add(T0.plusSeconds(5), MARIA, new ConversationEvent.Resolved("Information provided"));
    assertEquals(List.of(), policy.due(state(), T0.plusSeconds(10_000)));
    LimitPolicy off = new LimitPolicy(new TimeLimits(Duration.ZERO, Duration.ZERO, Duration.ZERO), Map.of(), Duration.ofSeconds(1));
    log.clear();
    opened(TEXTER);
    assertEquals(List.of(), off.due(state(), T0.plusSeconds(10_000)));
    assertThrows(IllegalArgumentException.class, () -> new TimeLimits(Duration.ofSeconds(-1), Duration.ZERO, Duration.ZERO));
  }

  @Test
  void theReasonSaysHowLongAndTheLimit() {
    opened(TEXTER);
    Breach b = policy.due(state(), T0.plusSeconds(600)).get(0);
    assertTrue(b.reason().contains("10 min") && b.reason().contains("limit 2 min"), b.reason());
    assertEquals("limit:" + id.value() + ":queue_wait", b.dedupeKey());
  }

  @Test
  void aQueuesOwnLimitsWinOverItsChannels() {
    LimitPolicy withQueue = new LimitPolicy(TimeLimits.defaults(), Map.of(), Map.of("billing", new TimeLimits(Duration.ofSeconds(30), Duration.ZERO, Duration.ZERO)),
        Duration.ofSeconds(1));
    opened(TEXTER);
    assertEquals(List.of(), withQueue.due(state(), T0.plusSeconds(30), "general"));
    assertEquals(List.of(Breach.QUEUE_WAIT), withQueue.due(state(), T0.plusSeconds(30), "billing").stream().map(Breach::path).toList());
  }
}
