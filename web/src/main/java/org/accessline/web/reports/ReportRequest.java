package org.accessline.web.reports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.accessline.gateway.report.Bucket;
import org.accessline.gateway.report.Grouping;
import org.accessline.gateway.report.ReportQuery;

/**
 * A report asked for over HTTP: {@code from} and {@code to} are local dates, both days included;
 * {@code bucket} is 15m, hour, day or week; {@code group} is none, channel, queue, agent, category
 * or tag. Pure: either the query or the sentence that says what is wrong.
 */
public sealed interface ReportRequest {
  record Valid(ReportQuery query) implements ReportRequest {}

  record Invalid(String message) implements ReportRequest {}

  static ReportRequest parse(Map<String, String> params, ReportsConfig config) {
    LocalDate from;
    LocalDate to;
    try {
      from = LocalDate.parse(params.getOrDefault("from", ""));
      to = LocalDate.parse(params.getOrDefault("to", ""));
    } catch (DateTimeParseException e) {
      return new Invalid("from and to are dates such as 2026-11-01.");
    }
    Optional<Bucket> bucket = Bucket.byKey(params.getOrDefault("bucket", "day"));
    if (bucket.isEmpty()) return new Invalid("bucket is one of 15m, hour, day or week.");
    Optional<Grouping> grouping = Grouping.byKey(params.getOrDefault("group", "none"));
    if (grouping.isEmpty()) return new Invalid("group is one of none, channel, queue, agent, category or tag.");
    if (to.isBefore(from)) return new Invalid("\"to\" must be on or after \"from\".");
    try {
      return new Valid(new ReportQuery(from.atStartOfDay(config.zone()).toInstant(), to.plusDays(1).atStartOfDay(config.zone()).toInstant(), config.zone(),
          bucket.get(), grouping.get(), config.targets()));
    } catch (IllegalArgumentException e) {
      return new Invalid(Character.toUpperCase(e.getMessage().charAt(0)) + e.getMessage().substring(1) + ".");
    }
  }

  /** What the audit log says was asked: the same words whoever reads it. */
  static String describe(ReportQuery q, String format) {
    return format + " report " + q.from() + ".." + q.to() + " by " + q.grouping().key() + " per " + q.bucket().key() + " (" + q.zone() + ")";
  }
}
