package org.accessline.gateway.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.channel.Refusal;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.escalation.EmergencyPolicy;
import org.accessline.gateway.routing.ContentSkills;
import org.junit.jupiter.api.Test;

/** Which transfers the rules refuse, before anything is written or any agent is told. */
class TransferRulesTest {
  private static final Contact TEXTER = new Contact(Channel.SMS, "+15551230000");
  private static final AgentId MARIA = new AgentId("maria");
  private static final AgentId LEE = new AgentId("lee");
  private static final Participant MARIA_P = Participant.agent(MARIA, "Maria");
  private static final Policies QUEUES = new Policies(EmergencyPolicy.defaults(), ContentSkills.none(), Set.of("general", "billing"));

  private static StreamCommand.Transfer toQueue(ConversationId id, Participant from, String queue) {
    return new StreamCommand.Transfer(id, from, Optional.empty(), "", Optional.empty(), "over to you", Optional.of(queue));
  }

  private Conversation assignedToMaria() {
    Conversation c = new Conversation(QUEUES);
    c.run(new StreamCommand.ResidentMessage(TEXTER, "my bill is wrong", "SM1"));
    c.run(new StreamCommand.Assign(c.id, MARIA, "Maria"));
    return c;
  }

  @Test
  void aTransferToAQueueThatDoesNotExistIsTheCallersMistakeWhateverTheConversation() {
    Conversation c = assignedToMaria();
    assertEquals(new Decision.Invalid("unknown queue"), c.decide(toQueue(c.id, MARIA_P, "parking")));
    assertEquals(new Decision.Invalid("unknown queue"), c.decide(toQueue(c.id, Participant.agent(LEE, "Lee"), "parking")), "even from someone else");
    assertEquals(new Decision.Invalid("unknown queue"), StreamRules.decide(Optional.empty(), toQueue(c.id, MARIA_P, "parking"), Instant.EPOCH,
        new StreamRules.NewRecord(c.id, Optional.empty()), QUEUES), "even for an unknown conversation");
  }

  @Test
  void aTransferToAKnownQueueMovesItThereAndBackInLine() {
    Conversation c = assignedToMaria();
    List<Entry> entries = c.run(toQueue(c.id, MARIA_P, "billing"));
    assertEquals(List.of("transferred", "queue", "unassigned", "queued"), entries.stream().map(e -> e.event().kind()).toList());
    assertEquals(new ConversationEvent.QueueChanged("billing", "transferred"), entries.get(1).event());
    assertEquals("billing", c.state().orElseThrow().queue());
    assertEquals(new Decision.Refused(Refusal.NOT_YOURS), c.decide(toQueue(c.id, MARIA_P, "general")), "she no longer has it");
  }

  @Test
  void aColdTransferToTheAgentWhoHasItIsRefused() {
    Conversation c = assignedToMaria();
    StreamCommand.Transfer toHerself = new StreamCommand.Transfer(c.id, MARIA_P, Optional.of(MARIA), "Maria", Optional.empty(), "", Optional.empty());
    assertEquals(new Decision.Refused(Refusal.ALREADY_THEIRS), c.decide(toHerself));
  }

  @Test
  void aWarmTransferIsOfferedOnlyByTheAgentWhoHasTheOpenConversationToSomeoneElse() {
    Conversation c = assignedToMaria();
    assertEquals(Optional.empty(), StreamRules.warmTransfer(c.id, c.state(), MARIA, LEE));
    assertEquals(Optional.of(Refusal.NOT_YOURS), StreamRules.warmTransfer(c.id, c.state(), LEE, MARIA));
    assertEquals(Optional.of(Refusal.ALREADY_THEIRS), StreamRules.warmTransfer(c.id, c.state(), MARIA, MARIA));
    assertEquals(Optional.of(Refusal.UNKNOWN_CONVERSATION), StreamRules.warmTransfer(c.id, Optional.empty(), MARIA, LEE), "not open in the stream");
    assertEquals(Optional.of(Refusal.UNKNOWN_CONVERSATION), StreamRules.warmTransfer(ConversationId.random(), c.state(), MARIA, LEE),
        "the state on the line is another conversation's");
  }

  @Test
  void aResolvedConversationCannotBeOfferedAsAWarmTransfer() {
    Conversation c = assignedToMaria();
    c.run(new StreamCommand.Resolve(c.id, MARIA_P, "answered"));
    assertEquals(Optional.of(Refusal.UNKNOWN_CONVERSATION), StreamRules.warmTransfer(c.id, c.state(), MARIA, LEE));
    assertInstanceOf(Decision.Refused.class, c.decide(toQueue(c.id, MARIA_P, "billing")));
  }
}
