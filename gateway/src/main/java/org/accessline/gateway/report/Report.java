package org.accessline.gateway.report;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A report's answer: one row per group and local time bucket that had any arrival, in group then
 * time order, and the traffic heatmap over the whole range. A figure with nothing to measure (an
 * average over no handled record) is empty, never zero.
 */
public record Report(ReportQuery query, List<Row> rows, Heatmap heatmap) {
  public Report {
    rows = List.copyOf(rows);
  }

  public record Row(String group, LocalDateTime bucketStart, Map<Metric, Optional<Double>> figures) {
    public Row {
      figures = Map.copyOf(figures);
    }

    public Optional<Double> figure(Metric metric) {
      return figures.getOrDefault(metric, Optional.empty());
    }
  }

  /** Records offered by local day of week (0 Monday … 6 Sunday) and local hour. */
  public record Heatmap(long[][] offered) {
    public Heatmap {
      if (offered.length != 7) throw new IllegalArgumentException("a heatmap has 7 days");
      long[][] copy = new long[7][];
      for (int d = 0; d < 7; d++) {
        if (offered[d].length != 24) throw new IllegalArgumentException("a heatmap day has 24 hours");
        copy[d] = offered[d].clone();
      }
      offered = copy;
    }

    public long at(int dayOfWeek, int hour) {
      return offered[dayOfWeek][hour];
    }

    public static Heatmap empty() {
      return new Heatmap(new long[7][24]);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Heatmap h && java.util.Arrays.deepEquals(offered, h.offered);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.deepHashCode(offered);
    }

    @Override
    public String toString() {
      return java.util.Arrays.deepToString(offered);
    }
  }
}
