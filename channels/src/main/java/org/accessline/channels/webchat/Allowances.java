package org.accessline.channels.webchat;

import java.util.HashMap;
import java.util.Map;

/**
 * A {@link SendAllowance} per key (a resident's token, a client address), shared by every event loop
 * so that reconnecting, or spreading sockets over loops, starts from what was already used. Keys
 * whose allowance has refilled are forgotten, so the map holds only the recently busy. Time comes
 * in as an argument.
 */
final class Allowances<K> {
  private static final int SWEEP_ABOVE = 4096;
  private final int burst;
  private final double perSecond;
  private final Map<K, SendAllowance> byKey = new HashMap<>();
  private int sweepAt = SWEEP_ABOVE;

  Allowances(int burst, double perSecond) {
    this.burst = burst;
    this.perSecond = perSecond;
  }

  synchronized boolean take(K key, long nowNanos) {
    if (byKey.size() >= sweepAt) {
      byKey.values().removeIf(a -> a.full(nowNanos));
      // Sweep again only once the map has doubled, so a steady crowd costs no more than one pass each time.
      sweepAt = Math.max(SWEEP_ABOVE, byKey.size() * 2);
    }
    return byKey.computeIfAbsent(key, k -> new SendAllowance(burst, perSecond)).take(nowNanos);
  }

  synchronized int size() {
    return byKey.size();
  }
}
