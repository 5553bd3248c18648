package org.accessline.bench;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.accessline.gateway.report.Bucket;
import org.accessline.gateway.report.Grouping;
import org.accessline.gateway.report.HandleBands;
import org.accessline.gateway.report.Report;
import org.accessline.gateway.report.ReportQuery;
import org.accessline.gateway.report.ServiceLevelTargets;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.transcripts.embedded.EmbeddedInteractionStore;
import org.accessline.transcripts.postgres.PostgresInteractionStore;
import org.accessline.transcripts.seal.RecordSeals;

/**
 * Reports over a million records on both stores: the facts are seeded with one bulk SQL statement
 * (not through the gateway), spread over 90 days on four channels, and the store is told its
 * service level targets (on the embedded store this builds its rollup from the facts, timed); the
 * report is checked once against the same report from every record's facts; then a 30-day report by
 * day and channel (every metric, and the heatmap) is timed, against a baseline in the same run: a
 * plain count of the same 30 days' rows.
 *
 * <p>Options: --records N (1000000), --runs R (30), --pg URL (postgresql://postgres@127.0.0.1:5432/test; "none" skips PostgreSQL),
 * --embedded no (skips the embedded store).
 */
public final class ReportBenchmark {
  private static final Instant START = Instant.parse("2026-08-01T04:00:00Z");
  private static final long SPAN_MILLIS = 90L * 86_400_000L;

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new HashMap<>(Map.of("records", "1000000", "runs", "30", "pg", "postgresql://postgres@127.0.0.1:5432/test", "embedded", "yes"));
    for (int i = 0; i + 1 < args.length; i += 2) o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    long records = Long.parseLong(o.get("records"));
    int runs = Integer.parseInt(o.get("runs"));
    Vertx vertx = Vertx.vertx();
    System.out.printf("Reports over %,d records, 30 days by day and channel, %d runs after 5 warm-ups (%s, %d cores)%n", records, runs,
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    try {
      if (!"no".equals(o.get("embedded"))) {
        EmbeddedInteractionStore embedded = new EmbeddedInteractionStore(Files.createTempDirectory("accessline-report-bench"));
        embedded.start().await();
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(embedded.jdbcUrl()); Statement st = c.createStatement()) {
          st.executeUpdate("INSERT INTO report_facts (" + COLUMNS + ") SELECT " + facts("X") + " FROM SYSTEM_RANGE(1, " + records + ")");
        }
        System.out.printf("embedded: seeded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        embedded.reports().measureAgainst(ServiceLevelTargets.defaults()).await();
        System.out.printf("embedded: rollup built (measureAgainst) in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        measure("embedded (H2)", embedded, runs, () -> {
          try (Connection c = DriverManager.getConnection(embedded.jdbcUrl());
              PreparedStatement st = c.prepareStatement("SELECT count(*) FROM report_facts WHERE opened_ms >= ? AND opened_ms < ?")) {
            st.setLong(1, from().toEpochMilli());
            st.setLong(2, to().toEpochMilli());
            try (ResultSet rs = st.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        embedded.close().await();
      }
      if (!"none".equals(o.get("pg"))) {
        String schema = "report_bench_" + Long.toHexString(System.nanoTime());
        PostgresInteractionStore pg = new PostgresInteractionStore(vertx, o.get("pg"), schema, RecordSeals.in(Files.createTempDirectory("accessline-report-bench-seals")));
        pg.start().await();
        Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(o.get("pg")).addProperty("search_path", schema)).using(vertx).build();
        try {
          long t0 = System.nanoTime();
          pool.query("INSERT INTO report_facts (" + COLUMNS + ") SELECT " + facts("x") + " FROM generate_series(CAST(1 AS BIGINT), " + records + ") AS g(x)").execute().await();
          pool.query("ANALYZE report_facts").execute().await();
          pg.reports().measureAgainst(ServiceLevelTargets.defaults()).await();
          System.out.printf("PostgreSQL: seeded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
          measure("PostgreSQL", pg, runs, () -> pool.preparedQuery("SELECT count(*) FROM report_facts WHERE opened_ms >= $1 AND opened_ms < $2")
              .execute(Tuple.of(from().toEpochMilli(), to().toEpochMilli())).await().iterator().next().getLong(0));
        } finally {
          pool.query("DROP SCHEMA " + schema + " CASCADE").execute().await();
          pool.close().await();
          pg.close().await();
        }
      }
    } finally {
      vertx.close().await();
    }
  }

  private static final String COLUMNS = "num, channel, queue, agent, category, opened_ms, queued_ms, answered_ms, first_reply_ms, ended_ms,"
      + " abandoned, transfers, escalations, emergency, handle_band";

  /**
   * One record's facts from its number {@code x}: evenly over 90 days; a tenth abandoned, a twentieth transferred, a fiftieth escalated;
   * handle times spread evenly over 1 to 21 minutes, banded as the stores band them.
   */
  private static String facts(String x) {
    long step = SPAN_MILLIS / 1_000_000L;
    String opened = START.toEpochMilli() + " + " + x + " * " + step;
    return x + ", CASE MOD(" + x + ", 4) WHEN 0 THEN 'sms' WHEN 1 THEN 'webchat' WHEN 2 THEN 'tty' ELSE 'relay' END,"
        + " CASE MOD(" + x + ", 4) WHEN 0 THEN 'sms' WHEN 1 THEN 'webchat' WHEN 2 THEN 'tty' ELSE 'relay' END,"
        + " CASE WHEN MOD(" + x + ", 10) = 0 THEN NULL ELSE CONCAT('agent', MOD(" + x + ", 50)) END, CONCAT('category', MOD(" + x + ", 12)),"
        + " " + opened + ", " + opened + ","
        + " CASE WHEN MOD(" + x + ", 10) = 0 THEN NULL ELSE " + opened + " + MOD(" + x + ", 90) * 1000 END,"
        + " CASE WHEN MOD(" + x + ", 10) = 0 THEN NULL ELSE " + opened + " + MOD(" + x + ", 90) * 1000 + 30000 END,"
        + " " + opened + " + MOD(" + x + ", 90) * 1000 + MOD(" + x + ", 1200) * 1000 + 60000,"
        + " MOD(" + x + ", 10) = 0, CASE WHEN MOD(" + x + ", 20) = 1 THEN 1 ELSE 0 END, CASE WHEN MOD(" + x + ", 50) = 3 THEN 1 ELSE 0 END, MOD(" + x + ", 997) = 5,"
        + " CASE WHEN MOD(" + x + ", 10) = 0 THEN NULL ELSE " + HandleBands.sqlCase("(MOD(" + x + ", 1200) * 1000 + 60000)") + " END";
  }

  private static Instant from() {
    return START.plus(30, ChronoUnit.DAYS);
  }

  private static Instant to() {
    return START.plus(60, ChronoUnit.DAYS);
  }

  private static void measure(String name, InteractionStore store, int runs, Supplier<Long> baseline) {
    ReportQuery query = new ReportQuery(from(), to(), ZoneId.of("America/New_York"), Bucket.DAY, Grouping.CHANNEL, ServiceLevelTargets.defaults());
    Report first = null;
    for (int i = 0; i < 5; i++) {
      first = store.reports().run(query).await();
      baseline.get();
    }
    // A range 1 ms later moves no record here but fits no rollup: the same report from every record's facts.
    long t = System.nanoTime();
    Report facts = store.reports().run(new ReportQuery(from().plusMillis(1), to(), query.zone(), query.bucket(), query.grouping(), query.targets())).await();
    System.out.printf("%s: the same report from the facts in %.0f ms; identical: %s%n", name, (System.nanoTime() - t) / 1e6,
        facts.rows().equals(first.rows()) && facts.heatmap().equals(first.heatmap()));
    List<Double> report = new ArrayList<>();
    List<Double> count = new ArrayList<>();
    long inRange = 0;
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      store.reports().run(query).await();
      report.add((System.nanoTime() - t0) / 1e6);
      t0 = System.nanoTime();
      inRange = baseline.get();
      count.add((System.nanoTime() - t0) / 1e6);
    }
    System.out.printf("%s: %,d records in the 30 days, %d rows; report p50 %.1f / p95 %.1f / max %.1f ms; baseline count(*) p50 %.1f / p95 %.1f ms%n",
        name, inRange, first.rows().size(), pct(report, 50), pct(report, 95), pct(report, 100), pct(count, 50), pct(count, 95));
  }

  private static double pct(List<Double> values, int p) {
    List<Double> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
