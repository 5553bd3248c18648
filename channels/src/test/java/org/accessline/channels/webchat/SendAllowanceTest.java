package org.accessline.channels.webchat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SendAllowanceTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void aBurstOfTenPassesTheEleventhWaitsAndASecondEarnsOneMore() {
    SendAllowance allowance = new SendAllowance(10, 1.0);
    for (int i = 0; i < 10; i++) assertTrue(allowance.take(0), "message " + i);
    assertFalse(allowance.take(0));
    assertFalse(allowance.take(SECOND / 2));
    assertTrue(allowance.take(SECOND + SECOND / 2));
    assertFalse(allowance.take(SECOND + SECOND / 2));
  }

  @Test
  void someoneTypingAMessageEveryFewSecondsIsNeverStopped() {
    SendAllowance allowance = new SendAllowance(10, 1.0);
    for (int i = 0; i < 1000; i++) assertTrue(allowance.take(i * 3L * SECOND));
  }
}
