package org.accessline.transcripts.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.accessline.gateway.report.AnswerTargets;
import org.accessline.gateway.report.Contribution;
import org.accessline.transcripts.report.RollupSql;

/** The embedded rollup's bookkeeping: the answer times it counts against, and adding contributions to its rows. */
final class RollupTargets {
  private static final String DEFAULT = "default", CHANNEL = "channel", QUEUE = "queue";
  private static final String ADD;

  static {
    StringBuilder values = new StringBuilder("CAST(? AS BIGINT), CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(32))");
    StringBuilder set = new StringBuilder();
    for (String c : Contribution.COUNTERS) {
      values.append(", CAST(? AS BIGINT)");
      set.append(set.length() == 0 ? "" : ", ").append(c).append(" = r.").append(c).append(" + u.").append(c);
    }
    ADD = "MERGE INTO report_rollup r USING (VALUES (" + values + ")) AS u(quarter_ms, channel, queue, " + RollupSql.counters("") + ")"
        + " ON r.quarter_ms = u.quarter_ms AND r.channel = u.channel AND r.queue = u.queue WHEN MATCHED THEN UPDATE SET " + set
        + " WHEN NOT MATCHED THEN INSERT (quarter_ms, channel, queue, " + RollupSql.counters("") + ") VALUES (u.quarter_ms, u.channel, u.queue, "
        + RollupSql.counters("u.") + ")";
  }

  private RollupTargets() {}

  /** The answer times the rollup was built against, or null when it never was. */
  static AnswerTargets read(Connection c) throws SQLException {
    Long fallback = null;
    Map<String, Long> channels = new TreeMap<>();
    Map<String, Long> queues = new TreeMap<>();
    try (PreparedStatement st = c.prepareStatement("SELECT scope, name, within_ms FROM report_rollup_targets"); ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        switch (rs.getString(1)) {
          case DEFAULT -> fallback = rs.getLong(3);
          case CHANNEL -> channels.put(rs.getString(2), rs.getLong(3));
          case QUEUE -> queues.put(rs.getString(2), rs.getLong(3));
          default -> throw new IllegalStateException("unknown answer time scope " + rs.getString(1));
        }
      }
    }
    return fallback == null ? null : new AnswerTargets(fallback, channels, queues);
  }

  static void write(Connection c, AnswerTargets targets) throws SQLException {
    try (var st = c.createStatement()) {
      st.executeUpdate("DELETE FROM report_rollup_targets");
    }
    try (PreparedStatement st = c.prepareStatement("INSERT INTO report_rollup_targets (scope, name, within_ms) VALUES (?, ?, ?)")) {
      add(st, DEFAULT, "", targets.fallbackMs());
      for (Map.Entry<String, Long> e : targets.byChannel().entrySet()) add(st, CHANNEL, e.getKey(), e.getValue());
      for (Map.Entry<String, Long> e : targets.byQueue().entrySet()) add(st, QUEUE, e.getKey(), e.getValue());
      st.executeBatch();
    }
  }

  private static void add(PreparedStatement st, String scope, String name, long within) throws SQLException {
    st.setString(1, scope);
    st.setString(2, name);
    st.setLong(3, within);
    st.addBatch();
  }

  /** Adds each contribution to its row (made if missing), in the caller's transaction. */
  static void add(Connection c, List<Contribution> contributions) throws SQLException {
    if (contributions.isEmpty()) return;
    try (PreparedStatement st = c.prepareStatement(ADD)) {
      for (Contribution k : contributions) {
        st.setLong(1, k.quarterMs());
        st.setString(2, k.channel());
        st.setString(3, k.queue());
        long[] counts = k.counts();
        for (int i = 0; i < counts.length; i++) st.setLong(4 + i, counts[i]);
        st.addBatch();
      }
      st.executeBatch();
    }
  }
}
