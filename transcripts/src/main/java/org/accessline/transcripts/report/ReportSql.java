package org.accessline.transcripts.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.accessline.gateway.report.Bucket;
import org.accessline.gateway.report.Grouping;
import org.accessline.gateway.report.LocalBuckets;
import org.accessline.gateway.report.Metric;
import org.accessline.gateway.report.ReportQuery;
import org.accessline.gateway.report.ServiceLevelTargets;

/**
 * A report as SQL over {@code report_facts}, the same text on H2 and PostgreSQL (with {@code ?}
 * placeholders; PostgreSQL numbers them). Local time is computed per row with integer arithmetic
 * from the zone's offset steps, so both databases bucket alike and across clock changes.
 */
public final class ReportSql {
  /** The statement and its arguments, in placeholder order. */
  public record Statement(String sql, List<Object> args) {}

  /** A number argument, typed so PostgreSQL need not guess (it would take it for text). */
  static final String NUMBER = "CAST(? AS BIGINT)";
  private static final String ANSWERED = "x.answered_ms IS NOT NULL";
  private static final String HANDLE = "CASE WHEN x.answered_ms IS NOT NULL AND x.ended_ms IS NOT NULL THEN x.ended_ms - x.answered_ms END";

  private ReportSql() {}

  /** The SQL aggregate that answers each metric over the rows of one group and bucket. */
  static String aggregate(Metric metric) {
    return switch (metric) {
      case OFFERED -> "SUM(CASE WHEN x.queued_ms IS NOT NULL THEN 1 ELSE 0 END)";
      case HANDLED -> "SUM(CASE WHEN " + ANSWERED + " THEN 1 ELSE 0 END)";
      case ABANDONED -> "SUM(CASE WHEN x.abandoned THEN 1 ELSE 0 END)";
      case ABANDONMENT_RATE ->
        "CAST(SUM(CASE WHEN x.abandoned THEN 1 ELSE 0 END) AS DOUBLE PRECISION) / NULLIF(SUM(CASE WHEN x.queued_ms IS NOT NULL THEN 1 ELSE 0 END), 0)";
      // Genesys: answered within target / (answered + abandoned after target); a resident who left within target is not held against it.
      case SERVICE_LEVEL ->
        "CAST(SUM(CASE WHEN " + ANSWERED + " AND x.queued_ms IS NOT NULL AND x.answered_ms - x.queued_ms <= x.target_ms THEN 1 ELSE 0 END)"
            + " AS DOUBLE PRECISION) / NULLIF(SUM(CASE WHEN " + ANSWERED + " AND x.queued_ms IS NOT NULL THEN 1"
            + " WHEN x.abandoned AND x.ended_ms - x.queued_ms > x.target_ms THEN 1 ELSE 0 END), 0)";
      case FIRST_RESPONSE ->
        "CAST(AVG(CASE WHEN x.first_reply_ms IS NOT NULL THEN x.first_reply_ms - COALESCE(x.queued_ms, x.opened_ms) END) AS DOUBLE PRECISION)";
      case HANDLE_AVERAGE -> "CAST(AVG(" + HANDLE + ") AS DOUBLE PRECISION)";
      case HANDLE_P90 -> "CAST(PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY " + HANDLE + ") AS DOUBLE PRECISION)";
      case WAIT_AVERAGE ->
        "CAST(AVG(CASE WHEN x.queued_ms IS NOT NULL THEN COALESCE(x.answered_ms, x.ended_ms) - x.queued_ms END) AS DOUBLE PRECISION)";
      case TRANSFERS -> "SUM(x.transfers)";
      case ESCALATIONS -> "SUM(x.escalations)";
      case EMERGENCIES -> "SUM(CASE WHEN x.emergency THEN 1 ELSE 0 END)";
    };
  }

  /** Rows of (group, bucket number, one column per {@link Metric} in declaration order). */
  public static Statement rows(ReportQuery q) {
    List<Object> args = new ArrayList<>();
    String from = facts(q, args, q.grouping() == Grouping.TAG);
    String group = group(q.grouping());
    String bucket = bucket(q.bucket());
    StringBuilder sql = new StringBuilder("SELECT ").append(group).append(" AS grp, ").append(bucket).append(" AS b");
    for (Metric m : Metric.values()) sql.append(", ").append(aggregate(m));
    sql.append(" FROM ").append(from)
        .append(" GROUP BY ").append(q.grouping() == Grouping.NONE ? "" : group + ", ").append(bucket)
        .append(" ORDER BY ").append(q.grouping() == Grouping.NONE ? "" : group + ", ").append(bucket);
    return new Statement(sql.toString(), args);
  }

  /** Rows of (local day of week, Monday 0; local hour; records offered). */
  public static Statement heatmap(ReportQuery q) {
    List<Object> args = new ArrayList<>();
    String from = facts(q, args, false);
    return new Statement("SELECT " + DAY + ", " + HOUR + ", " + aggregate(Metric.OFFERED) + " FROM " + from + " GROUP BY " + DAY + ", " + HOUR, args);
  }

  /** The local day of week (Monday 0) and hour of a row's {@code local_ms}. */
  static final String DAY = "MOD(x.local_ms / " + LocalBuckets.DAY_MILLIS + " + " + LocalBuckets.THURSDAY_SHIFT + ", 7)";
  static final String HOUR = "MOD(x.local_ms, " + LocalBuckets.DAY_MILLIS + ") / 3600000";

  /** The facts of records that arrived in the range, each with its local arrival time and its service level target. */
  private static String facts(ReportQuery q, List<Object> args, boolean byTag) {
    StringBuilder sql = new StringBuilder("(SELECT f.*, ").append(byTag ? "t.tag AS tag_name, " : "").append(localMs("f.opened_ms", q, args));
    sql.append(" AS local_ms, ").append(targetMs(q.targets(), args)).append(" AS target_ms FROM report_facts f");
    if (byTag) sql.append(" LEFT JOIN report_fact_tags t ON t.num = f.num");
    sql.append(" WHERE f.opened_ms >= " + NUMBER + " AND f.opened_ms < " + NUMBER + ") x");
    args.add(q.from().toEpochMilli());
    args.add(q.to().toEpochMilli());
    return sql.toString();
  }

  /** The local time of an arrival time column: it plus the offset of its step. */
  static String localMs(String arrival, ReportQuery q, List<Object> args) {
    StringBuilder sql = new StringBuilder(arrival).append(" + ");
    List<ReportQuery.OffsetStep> steps = q.offsetSteps();
    if (steps.size() == 1) {
      sql.append(NUMBER);
      args.add(steps.get(0).offsetMillis());
      return sql.toString();
    }
    sql.append("CASE");
    for (int i = 0; i < steps.size() - 1; i++) {
      sql.append(" WHEN " + arrival + " < " + NUMBER + " THEN " + NUMBER);
      args.add(steps.get(i).untilMillis());
      args.add(steps.get(i).offsetMillis());
    }
    sql.append(" ELSE " + NUMBER + " END");
    args.add(steps.get(steps.size() - 1).offsetMillis());
    return sql.toString();
  }

  /** The answer time of a facts row {@code f}: its queue's, else its channel's, else the default. */
  static String targetMs(ServiceLevelTargets targets, List<Object> args) {
    if (targets.byQueue().isEmpty() && targets.byChannel().isEmpty()) {
      // A CASE needs a WHEN: one default for everything is the number itself.
      args.add(targets.fallback().within().toMillis());
      return NUMBER;
    }
    StringBuilder sql = new StringBuilder("CASE");
    for (Map.Entry<String, ServiceLevelTargets.Target> e : targets.byQueue().entrySet()) {
      sql.append(" WHEN f.queue = ? THEN " + NUMBER);
      args.add(e.getKey());
      args.add(e.getValue().within().toMillis());
    }
    for (Map.Entry<String, ServiceLevelTargets.Target> e : targets.byChannel().entrySet()) {
      // A queue named after a channel is that channel's own queue unless it has a target of its own.
      sql.append(" WHEN f.channel = ? THEN " + NUMBER);
      args.add(e.getKey());
      args.add(e.getValue().within().toMillis());
    }
    sql.append(" ELSE " + NUMBER + " END");
    args.add(targets.fallback().within().toMillis());
    return sql.toString();
  }

  static String group(Grouping grouping) {
    switch (grouping) {
      case NONE: return "''";
      case CHANNEL: return "x.channel";
      case QUEUE: return "x.queue";
      case AGENT: return "COALESCE(x.agent, '')";
      case CATEGORY: return "COALESCE(x.category, '')";
      case TAG: return "COALESCE(x.tag_name, '')";
      default: throw new IllegalArgumentException("no SQL for " + grouping);
    }
  }

  static String bucket(Bucket bucket) {
    if (bucket == Bucket.WEEK) return "(x.local_ms / " + LocalBuckets.DAY_MILLIS + " + " + LocalBuckets.THURSDAY_SHIFT + ") / 7";
    return "x.local_ms / " + bucket.width().toMillis();
  }
}
