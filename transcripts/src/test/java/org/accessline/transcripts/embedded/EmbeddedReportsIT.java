package org.accessline.transcripts.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.report.Bucket;
import org.accessline.gateway.report.Grouping;
import org.accessline.gateway.report.Metric;
import org.accessline.gateway.report.ReportQuery;
import org.accessline.gateway.report.ServiceLevelTargets;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.transcripts.ReportStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedReportsIT extends ReportStoreContract {
  @TempDir Path dir;

  @Override
  protected InteractionStore openStore() {
    EmbeddedInteractionStore embedded = new EmbeddedInteractionStore(dir);
    embedded.start().await();
    return embedded;
  }

  @Override
  protected Optional<List<String>> countsKeptAhead() {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(((EmbeddedInteractionStore) store).jdbcUrl());
        ResultSet rs = c.createStatement().executeQuery("SELECT * FROM report_rollup ORDER BY quarter_ms, channel, queue")) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        boolean any = false;
        for (int i = 1; i <= columns; i++) {
          row.append(rs.getMetaData().getColumnLabel(i)).append('=').append(rs.getString(i)).append(' ');
          if (i > 3 && rs.getLong(i) != 0) any = true;
        }
        if (any) rows.add(row.toString());
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return Optional.of(rows);
  }

  /** A row only the rollup holds shows which way a report was answered. */
  @Test
  void alignedReportsWithTheMeasuredTargetsReadTheRollupAndOthersTheFacts() throws SQLException {
    store.reports().measureAgainst(ServiceLevelTargets.defaults()).await();
    Instant quarter = Instant.parse("2026-11-22T14:15:00Z");
    try (Connection c = DriverManager.getConnection(((EmbeddedInteractionStore) store).jdbcUrl())) {
      c.createStatement().executeUpdate("INSERT INTO report_rollup (quarter_ms, channel, queue, records, offered) VALUES (" + quarter.toEpochMilli() + ", 'sms', 'sms', 1, 1)");
    }
    Instant from = Instant.parse("2026-11-22T05:00:00Z");
    Instant to = Instant.parse("2026-11-23T05:00:00Z");
    ZoneId newYork = ZoneId.of("America/New_York");
    ReportQuery aligned = new ReportQuery(from, to, newYork, Bucket.DAY, Grouping.CHANNEL, ServiceLevelTargets.defaults());
    assertEquals(Optional.of(1.0), store.reports().run(aligned).await().rows().get(0).figure(Metric.OFFERED));
    assertEquals(List.of(), store.reports().run(new ReportQuery(from.plusMillis(1), to, newYork, Bucket.DAY, Grouping.CHANNEL, ServiceLevelTargets.defaults()))
        .await().rows(), "unaligned");
    assertEquals(List.of(), store.reports().run(new ReportQuery(from, to, newYork, Bucket.DAY, Grouping.AGENT, ServiceLevelTargets.defaults())).await().rows(),
        "by agent");
    ServiceLevelTargets other = new ServiceLevelTargets(new ServiceLevelTargets.Target(80, java.time.Duration.ofSeconds(45)), java.util.Map.of(), java.util.Map.of());
    assertEquals(List.of(), store.reports().run(new ReportQuery(from, to, newYork, Bucket.DAY, Grouping.CHANNEL, other)).await().rows(), "other targets");
    store.reports().measureAgainst(other).await();
    assertEquals(List.of(), store.reports().run(new ReportQuery(from, to, newYork, Bucket.DAY, Grouping.CHANNEL, other)).await().rows(),
        "rebuilt from the facts, which hold no such record");
  }

  @Test
  void anAnswerTimeOfNoKnownScopeIsRefusedRatherThanGuessed() throws SQLException {
    store.reports().measureAgainst(ServiceLevelTargets.defaults()).await();
    try (Connection c = DriverManager.getConnection(((EmbeddedInteractionStore) store).jdbcUrl())) {
      c.createStatement().executeUpdate("INSERT INTO report_rollup_targets (scope, name, within_ms) VALUES ('agent', 'maria', 1000)");
    }
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> store.reports().measureAgainst(ServiceLevelTargets.defaults()).await());
  }
}
