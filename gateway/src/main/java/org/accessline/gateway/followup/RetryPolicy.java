package org.accessline.gateway.followup;

import java.time.Duration;

/** How often a follow-up that could not reach the resident is tried, and how far apart. */
public record RetryPolicy(int attempts, Duration spacing) {
  public RetryPolicy {
    if (attempts < 1 || attempts > 10) throw new IllegalArgumentException("attempts must be 1-10");
    if (spacing == null || spacing.isNegative() || spacing.isZero()) throw new IllegalArgumentException("the spacing between attempts must be positive");
  }
}
