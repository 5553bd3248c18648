package org.accessline.web.followups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallOutcomeTest {
  @Test
  void endingsThatDidNotReachTheResidentAreAttemptsFailed() {
    assertEquals(Optional.of("no answer"), TwilioOutboundCalls.CallOutcome.ended("no-answer", false));
    assertEquals(Optional.of("the line was busy"), TwilioOutboundCalls.CallOutcome.ended("busy", false));
    assertEquals(Optional.of("the call failed"), TwilioOutboundCalls.CallOutcome.ended("failed", false));
    assertEquals(Optional.of("the call was canceled"), TwilioOutboundCalls.CallOutcome.ended("canceled", false));
    assertEquals(Optional.of("answered, but no TTY connected"), TwilioOutboundCalls.CallOutcome.ended("completed", false));
  }

  @Test
  void aCompletedCallWhoseStreamWasAnsweredReachedTheResident() {
    assertEquals(Optional.of(TwilioOutboundCalls.CallOutcome.REACHED), TwilioOutboundCalls.CallOutcome.ended("completed", true));
  }

  @Test
  void progressChangesNothingAndUnknownStatusesAreRefused() {
    assertTrue(TwilioOutboundCalls.CallOutcome.ended("ringing", false).isEmpty());
    assertTrue(TwilioOutboundCalls.CallOutcome.ended("in-progress", true).isEmpty());
    assertTrue(TwilioOutboundCalls.CallOutcome.unknown("hacked"));
    assertFalse(TwilioOutboundCalls.CallOutcome.unknown("no-answer"));
  }
}
