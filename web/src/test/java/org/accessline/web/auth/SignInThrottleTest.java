package org.accessline.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
  private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
  private final SignInThrottle throttle = new SignInThrottle();

  @Test
  void aFewMistakesCostNothingThenEachFailureDoublesTheLock() {
    for (int i = 0; i < 5; i++) assertTrue(throttle.failed("maria", "10.0.0.1", T0).isEmpty());
    assertEquals(Optional.empty(), throttle.retryAfter("maria", "10.0.0.1", T0));
    var lock = throttle.failed("maria", "10.0.0.1", T0);
    assertEquals(1, lock.size());
    assertEquals(Duration.ofSeconds(1), lock.get(0).length());
    assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.retryAfter("maria", "10.0.0.2", T0), "the name is locked from any address");
    assertEquals(Optional.empty(), throttle.retryAfter("lee", "10.0.0.1", T0), "a colleague at the same address is not");
    Instant later = T0.plusSeconds(2);
    assertEquals(Duration.ofSeconds(2), throttle.failed("maria", "10.0.0.1", later).get(0).length());
    assertEquals(Duration.ofSeconds(4), throttle.failed("maria", "10.0.0.1", later.plusSeconds(3)).get(0).length());
  }

  @Test
  void theLockIsCappedAtFifteenMinutes() {
    Duration last = Duration.ZERO;
    for (int i = 0; i < 200; i++) {
      var locks = throttle.failed("maria", "10.0.0." + (i % 7), T0.plusSeconds(i));
      if (!locks.isEmpty()) last = locks.get(0).length();
    }
    assertEquals(Duration.ofMinutes(15), last);
  }

  @Test
  void oneAddressCyclingThroughNamesIsLockedAfterTwentyFreeFailures() {
    for (int i = 0; i < 20; i++) throttle.failed("name" + i, "203.0.113.9", T0);
    assertEquals(Optional.empty(), throttle.retryAfter("lee", "203.0.113.9", T0));
    throttle.failed("name20", "203.0.113.9", T0);
    assertTrue(throttle.retryAfter("lee", "203.0.113.9", T0).isPresent(), "every name from that address waits");
    assertEquals(Optional.empty(), throttle.retryAfter("lee", "198.51.100.4", T0), "the same name from elsewhere does not");
  }

  @Test
  void theRightPasswordClearsTheNameButNotTheAddress() {
    for (int i = 0; i < 6; i++) throttle.failed("maria", "10.0.0.1", T0);
    throttle.succeeded("maria");
    assertEquals(Optional.empty(), throttle.retryAfter("maria", "10.0.0.9", T0));
    for (int i = 0; i < 5; i++) assertTrue(throttle.failed("maria", "10.0.0.9", T0).isEmpty(), "counting starts again");
  }

  @Test
  void oldFailuresAreForgotten() {
    for (int i = 0; i < 6; i++) throttle.failed("maria", "10.0.0.1", T0);
    Instant muchLater = T0.plus(Duration.ofMinutes(31));
    assertEquals(Optional.empty(), throttle.retryAfter("maria", "10.0.0.1", muchLater));
    assertTrue(throttle.failed("maria", "10.0.0.1", muchLater).isEmpty(), "a failure half an hour later counts as the first");
  }

  @Test
  void memoryStaysBoundedUnderAFloodOfNames() {
    for (int i = 0; i < SignInThrottle.MAX_KEYS; i++) throttle.failed("n" + i, "a" + (i % 1000), T0.plusMillis(i));
    assertTrue(throttle.size() <= SignInThrottle.MAX_KEYS);
    for (int i = 0; i < 6; i++) throttle.failed("maria", "b", T0.plusSeconds(200));
    assertTrue(throttle.size() <= SignInThrottle.MAX_KEYS);
    assertTrue(throttle.retryAfter("maria", "c", T0.plusSeconds(200)).isPresent(), "the newest failures are the ones kept");
  }
}
