package org.accessline.channels.webchat;

/**
 * How fast one resident may send: a burst, then a steady rate (by default 10, then one a second). A
 * person typing never meets it; a script flooding the record does. Time comes in as an argument.
 */
final class SendAllowance {
  private final int burst;
  private final double perSecond;
  private double tokens;
  private long last;
  private boolean started;

  SendAllowance(int burst, double perSecond) {
    this.burst = burst;
    this.perSecond = perSecond;
    this.tokens = burst;
  }

  /** Whether the allowance has refilled completely by {@code nowNanos}, so forgetting it changes nothing. */
  boolean full(long nowNanos) {
    return !started || tokens + (nowNanos - last) / 1e9 * perSecond >= burst;
  }

  /** Takes one message's allowance at {@code nowNanos}, or refuses. */
  boolean take(long nowNanos) {
    if (started) tokens = Math.min(burst, tokens + (nowNanos - last) / 1e9 * perSecond);
    started = true;
    last = nowNanos;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  }
}
