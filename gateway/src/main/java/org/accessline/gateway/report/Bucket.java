package org.accessline.gateway.report;

import java.time.Duration;

/** The width of a report's time buckets, in the center's local time. Weeks start on Monday. */
public enum Bucket {
  QUARTER_HOUR("15m", Duration.ofMinutes(15)),
  HOUR("hour", Duration.ofHours(1)),
  DAY("day", Duration.ofDays(1)),
  WEEK("week", Duration.ofDays(7));

  private final String key;
  private final Duration width;

  Bucket(String key, Duration width) {
    this.key = key;
    this.width = width;
  }

  public String key() {
    return key;
  }

  /** The nominal width: a local day across a clock change is still one bucket. */
  public Duration width() {
    return width;
  }

  public static java.util.Optional<Bucket> byKey(String key) {
    for (Bucket b : values()) if (b.key.equals(key)) return java.util.Optional.of(b);
    return java.util.Optional.empty();
  }
}
