package org.accessline.gateway.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.channel.Refusal;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.junit.jupiter.api.Test;

/** Staff opening a conversation to reach a resident again (a follow-up). */
class OutboundRulesTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final Contact RESIDENT = new Contact(Channel.SMS, "+15551230000");
  private static final AgentId MARIA = new AgentId("maria");
  private static final Participant MARIA_P = Participant.agent(MARIA, "Maria");
  private final ConversationId origin = ConversationId.random();
  private final ConversationId fresh = ConversationId.random();

  private StreamCommand.OpenOutbound open(String key) {
    return new StreamCommand.OpenOutbound(RESIDENT, MARIA_P, origin, key);
  }

  @Test
  void opensAConversationAssignedToTheAgentThatLinksBackToTheRecordItFollowsUp() {
    Decision d = StreamRules.decide(Optional.empty(), open("follow-up:1:1"), T0, new StreamRules.NewRecord(fresh, Optional.of(ConversationId.random())));
    List<Entry> entries = assertInstanceOf(Decision.Append.class, d).entries();
    ConversationEvent.Opened opened = assertInstanceOf(ConversationEvent.Opened.class, entries.get(0).event());
    assertEquals(Optional.of(origin), opened.previous(), "the link is to the followed-up record, not merely the contact's latest");
    assertEquals(MARIA_P, entries.get(0).actor());
    ConversationState state = ConversationState.replay(entries);
    assertEquals(fresh, state.id());
    assertTrue(state.isAssignedTo(MARIA));
    assertTrue(!state.isWaiting(), "it never waits in a queue: the agent who opened it has it");
  }

  @Test
  void theSameFollowUpOpenedAgainIsTheFirstConversation() {
    List<Entry> log = new ArrayList<>(assertInstanceOf(Decision.Append.class,
        StreamRules.decide(Optional.empty(), open("follow-up:1:1"), T0, fresh)).entries());
    ConversationState state = ConversationState.replay(log);
    Decision again = StreamRules.decide(Optional.of(state), open("follow-up:1:1"), T0.plusSeconds(5), ConversationId.random());
    assertEquals(1L, assertInstanceOf(Decision.AlreadyRecorded.class, again).seq());
  }

  @Test
  void aTextContactWithAnOpenConversationIsRefusedSoTheirNextTextDoesNotLandElsewhere() {
    ConversationState open = ConversationState.replay(assertInstanceOf(Decision.Append.class,
        StreamRules.decide(Optional.empty(), new StreamCommand.ResidentMessage(RESIDENT, "hello", "SM1"), T0, origin)).entries());
    Decision d = StreamRules.decide(Optional.of(open), open("follow-up:2:1"), T0, fresh);
    assertEquals(Refusal.ALREADY_OPEN, assertInstanceOf(Decision.Refused.class, d).refusal());
  }

  @Test
  void aResolvedConversationOfTheContactDoesNotStopANewOne() {
    List<Entry> log = new ArrayList<>(assertInstanceOf(Decision.Append.class,
        StreamRules.decide(Optional.empty(), new StreamCommand.ResidentMessage(RESIDENT, "hello", "SM1"), T0, origin)).entries());
    ConversationState s = ConversationState.replay(log);
    log.addAll(assertInstanceOf(Decision.Append.class, StreamRules.decide(Optional.of(s), new StreamCommand.Assign(origin, MARIA, "Maria"), T0, fresh)).entries());
    s = ConversationState.replay(log);
    log.addAll(assertInstanceOf(Decision.Append.class, StreamRules.decide(Optional.of(s), new StreamCommand.Resolve(origin, MARIA_P, "done"), T0, fresh)).entries());
    s = ConversationState.replay(log);
    Decision d = StreamRules.decide(Optional.of(s), open("follow-up:3:1"), T0, fresh);
    assertEquals(fresh, assertInstanceOf(Decision.Append.class, d).entries().get(0).conversationId());
  }

  @Test
  void onlyStaffOpenOutboundConversations() {
    assertThrows(IllegalArgumentException.class, () -> new StreamCommand.OpenOutbound(RESIDENT, Participant.resident(RESIDENT), origin, "k"));
    assertThrows(IllegalArgumentException.class, () -> new StreamCommand.OpenOutbound(RESIDENT, MARIA_P, null, "k"));
    assertThrows(IllegalArgumentException.class, () -> new StreamCommand.OpenOutbound(RESIDENT, MARIA_P, origin, " "));
  }
}
