package org.accessline.transcripts.embedded;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The figures H2 computes over facts, reproduced from sums so the rollup gives the very same
 * doubles: H2 averages BIGINTs as a NUMERIC of scale 10 rounded half down, and its
 * PERCENTILE_DISC(p) takes the row at (n - 1)·p rounded half down (not the SQL standard's ceil(n·p)).
 */
final class H2Figures {
  private H2Figures() {}

  /** What {@code CAST(AVG(x) AS DOUBLE PRECISION)} gives over {@code n} BIGINTs summing to {@code sum}. */
  static double average(long sum, long n) {
    return new BigDecimal(sum).divide(new BigDecimal(n), 10, RoundingMode.HALF_DOWN).doubleValue();
  }

  /** The rank (1 = smallest) of the value {@code PERCENTILE_DISC(0.9)} picks among {@code n} values. */
  static long ninetiethRank(long n) {
    if (n < 1) throw new IllegalArgumentException("a percentile of nothing");
    long tenths = 9 * (n - 1);
    return tenths / 10 + (tenths % 10 > 5 ? 1 : 0) + 1;
  }
}
