package org.accessline.gateway.routing;

import java.time.Duration;

/**
 * How residents hear about their place in line. Web chat shows it live; a texter or TTY caller is
 * told once on joining the line and again every {@code every}, not on each change.
 *
 * @param typicalHandle assumed handle time until the center has finished conversations to go by
 */
public record QueueUpdates(Duration every, Duration typicalHandle) {
  public QueueUpdates {
    if (every == null || every.toSeconds() < 10) throw new IllegalArgumentException("queue updates can come at most every 10 seconds");
    if (typicalHandle == null || typicalHandle.isNegative() || typicalHandle.isZero()) throw new IllegalArgumentException("a typical handle time must be positive");
  }

  public static QueueUpdates defaults() {
    return new QueueUpdates(Duration.ofMinutes(2), Duration.ofMinutes(5));
  }
}
