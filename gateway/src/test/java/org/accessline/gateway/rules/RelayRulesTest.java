package org.accessline.gateway.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.channel.Refusal;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.conversation.Role;
import org.accessline.gateway.conversation.Transcription;
import org.accessline.gateway.routing.RoutingSettings;
import org.junit.jupiter.api.Test;

/** What the rules write for a relay call: machine-transcribed turns, annotations and assistants, and the relay 911 guidance. */
class RelayRulesTest {
  private static final Contact CALLER = new Contact(Channel.RELAY, "+15551230000");

  @Test
  void aRelayedTurnIsTheResidentsMessageMarkedMachineTranscribed() {
    Conversation c = new Conversation(Policies.defaults());
    c.run(new StreamCommand.OpenCall(CALLER, "relay:CA1:call"));
    Entry turn = c.run(new StreamCommand.CallerMessage(c.id, "my street light is out go ahead", "relay:CA1:turn-1",
        Optional.of(new Transcription("vosk", 0.82)))).get(0);
    assertEquals(Role.RESIDENT, turn.actor().role());
    ConversationEvent.MessagePosted m = assertInstanceOf(ConversationEvent.MessagePosted.class, turn.event());
    assertEquals(Optional.of(new Transcription("vosk", 0.82)), m.transcription());
    assertEquals(0.82, m.toJson().getJsonObject("transcription").getDouble("confidence"));
    assertEquals(m, ConversationEvent.fromJson(m.toJson()));
    assertTrue(!new ConversationEvent.MessagePosted("typed").toJson().containsKey("transcription"), "typed messages hash as they always did");
  }

  @Test
  void annotationsAndAssistantsAreSystemEntriesWrittenOnce() {
    Conversation c = new Conversation(Policies.defaults());
    c.run(new StreamCommand.OpenCall(CALLER, "relay:CA1:call"));
    Entry note = c.run(new StreamCommand.Annotate(c.id, " typing ", "relay:CA1:annotation-1")).get(0);
    assertEquals(new ConversationEvent.Annotated("typing"), note.event());
    assertEquals(Participant.SYSTEM, note.actor());
    assertInstanceOf(Decision.AlreadyRecorded.class, c.decide(new StreamCommand.Annotate(c.id, "typing", "relay:CA1:annotation-1")));
    var joined = new ConversationEvent.RelayAssistantJoined("Georgia Relay", Optional.of("2643"), "this is georgia relay operator 2643");
    assertEquals(joined, c.run(new StreamCommand.RelayAssistant(c.id, joined, "relay:CA1:assistant-1")).get(0).event());
    assertEquals(joined, ConversationEvent.fromJson(joined.toJson()));
  }

  @Test
  void nothingIsAddedToAResolvedCall() {
    Conversation c = new Conversation(Policies.defaults());
    c.run(new StreamCommand.OpenCall(CALLER, "relay:CA1:call"));
    c.run(new StreamCommand.Assign(c.id, new AgentId("maria"), "Maria"));
    c.run(new StreamCommand.Resolve(c.id, Participant.agent(new AgentId("maria"), "Maria"), "Information provided"));
    assertEquals(new Decision.Refused(Refusal.RESOLVED), c.decide(new StreamCommand.Annotate(c.id, "typing", "relay:CA1:annotation-9")));
  }

  @Test
  void anEmergencyInRelaySpeechGetsTheRelayGuidanceForTheAssistant() {
    Conversation c = new Conversation(Policies.defaults());
    c.run(new StreamCommand.OpenCall(CALLER, "relay:CA1:call"));
    List<Entry> out = c.run(new StreamCommand.CallerMessage(c.id, "my husband is not breathing go ahead", "relay:CA1:turn-1",
        Optional.of(new Transcription("vosk", 0.9))));
    String guidance = out.stream().map(Entry::text).flatMap(Optional::stream).filter(t -> t.contains("911")).findFirst().orElseThrow();
    assertTrue(guidance.startsWith("Relay operator, please tell the caller"), guidance);
    assertTrue(guidance.endsWith("Go ahead."), guidance);
  }

  @Test
  void relayConversationsNeedTheRelaySkillAndWeighTwo() {
    RoutingSettings routing = RoutingSettings.defaults();
    assertEquals(Set.of("relay"), routing.skillsFor(Channel.RELAY));
    assertEquals(2, routing.weight(Channel.RELAY));
  }
}
