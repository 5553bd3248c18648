package org.accessline.gateway.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Local time as the stores count it: milliseconds of the center's wall clock since 1970-01-01T00:00
 * local. A bucket is that divided by its width; 1970-01-01 was a Thursday, so a week (Monday first)
 * is (local day + 3) / 7. Both stores use these same integer divisions.
 */
public final class LocalBuckets {
  public static final long DAY_MILLIS = 86_400_000L;
  /** Days from the Monday before 1970-01-01 to it. */
  public static final long THURSDAY_SHIFT = 3;

  private LocalBuckets() {}

  /** The local wall-clock time a bucket number (as the stores compute it) starts at. */
  public static LocalDateTime start(Bucket bucket, long number) {
    long localMillis = bucket == Bucket.WEEK ? (number * 7 - THURSDAY_SHIFT) * DAY_MILLIS : number * bucket.width().toMillis();
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(localMillis), ZoneOffset.UTC);
  }
}
