package org.accessline.channels.tty;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many calls each calling number has placed lately: a number may place at most {@code limit}
 * calls in any {@code window}. Only calls let in are counted, so a number that keeps calling is let
 * in again as its earlier calls age out. Callers who withhold their number share one allowance.
 * Thread-safe; times are milliseconds.
 */
public final class CallerRateLimit {
  static final String WITHHELD = "withheld";

  private final int limit;
  private final long windowMillis;
  // Access order: the least recently calling number is first, so numbers gone quiet are dropped from the head.
  private final LinkedHashMap<String, ArrayDeque<Long>> calls = new LinkedHashMap<>(16, 0.75f, true);

  public CallerRateLimit(int limit, Duration window) {
    this.limit = limit;
    this.windowMillis = window.toMillis();
  }

  /** Counts a call from {@code from} and says whether it may go ahead. */
  public synchronized boolean admit(String from, long now) {
    forgetQuiet(now);
    String number = TtyCallSession.callerAddress(from, "").startsWith("withheld:") ? WITHHELD : from;
    ArrayDeque<Long> times = calls.computeIfAbsent(number, n -> new ArrayDeque<>());
    while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) times.pollFirst();
    if (times.size() >= limit) return false;
    times.addLast(now);
    return true;
  }

  synchronized int numbersRemembered() {
    return calls.size();
  }

  private void forgetQuiet(long now) {
    for (Iterator<Map.Entry<String, ArrayDeque<Long>>> it = calls.entrySet().iterator(); it.hasNext(); ) {
      ArrayDeque<Long> times = it.next().getValue();
      if (!times.isEmpty() && times.peekLast() > now - windowMillis) break;
      it.remove();
    }
  }
}
