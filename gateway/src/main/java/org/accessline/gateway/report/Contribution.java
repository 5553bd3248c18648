package org.accessline.gateway.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What one record adds to the pre-aggregated report counts: the row it falls in (the UTC
 * quarter-hour it arrived in, its channel and queue) and a number per counter, each exactly what the
 * metric's SQL over the record's facts sums or averages. Every real zone offset since 1972 is a
 * whole number of quarter-hours, so a quarter-hour lies wholly in one local bucket of any width.
 * A record's facts changing is its old contribution's {@link #minus()} plus its new one.
 */
public record Contribution(long quarterMs, String channel, String queue, long[] counts) {
  public static final long QUARTER_MS = 900_000L;
  /** The counters, as the rollup's columns, in {@link #counts} order. */
  public static final List<String> COUNTERS;
  public static final int RECORDS = 0, OFFERED = 1, HANDLED = 2, ABANDONED = 3, FIRST_REPLY_N = 4, FIRST_REPLY_SUM = 5, HANDLE_N = 6, HANDLE_SUM = 7,
      WAIT_N = 8, WAIT_SUM = 9, TRANSFERS = 10, ESCALATIONS = 11, EMERGENCIES = 12, SL_MET = 13, SL_COUNTED = 14, BAND_0 = 15;

  static {
    List<String> names = new ArrayList<>(List.of("records", "offered", "handled", "abandoned", "first_reply_n", "first_reply_sum", "handle_n",
        "handle_sum", "wait_n", "wait_sum", "transfers", "escalations", "emergencies", "sl_met", "sl_counted"));
    for (int b = 0; b < HandleBands.COUNT; b++) names.add("band_" + b);
    COUNTERS = Collections.unmodifiableList(names);
  }

  public Contribution {
    if (channel == null || queue == null || counts.length != COUNTERS.size()) throw new IllegalArgumentException("a contribution has a row and every counter");
    counts = counts.clone();
  }

  /** The record's contribution, its service level counted against {@code targets}. */
  public static Contribution of(RecordFacts f, AnswerTargets targets) {
    long[] c = new long[COUNTERS.size()];
    c[RECORDS] = 1;
    c[OFFERED] = f.queuedMs() != null ? 1 : 0;
    c[HANDLED] = f.answeredMs() != null ? 1 : 0;
    c[ABANDONED] = f.abandoned() ? 1 : 0;
    if (f.firstReplyMs() != null) {
      c[FIRST_REPLY_N] = 1;
      c[FIRST_REPLY_SUM] = f.firstReplyMs() - (f.queuedMs() != null ? f.queuedMs() : f.openedMs());
    }
    Long handle = f.handleMs();
    if (handle != null) {
      c[HANDLE_N] = 1;
      c[HANDLE_SUM] = handle;
      c[BAND_0 + HandleBands.band(handle)] = 1;
    }
    Long waitedUntil = f.answeredMs() != null ? f.answeredMs() : f.endedMs();
    if (f.queuedMs() != null && waitedUntil != null) {
      c[WAIT_N] = 1;
      c[WAIT_SUM] = waitedUntil - f.queuedMs();
    }
    c[TRANSFERS] = f.transfers();
    c[ESCALATIONS] = f.escalations();
    c[EMERGENCIES] = f.emergency() ? 1 : 0;
    long within = targets.withinMs(f.queue(), f.channel());
    c[SL_MET] = ServiceLevelCount.met(f, within) ? 1 : 0;
    c[SL_COUNTED] = ServiceLevelCount.counted(f, within) ? 1 : 0;
    return new Contribution(Math.floorDiv(f.openedMs(), QUARTER_MS) * QUARTER_MS, f.channel(), f.queue(), c);
  }

  /** The same row with every counter negated: taking the record back out. */
  public Contribution minus() {
    long[] c = counts.clone();
    for (int i = 0; i < c.length; i++) c[i] = -c[i];
    return new Contribution(quarterMs, channel, queue, c);
  }

  public boolean sameRow(Contribution o) {
    return quarterMs == o.quarterMs && channel.equals(o.channel) && queue.equals(o.queue);
  }

  /** Both added up; they must fall in the same row. */
  public Contribution plus(Contribution o) {
    if (!sameRow(o)) throw new IllegalArgumentException("only contributions to one row add up");
    long[] c = counts.clone();
    for (int i = 0; i < c.length; i++) c[i] += o.counts[i];
    return new Contribution(quarterMs, channel, queue, c);
  }

  public boolean isZero() {
    return Arrays.stream(counts).allMatch(v -> v == 0);
  }

  /**
   * The changes to the rollup when a record's facts go from {@code before} (null: it had none) to
   * {@code after} (null: they are gone): at most two rows, none when nothing counted changed.
   */
  public static List<Contribution> change(RecordFacts before, RecordFacts after, AnswerTargets targets) {
    List<Contribution> out = new ArrayList<>();
    Contribution gone = before == null ? null : of(before, targets).minus();
    Contribution added = after == null ? null : of(after, targets);
    if (gone != null && added != null && gone.sameRow(added)) {
      Contribution net = gone.plus(added);
      if (!net.isZero()) out.add(net);
      return out;
    }
    if (gone != null) out.add(gone);
    if (added != null) out.add(added);
    return out;
  }

  public long count(int counter) {
    return counts[counter];
  }

  @Override
  public long[] counts() {
    return counts.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Contribution c && sameRow(c) && Arrays.equals(counts, c.counts);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(quarterMs) * 31 + channel.hashCode() * 17 + queue.hashCode() + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "Contribution[" + quarterMs + ", " + channel + ", " + queue + ", " + Arrays.toString(counts) + "]";
  }
}
