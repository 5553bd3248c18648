package org.accessline.transcripts.embedded;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.report.LocalBuckets;
import org.accessline.gateway.report.Metric;
import org.accessline.gateway.report.RecordFacts;
import org.accessline.gateway.report.Report;
import org.accessline.gateway.report.ReportQuery;
import org.accessline.gateway.store.Reports;
import org.accessline.transcripts.report.FactRows;
import org.accessline.transcripts.report.ReportSql;

/** Reports on the embedded store, and the record facts it keeps in the same transaction as the entries. */
final class EmbeddedReports implements Reports {
  private final EmbeddedInteractionStore store;

  EmbeddedReports(EmbeddedInteractionStore store) {
    this.store = store;
  }

  @Override
  public Future<Report> run(ReportQuery query) {
    return store.read(c -> {
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
      long[][] heat = new long[7][24];
      try (ResultSet rs = execute(c, ReportSql.heatmap(query))) {
        while (rs.next()) heat[rs.getInt(1)][rs.getInt(2)] = rs.getLong(3);
      }
      return new Report(query, rows, new Report.Heatmap(heat));
    });
  }

  private static ResultSet execute(Connection c, ReportSql.Statement statement) throws SQLException {
    PreparedStatement st = c.prepareStatement(statement.sql());
    for (int i = 0; i < statement.args().size(); i++) st.setObject(i + 1, statement.args().get(i));
    st.closeOnCompletion();
    return st.executeQuery();
  }

  /** Folds the batch into the record's facts, on the writer's connection inside its transaction. */
  static void fold(Connection c, long num, List<Entry> entries) throws SQLException {
    if (entries.stream().noneMatch(RecordFacts::matters)) return;
    RecordFacts before = read(c, num);
    RecordFacts after = before;
    for (Entry e : entries) {
      // A record stored before facts were kept has none to fold into; it stays out of reports rather than fail its appends.
      if (after == null) after = e.event() instanceof org.accessline.gateway.conversation.ConversationEvent.Opened ? RecordFacts.opened(e) : null;
      else if (RecordFacts.matters(e)) after = after.with(e);
    }
    if (after == null || after.equals(before)) return;
    write(c, num, after);
    if (FactRows.tagsChanged(before, after)) writeTags(c, num, after.tags());
  }

  static void write(Connection c, long num, RecordFacts facts) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("MERGE INTO report_facts (" + FactRows.COLUMNS + ") KEY (num) VALUES ("
        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      Object[] values = FactRows.values(num, facts);
      for (int i = 0; i < values.length; i++) st.setObject(i + 1, values[i]);
      st.executeUpdate();
    }
  }

  static void writeTags(Connection c, long num, List<String> tags) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("DELETE FROM report_fact_tags WHERE num = ?")) {
      st.setLong(1, num);
      st.executeUpdate();
    }
    if (tags.isEmpty()) return;
    try (PreparedStatement st = c.prepareStatement("INSERT INTO report_fact_tags (num, tag) VALUES (?, ?)")) {
      for (String tag : tags.stream().distinct().toList()) {
        st.setLong(1, num);
        st.setString(2, tag);
        st.addBatch();
      }
      st.executeBatch();
    }
  }

  private static RecordFacts read(Connection c, long num) throws SQLException {
    Object[] row = null;
    try (PreparedStatement st = c.prepareStatement("SELECT " + FactRows.COLUMNS + " FROM report_facts WHERE num = ?")) {
      st.setLong(1, num);
      try (ResultSet rs = st.executeQuery()) {
        if (rs.next()) {
          row = new Object[FactRows.COUNT];
          for (int i = 0; i < row.length; i++) row[i] = rs.getObject(i + 1);
        }
      }
    }
    if (row == null) return null;
    List<String> tags = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement("SELECT tag FROM report_fact_tags WHERE num = ? ORDER BY tag")) {
      st.setLong(1, num);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) tags.add(rs.getString(1));
      }
    }
    return FactRows.read(row, tags);
  }
}
