package org.accessline.gateway.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.accessline.gateway.quality.EvaluationFlow.Actor;
import org.accessline.gateway.quality.EvaluationFlow.Decision;
import org.accessline.gateway.quality.EvaluationFlow.Facts;
import org.accessline.gateway.quality.EvaluationFlow.State;
import org.accessline.gateway.quality.EvaluationFlow.Step;
import org.junit.jupiter.api.Test;

class EvaluationFlowTest {
  private static final Actor REVIEWER = new Actor("rita", true);
  private static final Actor AGENT = new Actor("maria", false);
  private static final Actor OTHER_AGENT = new Actor("ken", false);
  private static final Actor SUPERVISOR = new Actor("sam", true);

  private static Facts in(State s) {
    return new Facts(s, "rita", "maria");
  }

  @Test
  void theReviewerSubmitsTheAgentDisputesASupervisorResolves() {
    assertEquals(new Decision.Moved(State.SUBMITTED), EvaluationFlow.decide(in(State.DRAFT), REVIEWER, new Step.Submit()));
    assertEquals(new Decision.Moved(State.DISPUTED), EvaluationFlow.decide(in(State.SUBMITTED), AGENT, new Step.Dispute("The resident asked for no referral.")));
    assertEquals(new Decision.Moved(State.RESOLVED), EvaluationFlow.decide(in(State.DISPUTED), SUPERVISOR, new Step.Resolve(false, "Agreed, voided.")));
    assertEquals(new Decision.Moved(State.ACKNOWLEDGED), EvaluationFlow.decide(in(State.SUBMITTED), AGENT, new Step.Acknowledge()));
  }

  @Test
  void aSubmittedEvaluationIsNeverSubmittedAgain() {
    for (State s : new State[] {State.SUBMITTED, State.ACKNOWLEDGED, State.DISPUTED, State.RESOLVED}) {
      assertInstanceOf(Decision.WrongState.class, EvaluationFlow.decide(in(s), REVIEWER, new Step.Submit()), s.name());
    }
  }

  @Test
  void onlyTheScoredAgentAcknowledgesOrDisputesAndOnlyOnce() {
    assertInstanceOf(Decision.NotYours.class, EvaluationFlow.decide(in(State.SUBMITTED), OTHER_AGENT, new Step.Acknowledge()));
    assertInstanceOf(Decision.NotYours.class, EvaluationFlow.decide(in(State.SUBMITTED), SUPERVISOR, new Step.Dispute("no")));
    assertInstanceOf(Decision.WrongState.class, EvaluationFlow.decide(in(State.DRAFT), AGENT, new Step.Acknowledge()), "an agent never sees a draft");
    assertInstanceOf(Decision.WrongState.class, EvaluationFlow.decide(in(State.ACKNOWLEDGED), AGENT, new Step.Dispute("changed my mind")));
    assertInstanceOf(Decision.Invalid.class, EvaluationFlow.decide(in(State.SUBMITTED), AGENT, new Step.Dispute("  ")));
    assertInstanceOf(Decision.Invalid.class, EvaluationFlow.decide(in(State.SUBMITTED), AGENT, new Step.Dispute("x".repeat(2001))));
  }

  @Test
  void onlyAnUninvolvedSupervisorResolvesAndOnlyADispute() {
    assertInstanceOf(Decision.NotYours.class, EvaluationFlow.decide(in(State.DISPUTED), OTHER_AGENT, new Step.Resolve(true, "fine")));
    assertInstanceOf(Decision.NotYours.class, EvaluationFlow.decide(in(State.DISPUTED), REVIEWER, new Step.Resolve(true, "I was right")));
    assertInstanceOf(Decision.WrongState.class, EvaluationFlow.decide(in(State.SUBMITTED), SUPERVISOR, new Step.Resolve(true, "fine")));
    assertInstanceOf(Decision.Invalid.class, EvaluationFlow.decide(in(State.DISPUTED), SUPERVISOR, new Step.Resolve(true, "")));
  }
}
