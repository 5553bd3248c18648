package org.accessline.gateway.escalation;

import java.time.Duration;

/**
 * How long a conversation may wait. Queue wait and first response count from the conversation's
 * start, so time spent earlier adds up (TaskRouter-style); next response counts from the resident's
 * latest unanswered message. A zero limit is off.
 */
public record TimeLimits(Duration queueWait, Duration firstResponse, Duration nextResponse) {
  public TimeLimits {
    for (Duration d : new Duration[] {queueWait, firstResponse, nextResponse}) {
      if (d == null || d.isNegative()) throw new IllegalArgumentException("time limits cannot be negative");
    }
  }

  public static TimeLimits defaults() {
    return new TimeLimits(Duration.ofMinutes(2), Duration.ofMinutes(3), Duration.ofMinutes(5));
  }

  /** TTY and relay turns are slow by nature, so their limits are longer. */
  public static TimeLimits slowChannelDefaults() {
    return new TimeLimits(Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(10));
  }
}
