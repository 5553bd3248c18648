package org.accessline.gateway.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.conversation.ConversationState;
import org.junit.jupiter.api.Test;

class EmergencyTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private final EmergencyPolicy policy = EmergencyPolicy.defaults();
  private final ConversationId id = ConversationId.random();

  @Test
  void plainWordsTtySpellingsAndAbbreviationsAreRecognised() {
    assertEquals(Optional.of("not breathing"), policy.match("My dad is NOT BREATHING pls hurry"));
    assertEquals(Optional.of("cant breathe"), policy.match("I can't breathe"));
    assertEquals(Optional.of("cant breathe"), policy.match("I CANT BREATHE GA"));
    assertEquals(Optional.of("od"), policy.match("MY SON OD ON PILLS Q GA"));
    assertEquals(Optional.of("od"), policy.match("my son OD'd and won't wake up"));
    assertEquals(Optional.of("fire"), policy.match("There's a fire in the basement!"));
    assertEquals(Optional.of("weapon"), policy.match("man with a weapon outside"));
    assertEquals(Optional.of("kill myself"), policy.match("i want to kill myself"));
  }

  @Test
  void everydayRequestsAreNot() {
    for (String text : new String[] {"The fire hydrant on Elm is leaking", "When is the flu shot clinic?", "Trash was not picked up GA",
        "Fireworks complaint", "Is the shooting range open", "my smoke detector battery is beeping", "this is not an emergency but the light is out"}) {
      assertEquals(Optional.empty(), policy.match(text), text);
    }
  }

  @Test
  void thePhraseListIsConfigurable() {
    EmergencyPolicy custom = new EmergencyPolicy(List.of("Flooding"), List.of(), Map.of(), "Call 911.");
    assertEquals(Optional.of("flooding"), custom.match("basement FLOODING fast"));
    assertEquals(Optional.empty(), custom.match("not breathing"));
    assertThrows(IllegalArgumentException.class, () -> new EmergencyPolicy(List.of(" "), List.of(), Map.of(), "Call 911."));
  }

  @Test
  void anEmergencyFlagsTheConversationAndAnswersTheResidentOnTheirChannelOnce() {
    for (Channel channel : List.of(Channel.TTY, Channel.SMS, Channel.WEBCHAT)) {
      List<Entry> log = new ArrayList<>(opened(new Contact(channel, "+15551230000")));
      Entry message = resident(log, "HELP MY HOUSE IS ON FIRE GA");
      log.add(message);
      List<Entry> following = Escalations.following(ConversationState.replay(log), List.of(message), policy, T0);
      assertEquals(2, following.size());
      ConversationEvent.Escalated flag = assertInstanceOf(ConversationEvent.Escalated.class, following.get(0).event());
      assertEquals(ConversationEvent.Escalated.EMERGENCY, flag.path());
      assertEquals(Participant.CENTER, following.get(1).actor());
      assertEquals(policy.guidanceFor(channel), ((ConversationEvent.MessagePosted) following.get(1).event()).text());
      assertEquals(List.of(message.seq() + 1, message.seq() + 2), following.stream().map(Entry::seq).toList());

      log.addAll(following);
      ConversationState urgent = ConversationState.replay(log);
      assertTrue(urgent.urgent());
      Entry again = resident(log, "STILL ON FIRE");
      log.add(again);
      assertEquals(List.of(), Escalations.following(ConversationState.replay(log), List.of(again), policy, T0), "guidance is given once");
    }
    assertTrue(policy.guidanceFor(Channel.TTY).contains("911 ON YOUR TTY"));
    assertTrue(policy.guidanceFor(Channel.SMS).contains("text 911"));
  }

  @Test
  void anAgentsWordsNeverTriggerIt() {
    List<Entry> log = new ArrayList<>(opened(new Contact(Channel.SMS, "+15551230000")));
    Entry reply = new Entry(id, log.size() + 1, T0, Participant.agent(new org.accessline.gateway.conversation.AgentId("maria"), "Maria"),
        new ConversationEvent.MessagePosted("If there is a fire, call 911."), Optional.empty());
    log.add(reply);
    assertEquals(List.of(), Escalations.following(ConversationState.replay(log), List.of(reply), policy, T0));
  }

  private List<Entry> opened(Contact contact) {
    return List.of(new Entry(id, 1, T0, Participant.resident(contact), new ConversationEvent.Opened(contact), Optional.empty()),
        new Entry(id, 2, T0, Participant.SYSTEM, new ConversationEvent.Queued(T0, "waiting"), Optional.empty()));
  }

  private Entry resident(List<Entry> log, String text) {
    Contact contact = ((ConversationEvent.Opened) log.get(0).event()).contact();
    return new Entry(id, log.size() + 1, T0, Participant.resident(contact), new ConversationEvent.MessagePosted(text), Optional.of("k" + log.size()));
  }
}
