package org.accessline.transcripts.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accessline.gateway.report.Contribution;
import org.accessline.gateway.report.HandleBands;
import org.accessline.gateway.report.LocalBuckets;
import org.accessline.gateway.report.Metric;
import org.accessline.gateway.report.Report;
import org.accessline.gateway.report.ReportQuery;
import org.accessline.transcripts.report.ReportSql;
import org.accessline.transcripts.report.RollupSql;

/** The embedded store's two ways to a report: SQL over every record's facts, or the rollup's sums with one read of facts for the percentile. */
final class RollupReports {
  private RollupReports() {}

  static Report fromFacts(Connection c, ReportQuery query) throws SQLException {
    List<Report.Row> rows = new ArrayList<>();
    try (ResultSet rs = execute(c, ReportSql.rows(query))) {
      while (rs.next()) {
        Map<Metric, Optional<Double>> figures = new EnumMap<>(Metric.class);
        int col = 3;
        for (Metric m : Metric.values()) {
          Object v = rs.getObject(col++);
          figures.put(m, v == null ? Optional.empty() : Optional.of(((Number) v).doubleValue()));
        }
        rows.add(new Report.Row(rs.getString(1), LocalBuckets.start(query.bucket(), rs.getLong(2)), figures));
      }
    }
    return new Report(query, rows, heatmap(c, ReportSql.heatmap(query)));
  }

  static Report fromRollup(Connection c, ReportQuery query) throws SQLException {
    List<String> groups = new ArrayList<>();
    List<Long> buckets = new ArrayList<>();
    List<long[]> sums = new ArrayList<>();
    try (ResultSet rs = execute(c, RollupSql.rows(query))) {
      while (rs.next()) {
        groups.add(rs.getString(1));
        buckets.add(rs.getLong(2));
        long[] s = new long[Contribution.COUNTERS.size()];
        for (int i = 0; i < s.length; i++) s[i] = ((Number) rs.getObject(3 + i)).longValue();
        sums.add(s);
      }
    }
    // Where each group and bucket's 90th percentile lies: its band, and its rank there.
    Map<String, HandleBands.Place> wanted = new HashMap<>();
    for (int i = 0; i < sums.size(); i++) {
      long n = sums.get(i)[Contribution.HANDLE_N];
      if (n == 0) continue;
      long[] bands = Arrays.copyOfRange(sums.get(i), Contribution.BAND_0, Contribution.BAND_0 + HandleBands.COUNT);
      wanted.put(key(groups.get(i), buckets.get(i)), HandleBands.locate(bands, H2Figures.ninetiethRank(n)));
    }
    Map<String, Long> picked = picks(c, query, wanted);
    List<Report.Row> rows = new ArrayList<>();
    for (int i = 0; i < sums.size(); i++) {
      Map<Metric, Optional<Double>> figures = figures(sums.get(i));
      if (sums.get(i)[Contribution.HANDLE_N] > 0) {
        Long p90 = picked.get(key(groups.get(i), buckets.get(i)));
        if (p90 == null) throw new IllegalStateException("the rollup counts handle times the facts do not hold; rebuild it with measureAgainst");
        figures.put(Metric.HANDLE_P90, Optional.of(p90.doubleValue()));
      }
      rows.add(new Report.Row(groups.get(i), LocalBuckets.start(query.bucket(), buckets.get(i)), figures));
    }
    return new Report(query, rows, heatmap(c, RollupSql.heatmap(query)));
  }

  private static String key(String group, long bucket) {
    return group + "\n" + bucket;
  }

  /** Each group and bucket's value at its place, from the handle times of the bands wanted, sorted per group and bucket here. */
  private static Map<String, Long> picks(Connection c, ReportQuery query, Map<String, HandleBands.Place> wanted) throws SQLException {
    Map<String, Long> picked = new HashMap<>();
    if (wanted.isEmpty()) return picked;
    List<Integer> bands = wanted.values().stream().map(HandleBands.Place::band).distinct().sorted().toList();
    Map<String, LongList> inBand = new HashMap<>();
    try (ResultSet rs = execute(c, RollupSql.bandRows(query, bands))) {
      while (rs.next()) {
        String key = key(rs.getString(1), rs.getLong(2));
        HandleBands.Place place = wanted.get(key);
        if (place != null && place.band() == rs.getInt(3)) inBand.computeIfAbsent(key, k -> new LongList()).add(rs.getLong(4));
      }
    }
    wanted.forEach((key, place) -> {
      LongList values = inBand.get(key);
      if (values != null && values.size >= place.rankInBand()) picked.put(key, values.sorted()[(int) place.rankInBand() - 1]);
    });
    return picked;
  }

  /** Handle times without boxing: a band can hold a good part of a month's records. */
  private static final class LongList {
    long[] values = new long[64];
    int size;

    void add(long v) {
      if (size == values.length) values = Arrays.copyOf(values, size * 2);
      values[size++] = v;
    }

    long[] sorted() {
      long[] out = Arrays.copyOf(values, size);
      Arrays.sort(out);
      return out;
    }
  }

  /** Every figure but the percentile from one group and bucket's sums, as H2's aggregates over the facts give it. */
  static Map<Metric, Optional<Double>> figures(long[] s) {
    Map<Metric, Optional<Double>> f = new EnumMap<>(Metric.class);
    f.put(Metric.OFFERED, Optional.of((double) s[Contribution.OFFERED]));
    f.put(Metric.HANDLED, Optional.of((double) s[Contribution.HANDLED]));
    f.put(Metric.ABANDONED, Optional.of((double) s[Contribution.ABANDONED]));
    f.put(Metric.ABANDONMENT_RATE, ratio(s[Contribution.ABANDONED], s[Contribution.OFFERED]));
    f.put(Metric.SERVICE_LEVEL, ratio(s[Contribution.SL_MET], s[Contribution.SL_COUNTED]));
    f.put(Metric.FIRST_RESPONSE, average(s[Contribution.FIRST_REPLY_SUM], s[Contribution.FIRST_REPLY_N]));
    f.put(Metric.HANDLE_AVERAGE, average(s[Contribution.HANDLE_SUM], s[Contribution.HANDLE_N]));
    f.put(Metric.HANDLE_P90, Optional.empty());
    f.put(Metric.WAIT_AVERAGE, average(s[Contribution.WAIT_SUM], s[Contribution.WAIT_N]));
    f.put(Metric.TRANSFERS, Optional.of((double) s[Contribution.TRANSFERS]));
    f.put(Metric.ESCALATIONS, Optional.of((double) s[Contribution.ESCALATIONS]));
    f.put(Metric.EMERGENCIES, Optional.of((double) s[Contribution.EMERGENCIES]));
    return f;
  }

  private static Optional<Double> ratio(long part, long whole) {
    return whole == 0 ? Optional.empty() : Optional.of((double) part / whole);
  }

  private static Optional<Double> average(long sum, long n) {
    return n == 0 ? Optional.empty() : Optional.of(H2Figures.average(sum, n));
  }

  private static Report.Heatmap heatmap(Connection c, ReportSql.Statement statement) throws SQLException {
    long[][] heat = new long[7][24];
    try (ResultSet rs = execute(c, statement)) {
      while (rs.next()) heat[rs.getInt(1)][rs.getInt(2)] = ((Number) rs.getObject(3)).longValue();
    }
    return new Report.Heatmap(heat);
  }

  private static ResultSet execute(Connection c, ReportSql.Statement statement) throws SQLException {
    PreparedStatement st = c.prepareStatement(statement.sql());
    for (int i = 0; i < statement.args().size(); i++) st.setObject(i + 1, statement.args().get(i));
    st.closeOnCompletion();
    return st.executeQuery();
  }
}
