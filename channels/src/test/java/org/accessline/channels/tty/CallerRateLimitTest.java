package org.accessline.channels.tty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallerRateLimitTest {
  private final CallerRateLimit limit = new CallerRateLimit(3, Duration.ofMinutes(10));

  @Test
  void aNumberOverItsAllowanceIsRefusedUntilItsCallsAgeOut() {
    assertTrue(limit.admit("+15551234567", 0));
    assertTrue(limit.admit("+15551234567", 1_000));
    assertTrue(limit.admit("+15551234567", 2_000));
    assertFalse(limit.admit("+15551234567", 3_000));
    assertTrue(limit.admit("+15557654321", 3_000), "other numbers are not affected");
    assertFalse(limit.admit("+15551234567", 599_999));
    assertTrue(limit.admit("+15551234567", 600_000), "the first call has left the window");
    assertFalse(limit.admit("+15551234567", 600_001));
  }

  @Test
  void withheldNumbersShareOneAllowance() {
    assertTrue(limit.admit("", 0));
    assertTrue(limit.admit("anonymous", 0));
    assertTrue(limit.admit("+1 555", 0));
    assertFalse(limit.admit("", 0));
    assertTrue(limit.admit("+15551234567", 0));
  }

  @Test
  void numbersGoneQuietAreForgotten() {
    for (int i = 0; i < 500; i++) limit.admit("+1555" + String.format("%07d", i), i);
    assertEquals(500, limit.numbersRemembered());
    limit.admit("+15550000001", 700_000);
    assertEquals(1, limit.numbersRemembered());
  }
}
