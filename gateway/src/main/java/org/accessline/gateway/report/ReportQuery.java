package org.accessline.gateway.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;

/**
 * One report: the records that arrived in {@code [from, to)}, split by {@code grouping} and by
 * {@code bucket} in the center's {@code zone}, measured against {@code targets}.
 */
public record ReportQuery(Instant from, Instant to, ZoneId zone, Bucket bucket, Grouping grouping, ServiceLevelTargets targets) {
  /** A report spans at most about a year, and at most this many buckets per group, so one request cannot ask for millions of rows. */
  public static final Duration LONGEST = Duration.ofDays(400);
  public static final long MOST_BUCKETS = 5_000;

  public ReportQuery {
    if (from == null || to == null || zone == null || bucket == null || grouping == null || targets == null) {
      throw new IllegalArgumentException("a report needs a range, a time zone, a bucket, a grouping and targets");
    }
    if (!to.isAfter(from)) throw new IllegalArgumentException("a report's range ends after it starts");
    if (Duration.between(from, to).compareTo(LONGEST) > 0) throw new IllegalArgumentException("a report spans at most " + LONGEST.toDays() + " days");
    if (Duration.between(from, to).toMillis() / bucket.width().toMillis() > MOST_BUCKETS) {
      throw new IllegalArgumentException("a report has at most " + MOST_BUCKETS + " buckets; choose a wider bucket or a shorter range");
    }
  }

  /**
   * The zone's offset from UTC over the range, as steps: each applies to records that arrived before
   * its {@code untilMillis} (the last runs to the range's end). Local time is then arrival plus its
   * step's offset, which both stores compute with plain arithmetic.
   */
  public List<OffsetStep> offsetSteps() {
    List<OffsetStep> steps = new ArrayList<>();
    Instant at = from;
    var rules = zone.getRules();
    while (true) {
      ZoneOffsetTransition next = rules.nextTransition(at);
      long offset = rules.getOffset(at).getTotalSeconds() * 1000L;
      if (next == null || !next.getInstant().isBefore(to)) {
        steps.add(new OffsetStep(Long.MAX_VALUE, offset));
        return steps;
      }
      steps.add(new OffsetStep(next.getInstant().toEpochMilli(), offset));
      at = next.getInstant();
    }
  }

  /** Records that arrived before {@code untilMillis} (and after the step before) are {@code offsetMillis} from UTC. */
  public record OffsetStep(long untilMillis, long offsetMillis) {}
}
