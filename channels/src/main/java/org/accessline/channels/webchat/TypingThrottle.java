package org.accessline.channels.webchat;

import java.util.Optional;

/**
 * How often a resident's typing reaches the agent: a change of state at most once per gap, and a
 * repeated "still typing" at most once per refresh. What is held back is not lost: once the gap has
 * passed, the latest state goes out if it differs from the last one relayed, so the agent never
 * keeps seeing "typing" after the resident stopped. Time comes in as an argument. Pure.
 */
final class TypingThrottle {
  private final long gapNanos;
  private final long refreshNanos;
  private Boolean relayed;
  private long relayedAt;
  private Boolean held;

  TypingThrottle(long gapNanos, long refreshNanos) {
    this.gapNanos = gapNanos;
    this.refreshNanos = refreshNanos;
  }

  /** True if this signal goes to the agent now; else it is held, and {@link #due} says when to ask again. */
  boolean offer(boolean active, long nowNanos) {
    boolean changes = relayed == null || relayed != active;
    long since = nowNanos - relayedAt;
    if (relayed == null || (changes && since >= gapNanos) || (!changes && active && since >= refreshNanos)) {
      relay(active, nowNanos);
      return true;
    }
    held = changes ? active : null;
    return false;
  }

  /** When a held signal may go; empty when nothing is held. */
  Optional<Long> due() {
    return held == null ? Optional.empty() : Optional.of(relayedAt + gapNanos);
  }

  /** The held state to relay at {@code nowNanos}, if its time has come and it still changes something. */
  Optional<Boolean> release(long nowNanos) {
    if (held == null || nowNanos - relayedAt < gapNanos) return Optional.empty();
    boolean state = held;
    held = null;
    if (state == relayed) return Optional.empty();
    relay(state, nowNanos);
    return Optional.of(state);
  }

  private void relay(boolean active, long nowNanos) {
    relayed = active;
    relayedAt = nowNanos;
    held = null;
  }
}
