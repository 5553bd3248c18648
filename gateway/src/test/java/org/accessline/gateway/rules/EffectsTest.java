package org.accessline.gateway.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.escalation.EmergencyPolicy;
import org.junit.jupiter.api.Test;

/** What the stream does once a write is durable, decided from the states on either side of it. */
class EffectsTest {
  private static final Contact TEXTER = new Contact(Channel.SMS, "+15551230000");
  private static final AgentId MARIA = new AgentId("maria");
  private static final AgentId LEE = new AgentId("lee");
  private static final Participant MARIA_P = Participant.agent(MARIA, "Maria");
  private static final Participant SUPERVISOR = Participant.supervisor(new AgentId("sam"), "Sam");

  private final Conversation c = new Conversation(Policies.defaults());

  /** Runs the command and returns the effects of its write. */
  private List<Effect> effectsOf(StreamCommand command) {
    Optional<ConversationState> before = c.state();
    List<Entry> appended = c.run(command);
    return Effects.of(before, c.state().orElseThrow(), appended);
  }

  private static <T extends Effect> List<T> only(Class<T> type, List<Effect> effects) {
    return effects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private void assignedToMaria() {
    c.run(new StreamCommand.ResidentMessage(TEXTER, "pothole on Elm", "SM1"));
    c.run(new StreamCommand.Assign(c.id, MARIA, "Maria"));
  }

  @Test
  void aNewConversationIsHeldForItsLastAgentThenPublishedAndRouted() {
    List<Effect> effects = effectsOf(new StreamCommand.ResidentMessage(TEXTER, "pothole on Elm", "SM1"));
    assertEquals(new Effect.LookUpLastAgent(c.id, TEXTER), effects.get(0), "looked up before anything can route it");
    assertEquals(c.log, only(Effect.Publish.class, effects).stream().map(Effect.Publish::entry).toList(), "every entry, in order");
    assertTrue(only(Effect.Publish.class, effects).stream().allMatch(p -> p.agents().isEmpty()), "no agent watches it yet");
    assertEquals(List.of(), only(Effect.Deliver.class, effects), "the resident's own words are not sent back to them");
    assertEquals(new Effect.FloorChanged(c.state().orElseThrow(), true), effects.get(effects.size() - 1));
  }

  @Test
  void anAgentsReplyGoesToTheResidentsChannelAndToTheirConsoleWithoutReRouting() {
    assignedToMaria();
    List<Effect> effects = effectsOf(new StreamCommand.AgentMessage(c.id, MARIA_P, "We will send a crew.", Optional.empty()));
    Entry reply = c.log.get(c.log.size() - 1);
    assertEquals(List.of(new Effect.Publish(reply, List.of(MARIA)), new Effect.Deliver(TEXTER, reply, "We will send a crew.", false),
        new Effect.FloorChanged(c.state().orElseThrow(), false)), effects);
  }

  @Test
  void aWhisperIsNeverDeliveredButABargeInIs() {
    assignedToMaria();
    assertEquals(List.of(), only(Effect.Deliver.class, effectsOf(new StreamCommand.Whisper(c.id, SUPERVISOR, "ask for the address"))));
    List<Effect.Deliver> barge = only(Effect.Deliver.class, effectsOf(new StreamCommand.BargeIn(c.id, SUPERVISOR, "A supervisor here.", Optional.empty())));
    assertEquals(1, barge.size());
    assertEquals("A supervisor here.", barge.get(0).text());
  }

  @Test
  void theNineOneOneGuidanceIsDeliveredMarkedAndSupervisorsAreAlerted() {
    List<Effect> effects = effectsOf(new StreamCommand.ResidentMessage(TEXTER, "someone was shot outside", "SM1"));
    Effect.Deliver guidance = only(Effect.Deliver.class, effects).get(0);
    assertTrue(guidance.emergencyGuidance());
    assertEquals(EmergencyPolicy.defaults().guidanceFor(Channel.SMS), guidance.text());
    Effect.Alert alert = only(Effect.Alert.class, effects).get(0);
    assertEquals(ConversationEvent.Escalated.EMERGENCY, alert.path());
    assertEquals(c.id, alert.conversation());
    assertTrue(effects.indexOf(alert) < effects.indexOf(guidance), "supervisors hear of it with the flag, before the guidance goes out");
    c.run(new StreamCommand.Assign(c.id, MARIA, "Maria"));
    Effect.Deliver plain = only(Effect.Deliver.class, effectsOf(new StreamCommand.BargeIn(c.id, SUPERVISOR, "Help is coming.", Optional.empty()))).get(0);
    assertEquals(false, plain.emergencyGuidance(), "only the message right after the emergency flag is the guidance");
  }

  @Test
  void theAgentWhoLosesTheConversationStillSeesWhatTookItAway() {
    assignedToMaria();
    List<Effect> effects = effectsOf(new StreamCommand.Transfer(c.id, MARIA_P, Optional.of(LEE), "Lee", Optional.empty(), "billing question", Optional.empty()));
    assertTrue(only(Effect.Publish.class, effects).stream().allMatch(p -> p.agents().equals(List.of(MARIA, LEE))));
    assertEquals(List.of(), only(Effect.PassedOn.class, effects), "passed to a colleague, not to the queue");
    assertEquals(new Effect.FloorChanged(c.state().orElseThrow(), true), effects.get(effects.size() - 1), "it was unassigned on the way");
  }

  @Test
  void passingItBackToTheQueueTellsTheFloorWhoLetItGo() {
    assignedToMaria();
    List<Effect> effects = effectsOf(new StreamCommand.Transfer(c.id, MARIA_P, Optional.empty(), "", Optional.empty(), "needs Spanish", Optional.empty()));
    assertEquals(List.of(new Effect.PassedOn(c.id, MARIA)), only(Effect.PassedOn.class, effects));
    assertTrue(effects.indexOf(only(Effect.PassedOn.class, effects).get(0)) < effects.indexOf(only(Effect.Publish.class, effects).get(0)));
  }

  @Test
  void resolvingReportsTheHandleTimeFromTheFirstAssignment() {
    assignedToMaria();
    java.time.Instant assigned = c.state().orElseThrow().firstAssignedAt().orElseThrow();
    c.run(new StreamCommand.AgentMessage(c.id, MARIA_P, "Done.", Optional.empty()));
    java.time.Instant resolvedAt = c.now();
    List<Effect> effects = effectsOf(new StreamCommand.Resolve(c.id, MARIA_P, "answered"));
    assertEquals(List.of(new Effect.Handled(Duration.between(assigned, resolvedAt))), only(Effect.Handled.class, effects));
    assertEquals(List.of(MARIA), only(Effect.Publish.class, effects).get(0).agents(), "she sees her resolution although it is no longer hers");
    assertTrue(assertInstanceOf(Effect.FloorChanged.class, effects.get(effects.size() - 1)).routingChanged());
  }

  @Test
  void aBreachAlertsSupervisorsAndMovesTheConversationInLine() {
    c.run(new StreamCommand.ResidentMessage(TEXTER, "anyone there?", "SM1"));
    List<Effect> effects = effectsOf(new StreamCommand.RecordBreach(c.id, "queue_wait", "No agent has taken it in 2 min.", "limit:q", Optional.empty()));
    assertEquals(List.of(new Effect.Alert(c.id, "queue_wait", "No agent has taken it in 2 min.", c.log.get(c.log.size() - 1).at())),
        only(Effect.Alert.class, effects));
    assertTrue(((Effect.FloorChanged) effects.get(effects.size() - 1)).routingChanged());
  }

  @Test
  void consentEntriesChangeTheContactsConsentInTheOrderTheyWereWritten() {
    c.run(new StreamCommand.ResidentMessage(TEXTER, "STOP", "SM1"));
    assertEquals(List.of(new Effect.ConsentChanged(TEXTER, new Consent(true))),
        only(Effect.ConsentChanged.class, effectsOf(new StreamCommand.RecordConsent(c.id, true, "STOP", "SM1:consent"))));
    c.run(new StreamCommand.ResidentMessage(TEXTER, "START", "SM2"));
    assertEquals(List.of(new Effect.ConsentChanged(TEXTER, Consent.GIVEN)),
        only(Effect.ConsentChanged.class, effectsOf(new StreamCommand.RecordConsent(c.id, false, "START", "SM2:consent"))));
    assertEquals(List.of(), only(Effect.ConsentChanged.class, effectsOf(new StreamCommand.Note(c.id, "noted", "n1"))));
  }

  @Test
  void theStateOfAnotherConversationIsNoBefore() {
    assignedToMaria();
    c.run(new StreamCommand.Resolve(c.id, MARIA_P, "answered"));
    ConversationState resolved = c.state().orElseThrow();
    Conversation next = new Conversation(Policies.defaults());
    List<Entry> opened = next.run(new StreamCommand.ResidentMessage(TEXTER, "one more thing", "SM9"));
    List<Effect> effects = Effects.of(Optional.of(resolved), next.state().orElseThrow(), opened);
    assertEquals(List.of(), only(Effect.Handled.class, effects));
    assertTrue(only(Effect.Publish.class, effects).stream().allMatch(p -> p.agents().isEmpty()), "Maria resolved the other one");
    assertEquals(new Effect.LookUpLastAgent(next.id, TEXTER), effects.get(0));
  }
}
