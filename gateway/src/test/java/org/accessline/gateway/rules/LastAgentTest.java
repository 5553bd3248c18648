package org.accessline.gateway.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.store.ConversationSummary;
import org.junit.jupiter.api.Test;

/** Which earlier record sends a returning resident back to an agent, and which agent. */
class LastAgentTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final Duration DAY = Duration.ofHours(24);
  private final ConversationId current = ConversationId.random();
  private final ConversationId earlier = ConversationId.random();
  private final ConversationId older = ConversationId.random();

  private static ConversationSummary resolved(ConversationId id, Instant at) {
    return new ConversationSummary(id, at.minusSeconds(600), Optional.of(at), Optional.of("answered"));
  }

  @Test
  void withAffinityOffThereIsNothingToLookUp() {
    assertEquals(Optional.empty(), LastAgent.since(NOW, Duration.ZERO));
    assertEquals(Optional.of(NOW.minus(DAY)), LastAgent.since(NOW, DAY));
  }

  @Test
  void theNewestOtherRecordResolvedWithinTheWindowCounts() {
    Instant since = NOW.minus(DAY);
    ConversationSummary open = new ConversationSummary(current, NOW, Optional.empty(), Optional.empty());
    assertEquals(Optional.of(earlier), LastAgent.earlierRecord(List.of(open, resolved(earlier, NOW.minusSeconds(3600))), current, since));
    assertEquals(Optional.of(earlier), LastAgent.earlierRecord(List.of(resolved(earlier, NOW.minusSeconds(60)), open), current, since),
        "the new conversation itself never counts, wherever it is in the list");
  }

  @Test
  void aRecordResolvedBeforeTheWindowOrNotResolvedDoesNot() {
    Instant since = NOW.minus(DAY);
    assertEquals(Optional.empty(), LastAgent.earlierRecord(List.of(resolved(earlier, since)), current, since), "resolved exactly as the window opens");
    assertEquals(Optional.empty(), LastAgent.earlierRecord(List.of(resolved(earlier, NOW.minus(Duration.ofDays(2)))), current, since));
    ConversationSummary stillOpen = new ConversationSummary(earlier, NOW.minusSeconds(60), Optional.empty(), Optional.empty());
    assertEquals(Optional.of(older), LastAgent.earlierRecord(List.of(stillOpen, resolved(older, NOW.minusSeconds(7200))), current, since));
    assertEquals(Optional.empty(), LastAgent.earlierRecord(List.of(), current, since));
  }

  @Test
  void theRecordsLastAssignedAgentIsTheOneTheResidentGoesBackTo() {
    Conversation c = new Conversation(Policies.defaults());
    Contact texter = new Contact(Channel.SMS, "+15551230000");
    c.run(new StreamCommand.ResidentMessage(texter, "hello", "SM1"));
    assertEquals(Optional.empty(), LastAgent.lastAssigned(c.log), "nobody took it yet");
    c.run(new StreamCommand.Assign(c.id, new AgentId("maria"), "Maria"));
    c.run(new StreamCommand.Transfer(c.id, Participant.agent(new AgentId("maria"), "Maria"), Optional.of(new AgentId("lee")), "Lee", Optional.empty(), "",
        Optional.empty()));
    c.run(new StreamCommand.Resolve(c.id, Participant.agent(new AgentId("lee"), "Lee"), "answered"));
    assertEquals(Optional.of(new AgentId("lee")), LastAgent.lastAssigned(c.log));
  }
}
