package org.accessline.channels.sms;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How fast one number's texts are taken: a burst, then a steady rate per minute (a token bucket per
 * number). A person texting never meets it; a phone stuck in a loop with an auto-responder, or a
 * flood, does. A refused text is answered, and the resident is told at most once a minute, so a
 * loop with a machine cannot be fed. Times are passed in, so the decision is testable without a clock.
 */
public final class SmsIntakeLimit {
  /** Numbers remembered; one left out is as good as one with a full bucket, so only floods lose anything by it. */
  private static final int NUMBERS = 100_000;
  private static final long MINUTE = 60_000;

  /** Take the text, or refuse it; {@code tell} says this refusal is the one the resident is told of. */
  public sealed interface Verdict {}

  public record Take() implements Verdict {}

  public record Refuse(boolean tell) implements Verdict {}

  private static final class Bucket {
    double tokens;
    long at;
    long toldAt = Long.MIN_VALUE;
  }

  private final int burst;
  private final double perMilli;
  private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
      return size() > NUMBERS;
    }
  };

  public SmsIntakeLimit(SmsSettings settings) {
    this.burst = settings.burstPerNumber();
    this.perMilli = settings.perMinutePerNumber() / (double) MINUTE;
  }

  /** Shared by every event loop's routes, so one number's texts are counted once. */
  public synchronized Verdict check(String number, long nowMillis) {
    Bucket b = buckets.get(number);
    if (b == null) {
      b = new Bucket();
      b.tokens = burst;
      b.at = nowMillis;
      buckets.put(number, b);
    }
    b.tokens = Math.min(burst, b.tokens + Math.max(0, nowMillis - b.at) * perMilli);
    b.at = Math.max(b.at, nowMillis);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return new Take();
    }
    boolean tell = b.toldAt == Long.MIN_VALUE || nowMillis - b.toldAt >= MINUTE;
    if (tell) b.toldAt = nowMillis;
    return new Refuse(tell);
  }
}
