package org.accessline.gateway.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.Breach;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.escalation.LimitPolicy;
import org.accessline.gateway.escalation.TimeLimits;
import org.accessline.gateway.routing.ContentSkills;
import org.accessline.gateway.routing.QueueDefinition;
import org.accessline.gateway.routing.RoutingSettings;
import org.junit.jupiter.api.Test;

/** A time limit run past becomes a command to record it; a long wait also overflows, if the center has somewhere to send it. */
class BreachesTest {
  private static final Contact TEXTER = new Contact(Channel.SMS, "+15551230000");
  private static final LimitPolicy LIMITS = new LimitPolicy(new TimeLimits(Duration.ofMinutes(2), Duration.ofMinutes(3), Duration.ZERO), Map.of(),
      Duration.ofSeconds(5));

  private static RoutingSettings routing(Optional<String> overflow) {
    RoutingSettings d = RoutingSettings.defaults();
    return new RoutingSettings(d.weights(), false, d.acceptTimeout(), d.declineCooldown(), d.affinityWindow(),
        List.of(new QueueDefinition("general", 0, Set.of()), new QueueDefinition("overflow", 10, Set.of())), Map.of(), overflow, ContentSkills.none());
  }

  private ConversationState waiting(Conversation c) {
    c.run(new StreamCommand.ResidentMessage(TEXTER, "anyone?", "SM1"));
    return c.state().orElseThrow();
  }

  @Test
  void nothingIsDueBeforeTheLimit() {
    Conversation c = new Conversation(Policies.defaults());
    ConversationState s = waiting(c);
    assertEquals(List.of(), Breaches.due(s, s.opened().plus(Duration.ofSeconds(119)), LIMITS, routing(Optional.of("overflow"))));
  }

  @Test
  void aLongWaitOverflowsAndALateFirstAnswerDoesNot() {
    Conversation c = new Conversation(Policies.defaults());
    ConversationState s = waiting(c);
    Instant late = s.opened().plus(Duration.ofMinutes(3));
    List<StreamCommand.RecordBreach> due = Breaches.due(s, late, LIMITS, routing(Optional.of("overflow")));
    assertEquals(List.of(Breach.QUEUE_WAIT, Breach.FIRST_RESPONSE), due.stream().map(StreamCommand.RecordBreach::path).toList());
    assertEquals(Optional.of("overflow"), due.get(0).overflowTo());
    assertEquals(Optional.empty(), due.get(1).overflowTo());
    assertEquals("limit:" + c.id.value() + ":" + Breach.QUEUE_WAIT, due.get(0).dedupeKey());
    assertEquals(Optional.empty(), Breaches.due(s, late, LIMITS, routing(Optional.empty())).get(0).overflowTo(), "no overflow queue, no move");
  }

  @Test
  void aConversationsOwnQueueDecidesItsLimits() {
    Conversation c = new Conversation(Policies.defaults());
    c.run(new StreamCommand.ResidentMessage(TEXTER, "anyone?", "SM1"));
    c.run(new StreamCommand.RecordBreach(c.id, Breach.QUEUE_WAIT, "waited", "limit:q", Optional.of("overflow")));
    ConversationState inOverflow = c.state().orElseThrow();
    LimitPolicy patientOverflow = new LimitPolicy(LIMITS.general(), Map.of(), Map.of("overflow", new TimeLimits(Duration.ZERO, Duration.ofHours(1), Duration.ZERO)),
        LIMITS.checkEvery());
    assertEquals(List.of(), Breaches.due(inOverflow, inOverflow.opened().plus(Duration.ofMinutes(10)), patientOverflow, routing(Optional.of("overflow"))));
  }
}
