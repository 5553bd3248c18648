package org.accessline.transcripts.postgres;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.report.LocalBuckets;
import org.accessline.gateway.report.Metric;
import org.accessline.gateway.report.RecordFacts;
import org.accessline.gateway.report.Report;
import org.accessline.gateway.report.ReportQuery;
import org.accessline.gateway.store.Reports;
import org.accessline.transcripts.report.FactRows;
import org.accessline.transcripts.report.ReportSql;

/** Reports on PostgreSQL, and the record facts the group appender keeps in the same transaction as the entries. */
final class PgReports implements Reports {
  private static final String UPSERT;

  static {
    StringBuilder sql = new StringBuilder("INSERT INTO report_facts (" + FactRows.COLUMNS + ") VALUES (");
    for (int i = 1; i <= FactRows.COUNT; i++) sql.append(i == 1 ? "" : ", ").append('$').append(i);
    sql.append(") ON CONFLICT (num) DO UPDATE SET ");
    String[] columns = FactRows.COLUMNS.split(",\\s*");
    for (int i = 1; i < columns.length; i++) sql.append(i == 1 ? "" : ", ").append(columns[i]).append(" = EXCLUDED.").append(columns[i]);
    UPSERT = sql.toString();
  }

  /** Read when used: the store hands this out before it has started and made its pool. */
  private final Supplier<Pool> pool;

  PgReports(Supplier<Pool> pool) {
    this.pool = pool;
  }

  @Override
  public Future<Report> run(ReportQuery query) {
    return PostgresInteractionStore.onCaller(() -> pool.get().withConnection(c -> execute(c, ReportSql.rows(query)).compose(rows -> {
      List<Report.Row> out = new ArrayList<>();
      for (Row r : rows) {
        Map<Metric, Optional<Double>> figures = new EnumMap<>(Metric.class);
        int col = 2;
        for (Metric m : Metric.values()) {
          Object v = r.getValue(col++);
          figures.put(m, v == null ? Optional.empty() : Optional.of(((Number) v).doubleValue()));
        }
        out.add(new Report.Row(r.getString(0), LocalBuckets.start(query.bucket(), ((Number) r.getValue(1)).longValue()), figures));
      }
      return execute(c, ReportSql.heatmap(query)).map(heat -> {
        long[][] cells = new long[7][24];
        for (Row r : heat) cells[((Number) r.getValue(0)).intValue()][((Number) r.getValue(1)).intValue()] = ((Number) r.getValue(2)).longValue();
        return new Report(query, out, new Report.Heatmap(cells));
      });
    })));
  }

  /**
   * Nothing to prepare: PostgreSQL groups a month of a million records' facts within the time asked
   * of a report, so it keeps no rollup and counts the service level against each report's targets.
   */
  @Override
  public Future<Void> measureAgainst(org.accessline.gateway.report.ServiceLevelTargets targets) {
    return Future.succeededFuture();
  }

  private static Future<io.vertx.sqlclient.RowSet<Row>> execute(SqlConnection c, ReportSql.Statement statement) {
    return c.preparedQuery(numbered(statement.sql())).execute(Tuple.from(statement.args()));
  }

  static String numbered(String sql) {
    StringBuilder out = new StringBuilder();
    int n = 0;
    boolean quoted = false;
    for (char ch : sql.toCharArray()) {
      if (ch == '\'') quoted = !quoted;
      if (ch == '?' && !quoted) out.append('$').append(++n);
      else out.append(ch);
    }
    return out.toString();
  }

  /** Folds each append of the group into its record's facts, inside the group's transaction. */
  static Future<Void> fold(SqlConnection c, Map<Long, List<Entry>> byRecord) {
    Map<Long, List<Entry>> relevant = new LinkedHashMap<>();
    byRecord.forEach((num, entries) -> {
      if (entries.stream().anyMatch(RecordFacts::matters)) relevant.put(num, entries);
    });
    if (relevant.isEmpty()) return Future.succeededFuture();
    Long[] nums = relevant.keySet().toArray(Long[]::new);
    return read(c, nums).compose(known -> {
      List<Tuple> upserts = new ArrayList<>();
      List<Long> retagged = new ArrayList<>();
      List<Long> tagNums = new ArrayList<>();
      List<String> tags = new ArrayList<>();
      relevant.forEach((num, entries) -> {
        RecordFacts before = known.get(num);
        RecordFacts after = before;
        for (Entry e : entries) {
          // A record stored before facts were kept has none to fold into; it stays out of reports rather than fail its appends.
          if (after == null) after = e.event() instanceof org.accessline.gateway.conversation.ConversationEvent.Opened ? RecordFacts.opened(e) : null;
          else if (RecordFacts.matters(e)) after = after.with(e);
        }
        if (after == null || after.equals(before)) return;
        upserts.add(Tuple.from(FactRows.values(num, after)));
        if (FactRows.tagsChanged(before, after)) {
          retagged.add(num);
          for (String tag : after.tags().stream().distinct().toList()) {
            tagNums.add(num);
            tags.add(tag);
          }
        }
      });
      Future<Void> done = upserts.isEmpty() ? Future.succeededFuture() : c.preparedQuery(UPSERT).executeBatch(upserts).mapEmpty();
      if (retagged.isEmpty()) return done;
      return done.compose(v -> c.preparedQuery("DELETE FROM report_fact_tags WHERE num = ANY($1)").execute(Tuple.of(retagged.toArray(Long[]::new))))
          .compose(v -> tags.isEmpty() ? Future.succeededFuture() : c.preparedQuery("INSERT INTO report_fact_tags (num, tag) SELECT * FROM unnest($1::bigint[], $2::varchar[])")
              .execute(Tuple.tuple().addValue(tagNums.toArray(Long[]::new)).addValue(tags.toArray(String[]::new))).mapEmpty())
          .mapEmpty();
    });
  }

  private static Future<Map<Long, RecordFacts>> read(SqlConnection c, Long[] nums) {
    return c.preparedQuery("SELECT " + FactRows.COLUMNS + " FROM report_facts WHERE num = ANY($1)").execute(Tuple.of(nums)).compose(rows -> {
      Map<Long, Object[]> found = new HashMap<>();
      for (Row r : rows) {
        Object[] row = new Object[FactRows.COUNT];
        for (int i = 0; i < row.length; i++) row[i] = r.getValue(i);
        found.put(r.getLong(0), row);
      }
      if (found.isEmpty()) return Future.succeededFuture(Map.of());
      return c.preparedQuery("SELECT num, tag FROM report_fact_tags WHERE num = ANY($1) ORDER BY num, tag").execute(Tuple.of(nums)).map(tagRows -> {
        Map<Long, List<String>> tags = new HashMap<>();
        for (Row r : tagRows) tags.computeIfAbsent(r.getLong(0), k -> new ArrayList<>()).add(r.getString(1));
        Map<Long, RecordFacts> facts = new HashMap<>();
        found.forEach((num, row) -> facts.put(num, FactRows.read(row, tags.getOrDefault(num, List.of()))));
        return facts;
      });
    });
  }
}
