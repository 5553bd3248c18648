package org.accessline.transcripts.embedded;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.report.AnswerTargets;
import org.accessline.gateway.report.Contribution;
import org.accessline.gateway.report.RecordFacts;
import org.accessline.gateway.report.Report;
import org.accessline.gateway.report.ReportQuery;
import org.accessline.gateway.report.RollupPlan;
import org.accessline.gateway.report.ServiceLevelTargets;
import org.accessline.gateway.store.Reports;
import org.accessline.transcripts.report.FactRows;
import org.accessline.transcripts.report.ReportSql;
import org.accessline.transcripts.report.RollupSql;

/**
 * Reports on the embedded store, and the record facts and their rollup it keeps in the same
 * transaction as the entries. H2 takes most of a second just to group a month of facts, so reports
 * that fit the rollup ({@link RollupPlan}) read it (see {@link RollupReports}); the rest read facts.
 */
final class EmbeddedReports implements Reports {
  private final EmbeddedInteractionStore store;
  /** The answer times the rollup counts against; null until the store is told any. Changed only on the writer's thread. */
  private volatile AnswerTargets measured;

  EmbeddedReports(EmbeddedInteractionStore store) {
    this.store = store;
  }

  /** Reads the answer times the rollup was last built against; before the writer starts. */
  void load(Connection c) throws SQLException {
    measured = RollupTargets.read(c);
  }

  @Override
  public Future<Report> run(ReportQuery query) {
    return store.read(c -> {
      if (!RollupPlan.usable(query, measured)) return RollupReports.fromFacts(c, query);
      // One snapshot for the rollup, the answer times it was built against and the facts the
      // percentile picks from, so a write or a rebuild in between cannot split them.
      c.setAutoCommit(false);
      try (var st = c.createStatement()) {
        st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
      }
      try {
        return RollupPlan.usable(query, RollupTargets.read(c)) ? RollupReports.fromRollup(c, query) : RollupReports.fromFacts(c, query);
      } finally {
        c.commit();
        try (var st = c.createStatement()) {
          st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
        }
        c.setAutoCommit(true);
      }
    });
  }

  /**
   * Counts the service level against {@code targets} from now on: when the rollup was built against
   * other answer times, rebuilds it wholly from the facts, on the writer between two groups of
   * appends, so no fold is lost or counted twice.
   */
  @Override
  public Future<Void> measureAgainst(ServiceLevelTargets targets) {
    AnswerTargets wanted = AnswerTargets.of(targets);
    return store.exclusive(c -> {
      if (!wanted.equals(RollupTargets.read(c))) {
        try (var st = c.createStatement()) {
          st.executeUpdate("DELETE FROM report_rollup");
        }
        ReportSql.Statement rebuild = RollupSql.rebuild(targets);
        try (PreparedStatement st = c.prepareStatement(rebuild.sql())) {
          for (int i = 0; i < rebuild.args().size(); i++) st.setObject(i + 1, rebuild.args().get(i));
          st.executeUpdate();
        }
        RollupTargets.write(c, wanted);
      }
      measured = wanted;
      return null;
    });
  }

  /** Folds the batch into the record's facts, on the writer's connection inside its transaction. */
  void fold(Connection c, long num, List<Entry> entries) throws SQLException {
    if (entries.stream().noneMatch(RecordFacts::matters)) return;
    RecordFacts before = read(c, num);
    RecordFacts after = before;
    for (Entry e : entries) {
      // A record stored before facts were kept has none to fold into; it stays out of reports rather than fail its appends.
      if (after == null) after = e.event() instanceof ConversationEvent.Opened ? RecordFacts.opened(e) : null;
      else if (RecordFacts.matters(e)) after = after.with(e);
    }
    if (after == null || after.equals(before)) return;
    write(c, num, after);
    if (FactRows.tagsChanged(before, after)) writeTags(c, num, after.tags());
    roll(c, before, after);
  }

  /** Takes records' facts out of the rollup before they are deleted (a purge), in the caller's transaction. */
  void forget(Connection c, List<Long> nums) throws SQLException {
    if (measured == null) return;
    for (long num : nums) {
      RecordFacts gone = read(c, num);
      if (gone != null) roll(c, gone, null);
    }
  }

  private void roll(Connection c, RecordFacts before, RecordFacts after) throws SQLException {
    // With no answer times yet there is no rollup to keep: the first measureAgainst builds it whole.
    AnswerTargets targets = measured;
    if (targets != null) RollupTargets.add(c, Contribution.change(before, after, targets));
  }

  static void write(Connection c, long num, RecordFacts facts) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("MERGE INTO report_facts (" + FactRows.COLUMNS + ") KEY (num) VALUES (" + FactRows.placeholders() + ")")) {
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
