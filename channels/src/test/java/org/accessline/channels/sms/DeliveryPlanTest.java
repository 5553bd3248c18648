package org.accessline.channels.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.accessline.channels.twilio.TwilioCallFailure;
import org.junit.jupiter.api.Test;

class DeliveryPlanTest {
  private final DeliveryPlan plan = new DeliveryPlan(Duration.ofMillis(500), 5, Duration.ofMinutes(10));

  private static TwilioCallFailure busy(int status, Duration retryAfter) {
    return new TwilioCallFailure.Busy(status, Optional.ofNullable(retryAfter), "HTTP " + status);
  }

  @Test
  void aBusyTwilioIsTriedAgainAfterADoublingPause() {
    assertEquals(new DeliveryPlan.Retry(Duration.ofMillis(500)), plan.after(busy(503, null), 1));
    assertEquals(new DeliveryPlan.Retry(Duration.ofMillis(1000)), plan.after(busy(500, null), 2));
    assertEquals(new DeliveryPlan.Retry(Duration.ofMillis(4000)), plan.after(busy(502, null), 4));
  }

  @Test
  void retryAfterIsWaitedWhenLongerThanTheBackoff() {
    assertEquals(new DeliveryPlan.Retry(Duration.ofSeconds(30)), plan.after(busy(429, Duration.ofSeconds(30)), 1));
    assertEquals(new DeliveryPlan.Retry(Duration.ofMillis(2000)), plan.after(busy(429, Duration.ofMillis(100)), 3));
    DeliveryPlan.GiveUp tooLong = assertInstanceOf(DeliveryPlan.GiveUp.class, plan.after(busy(429, Duration.ofHours(2)), 1));
    assertTrue(tooLong.reason().contains("7200 s"), tooLong.reason());
  }

  @Test
  void aPlanOutsideItsLimitsIsRefused() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new DeliveryPlan(Duration.ofMillis(-1), 5, Duration.ofMinutes(1)));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new DeliveryPlan(Duration.ofMillis(500), 0, Duration.ofMinutes(1)));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new DeliveryPlan(Duration.ofMillis(500), 21, Duration.ofMinutes(1)));
  }

  @Test
  void aFailedConnectionIsTriedAgainSinceNothingWasSent() {
    assertEquals(new DeliveryPlan.Retry(Duration.ofMillis(500)), plan.after(new TwilioCallFailure.Unreachable("refused"), 1));
  }

  @Test
  void aRequestWithNoAnswerIsNeverSentAgain() {
    DeliveryPlan.Step step = plan.after(new TwilioCallFailure.NoAnswer("read timed out"), 1);
    assertTrue(assertInstanceOf(DeliveryPlan.Unsettled.class, step).reason().contains("may have taken"));
  }

  @Test
  void aRefusalIsFinalAndTheLastTryGivesUpWithTheCount() {
    assertInstanceOf(DeliveryPlan.GiveUp.class, plan.after(new TwilioCallFailure.Refused(400, Optional.of(21211), "invalid To"), 1));
    DeliveryPlan.GiveUp last = assertInstanceOf(DeliveryPlan.GiveUp.class, plan.after(busy(500, null), 5));
    assertTrue(last.reason().contains("HTTP 500") && last.reason().contains("5 tries"), last.reason());
  }

  @Test
  void theDoublingPauseNeverExceedsTheLongestWait() {
    DeliveryPlan many = new DeliveryPlan(Duration.ofSeconds(1), 20, Duration.ofMinutes(10));
    assertEquals(new DeliveryPlan.Retry(Duration.ofMinutes(10)), many.after(busy(503, null), 19));
    assertEquals(new DeliveryPlan.Retry(Duration.ofSeconds(256)), many.after(busy(503, null), 9));
  }
}
