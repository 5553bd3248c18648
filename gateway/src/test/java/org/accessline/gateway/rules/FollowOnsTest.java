package org.accessline.gateway.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.escalation.EmergencyPolicy;
import org.accessline.gateway.routing.ContentSkills;
import org.junit.jupiter.api.Test;

/** What a resident's words set off comes in the same decision as the words, numbered on from them. */
class FollowOnsTest {
  private static final Contact TEXTER = new Contact(Channel.SMS, "+15551230000");
  private static final Contact CALLER = new Contact(Channel.TTY, "+15551239999");
  private static final AgentId MARIA = new AgentId("maria");
  private static final Policies SPANISH = new Policies(EmergencyPolicy.defaults(),
      new ContentSkills(Map.of("es", List.of("hola", "necesito", "ayuda"))), Set.of("general"));

  @Test
  void anEmergencyInTheFirstMessageIsFlaggedAndAnsweredWithTheChannelsGuidanceInTheSameWrite() {
    Conversation c = new Conversation(Policies.defaults());
    List<Entry> entries = c.run(new StreamCommand.ResidentMessage(TEXTER, "there is a fire in my kitchen", "SM1"));
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), entries.stream().map(Entry::seq).toList());
    ConversationEvent.Escalated flag = assertInstanceOf(ConversationEvent.Escalated.class, entries.get(3).event());
    assertEquals(ConversationEvent.Escalated.EMERGENCY, flag.path());
    assertTrue(flag.reason().contains("\"fire\""), flag.reason());
    assertEquals(Participant.CENTER, entries.get(4).actor());
    assertEquals(new ConversationEvent.MessagePosted(EmergencyPolicy.defaults().guidanceFor(Channel.SMS)), entries.get(4).event());
    assertEquals(entries.get(2).at(), entries.get(4).at(), "stamped with the message's time");
    assertTrue(c.state().orElseThrow().urgent());
  }

  @Test
  void aCallersEmergencyGetsTheTtyGuidanceAndOnlyOnce() {
    Conversation c = new Conversation(Policies.defaults());
    c.run(new StreamCommand.OpenCall(CALLER, "tty:CA1"));
    List<Entry> first = c.run(new StreamCommand.CallerMessage(c.id, "MY HUSBAND IS NOT BREATHING GA", "tty:CA1:1"));
    assertEquals(3, first.size());
    assertTrue(((ConversationEvent.MessagePosted) first.get(2).event()).text().contains("911 ON YOUR TTY"));
    assertEquals(1, c.run(new StreamCommand.CallerMessage(c.id, "STILL NOT BREATHING GA", "tty:CA1:2")).size(), "an urgent conversation is not flagged again");
  }

  @Test
  void staffWordsNeverSetAnythingOff() {
    Conversation c = new Conversation(SPANISH);
    c.run(new StreamCommand.ResidentMessage(TEXTER, "streetlight out", "SM1"));
    c.run(new StreamCommand.Assign(c.id, MARIA, "Maria"));
    assertEquals(1, c.run(new StreamCommand.AgentMessage(c.id, Participant.agent(MARIA, "Maria"), "Hola, if there is a fire call 911. Necesito", Optional.empty()))
        .size());
    assertEquals(1, c.run(new StreamCommand.AutomatedMessage(c.id, "fire safety week: hola necesito", "auto:1")).size());
  }

  @Test
  void theFirstMessagesWordsSetTheSkillsItNeedsAndLaterOnesDoNot() {
    Conversation c = new Conversation(SPANISH);
    List<Entry> first = c.run(new StreamCommand.ResidentMessage(TEXTER, "Hola, necesito ayuda con la basura", "SM1"));
    assertEquals(4, first.size());
    assertEquals(Participant.SYSTEM, first.get(3).actor());
    assertEquals(new ConversationEvent.SkillsRequired(Set.of("es")), first.get(3).event());
    assertEquals(Set.of("es"), c.state().orElseThrow().requiredSkills());
    assertEquals(1, c.run(new StreamCommand.ResidentMessage(TEXTER, "hola hola, necesito", "SM2")).size());
  }

  @Test
  void aFirstMessageWithoutCuesNeedsNoSkillsAndLaterCuesDoNotCount() {
    Conversation c = new Conversation(SPANISH);
    assertEquals(3, c.run(new StreamCommand.ResidentMessage(TEXTER, "Pothole on Elm", "SM1")).size());
    assertEquals(1, c.run(new StreamCommand.ResidentMessage(TEXTER, "Hola, necesito ayuda", "SM2")).size(), "only the first message's words count");
  }

  @Test
  void anEmergencyInAFirstMessageThatCallsForASkillPutsTheSkillsLast() {
    Conversation c = new Conversation(SPANISH);
    List<Entry> entries = c.run(new StreamCommand.ResidentMessage(TEXTER, "hola necesito ayuda, fire!", "SM1"));
    assertEquals(List.of("opened", "queued", "message", "escalated", "message", "skills"), entries.stream().map(e -> e.event().kind()).toList());
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), entries.stream().map(Entry::seq).toList());
  }

  @Test
  void aResidentWhoWritesAgainAfterResolutionStartsAFreshConversationThatIsJudgedAfresh() {
    Conversation c = new Conversation(SPANISH);
    c.run(new StreamCommand.ResidentMessage(TEXTER, "Hola, necesito ayuda", "SM1"));
    c.run(new StreamCommand.Assign(c.id, MARIA, "Maria"));
    c.run(new StreamCommand.Resolve(c.id, Participant.agent(MARIA, "Maria"), "answered"));
    Decision again = StreamRules.decide(c.state(), new StreamCommand.ResidentMessage(TEXTER, "hola, necesito otra cosa", "SM2"), c.now(),
        new StreamRules.NewRecord(org.accessline.gateway.conversation.ConversationId.random(), Optional.empty()), SPANISH);
    List<Entry> entries = assertInstanceOf(Decision.Append.class, again).entries();
    assertEquals(List.of("opened", "queued", "message", "skills"), entries.stream().map(e -> e.event().kind()).toList());
  }

  @Test
  void aDuplicateOrARefusalSetsNothingOff() {
    Conversation c = new Conversation(Policies.defaults());
    c.run(new StreamCommand.ResidentMessage(TEXTER, "fire!", "SM1"));
    assertEquals(new Decision.AlreadyRecorded(3), c.decide(new StreamCommand.ResidentMessage(TEXTER, "fire!", "SM1")));
    assertEquals(new Decision.Refused(org.accessline.gateway.channel.Refusal.EMPTY_TEXT), c.decide(new StreamCommand.ResidentMessage(TEXTER, "  ", "SM2")));
  }
}
