package org.accessline.web.reports;

import java.util.Locale;
import org.accessline.gateway.report.Metric;
import org.accessline.gateway.report.Report;

/** A report as CSV: one line per group and bucket, a column per metric (durations in seconds, shares as fractions). */
public final class ReportCsv {
  private ReportCsv() {}

  public static String of(Report report) {
    StringBuilder out = new StringBuilder("group,bucket_start");
    for (Metric m : Metric.values()) out.append(',').append(column(m));
    out.append("\r\n");
    for (Report.Row row : report.rows()) {
      out.append(cell(row.group())).append(',').append(cell(row.bucketStart().toString()));
      for (Metric m : Metric.values()) out.append(',').append(row.figure(m).map(v -> number(m, v)).orElse(""));
      out.append("\r\n");
    }
    return out.toString();
  }

  static String column(Metric m) {
    String snake = m.key().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    return m.unit() == Metric.Unit.MILLIS ? snake + "_seconds" : snake;
  }

  private static String number(Metric m, double v) {
    if (m.unit() == Metric.Unit.COUNT) return Long.toString(Math.round(v));
    if (m.unit() == Metric.Unit.MILLIS) return String.format(Locale.ROOT, "%.1f", v / 1000);
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** Quoted, and a leading = + - @ (or tab, carriage return) defused, so a spreadsheet never runs a tag or category as a formula. */
  static String cell(String value) {
    String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    return "\"" + safe.replace("\"", "\"\"") + "\"";
  }
}
