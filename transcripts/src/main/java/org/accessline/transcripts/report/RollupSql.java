package org.accessline.transcripts.report;

import java.util.ArrayList;
import java.util.List;
import org.accessline.gateway.report.Contribution;
import org.accessline.gateway.report.Grouping;
import org.accessline.gateway.report.HandleBands;
import org.accessline.gateway.report.ReportQuery;
import org.accessline.gateway.report.ServiceLevelTargets;

/**
 * Reports from {@code report_rollup}, the per-(UTC quarter-hour, channel, queue) sums of every
 * record's {@link Contribution}, and the statements that keep and rebuild it. Only for queries
 * {@link org.accessline.gateway.report.RollupPlan} accepts: then a quarter-hour's local bucket is
 * that of every record in it.
 */
public final class RollupSql {
  private static final String NUMBER = ReportSql.NUMBER;
  private static final String HANDLED = "x.answered_ms IS NOT NULL AND x.ended_ms IS NOT NULL";
  private static final String WAITED = "x.queued_ms IS NOT NULL AND COALESCE(x.answered_ms, x.ended_ms) IS NOT NULL";

  private RollupSql() {}

  /** The counter columns, in {@link Contribution#COUNTERS} order. */
  public static String counters(String prefix) {
    StringBuilder sql = new StringBuilder();
    for (String c : Contribution.COUNTERS) sql.append(sql.length() == 0 ? "" : ", ").append(prefix).append(c);
    return sql.toString();
  }

  /** Each counter as an expression over one facts row {@code x} with its {@code target_ms}: the SQL twin of {@link Contribution#of}. */
  static List<String> perRecord() {
    List<String> out = new ArrayList<>(List.of("1",
        "CASE WHEN x.queued_ms IS NOT NULL THEN 1 ELSE 0 END",
        "CASE WHEN x.answered_ms IS NOT NULL THEN 1 ELSE 0 END",
        "CASE WHEN x.abandoned THEN 1 ELSE 0 END",
        "CASE WHEN x.first_reply_ms IS NOT NULL THEN 1 ELSE 0 END",
        "CASE WHEN x.first_reply_ms IS NOT NULL THEN x.first_reply_ms - COALESCE(x.queued_ms, x.opened_ms) ELSE 0 END",
        "CASE WHEN " + HANDLED + " THEN 1 ELSE 0 END",
        "CASE WHEN " + HANDLED + " THEN x.ended_ms - x.answered_ms ELSE 0 END",
        "CASE WHEN " + WAITED + " THEN 1 ELSE 0 END",
        "CASE WHEN " + WAITED + " THEN COALESCE(x.answered_ms, x.ended_ms) - x.queued_ms ELSE 0 END",
        "x.transfers",
        "x.escalations",
        "CASE WHEN x.emergency THEN 1 ELSE 0 END",
        "CASE WHEN x.answered_ms IS NOT NULL AND x.queued_ms IS NOT NULL AND x.answered_ms - x.queued_ms <= x.target_ms THEN 1 ELSE 0 END",
        "CASE WHEN x.answered_ms IS NOT NULL AND x.queued_ms IS NOT NULL THEN 1 WHEN x.abandoned AND x.ended_ms - x.queued_ms > x.target_ms THEN 1 ELSE 0 END"));
    for (int b = 0; b < HandleBands.COUNT; b++) out.add("CASE WHEN x.handle_band = " + b + " THEN 1 ELSE 0 END");
    if (out.size() != Contribution.COUNTERS.size()) throw new IllegalStateException("one expression per counter");
    return out;
  }

  /** The whole rollup from the facts, its service level counted against {@code targets}; run after emptying it. */
  public static ReportSql.Statement rebuild(ServiceLevelTargets targets) {
    List<Object> args = new ArrayList<>();
    String quarter = "(x.opened_ms / " + Contribution.QUARTER_MS + ") * " + Contribution.QUARTER_MS;
    StringBuilder sql = new StringBuilder("INSERT INTO report_rollup (quarter_ms, channel, queue, ").append(counters("")).append(") SELECT ")
        .append(quarter).append(", x.channel, x.queue");
    for (String c : perRecord()) sql.append(", SUM(").append(c).append(")");
    sql.append(" FROM (SELECT f.*, ").append(ReportSql.targetMs(targets, args)).append(" AS target_ms FROM report_facts f) x GROUP BY ")
        .append(quarter).append(", x.channel, x.queue");
    return new ReportSql.Statement(sql.toString(), args);
  }

  /** Rows of (group, bucket number, the sum of each counter in {@link Contribution#COUNTERS} order), as many as the facts path gives. */
  public static ReportSql.Statement rows(ReportQuery q) {
    List<Object> args = new ArrayList<>();
    String from = rollup(q, args);
    String group = ReportSql.group(q.grouping());
    String bucket = ReportSql.bucket(q.bucket());
    String grouped = q.grouping() == Grouping.NONE ? "" : group + ", ";
    StringBuilder sql = new StringBuilder("SELECT ").append(group).append(" AS grp, ").append(bucket).append(" AS b");
    for (String c : Contribution.COUNTERS) sql.append(", SUM(x.").append(c).append(")");
    // A row whose records all moved away stays behind with zero counts; the facts path would not see it.
    sql.append(" FROM ").append(from).append(" GROUP BY ").append(grouped).append(bucket).append(" HAVING SUM(x.records) > 0")
        .append(" ORDER BY ").append(grouped).append(bucket);
    return new ReportSql.Statement(sql.toString(), args);
  }

  /** Rows of (local day of week, Monday 0; local hour; records offered). */
  public static ReportSql.Statement heatmap(ReportQuery q) {
    List<Object> args = new ArrayList<>();
    String from = rollup(q, args);
    return new ReportSql.Statement("SELECT " + ReportSql.DAY + ", " + ReportSql.HOUR + ", SUM(x.offered) FROM " + from + " GROUP BY " + ReportSql.DAY + ", "
        + ReportSql.HOUR, args);
  }

  /**
   * Rows of (group, bucket number, band, handle time) of the records in the range whose handle time
   * is in one of {@code bands}: read by the band index, so only those bands' records are read. The
   * caller picks each group and bucket's value from its own band (H2 joins a list of wanted groups
   * and buckets to these rows only by trying every pair, which costs more than reading them all).
   */
  public static ReportSql.Statement bandRows(ReportQuery q, List<Integer> bands) {
    if (bands.isEmpty()) throw new IllegalArgumentException("no band to read");
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT ").append(ReportSql.group(q.grouping())).append(", ").append(ReportSql.bucket(q.bucket()))
        .append(", x.handle_band, x.ended_ms - x.answered_ms FROM (SELECT f.*, ").append(ReportSql.localMs("f.opened_ms", q, args))
        .append(" AS local_ms FROM report_facts f WHERE f.handle_band IN (");
    for (int i = 0; i < bands.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("CAST(? AS SMALLINT)");
      args.add(bands.get(i));
    }
    sql.append(") AND f.opened_ms >= " + NUMBER + " AND f.opened_ms < " + NUMBER + ") x");
    args.add(q.from().toEpochMilli());
    args.add(q.to().toEpochMilli());
    return new ReportSql.Statement(sql.toString(), args);
  }

  private static String rollup(ReportQuery q, List<Object> args) {
    StringBuilder sql = new StringBuilder("(SELECT r.*, ").append(ReportSql.localMs("r.quarter_ms", q, args))
        .append(" AS local_ms FROM report_rollup r WHERE r.quarter_ms >= " + NUMBER + " AND r.quarter_ms < " + NUMBER + ") x");
    args.add(q.from().toEpochMilli());
    args.add(q.to().toEpochMilli());
    return sql.toString();
  }
}
