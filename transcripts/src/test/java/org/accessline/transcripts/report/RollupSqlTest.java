package org.accessline.transcripts.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.accessline.gateway.report.Bucket;
import org.accessline.gateway.report.Contribution;
import org.accessline.gateway.report.Grouping;
import org.accessline.gateway.report.ReportQuery;
import org.accessline.gateway.report.ServiceLevelTargets;
import org.junit.jupiter.api.Test;

class RollupSqlTest {
  private static final ReportQuery MARCH = new ReportQuery(Instant.parse("2026-03-01T05:00:00Z"), Instant.parse("2026-03-15T04:00:00Z"),
      ZoneId.of("America/New_York"), Bucket.DAY, Grouping.CHANNEL, ServiceLevelTargets.defaults());

  @Test
  void theRebuildSumsOneExpressionPerCounterWithTheTargetsAsArguments() {
    assertEquals(Contribution.COUNTERS.size(), RollupSql.perRecord().size());
    ReportSql.Statement rebuild = RollupSql.rebuild(ServiceLevelTargets.defaults());
    assertTrue(rebuild.sql().startsWith("INSERT INTO report_rollup (quarter_ms, channel, queue, records, offered, "));
    // Four channels, each a name and an answer time, then the default.
    assertEquals(List.of("webchat", 20_000L, "sms", 20_000L, "tty", 60_000L, "relay", 60_000L, 20_000L).size(), rebuild.args().size());
    assertEquals(20_000L, rebuild.args().get(rebuild.args().size() - 1));
  }

  @Test
  void aDefaultWithNoOverridesNeedsNoCase() {
    ReportSql.Statement rebuild = RollupSql.rebuild(new ServiceLevelTargets(new ServiceLevelTargets.Target(80, Duration.ofSeconds(30)), Map.of(), Map.of()));
    assertFalse(rebuild.sql().contains("CASE ELSE"));
    assertEquals(List.of(30_000L), rebuild.args());
  }

  @Test
  void rowsKeepOutRowsWhoseRecordsAllMovedAwayAndFollowTheClockChange() {
    ReportSql.Statement rows = RollupSql.rows(MARCH);
    assertTrue(rows.sql().contains("HAVING SUM(x.records) > 0"));
    assertTrue(rows.sql().contains("WHEN r.quarter_ms < CAST(? AS BIGINT)"), "the offset steps apply to the quarter-hour");
    assertEquals(List.of(Instant.parse("2026-03-08T07:00:00Z").toEpochMilli(), -5 * 3_600_000L, -4 * 3_600_000L, MARCH.from().toEpochMilli(),
        MARCH.to().toEpochMilli()), rows.args());
  }

  @Test
  void bandRowsReadOnlyTheBandsAsked() {
    ReportSql.Statement rows = RollupSql.bandRows(MARCH, List.of(9, 10));
    assertTrue(rows.sql().contains("f.handle_band IN (CAST(? AS SMALLINT), CAST(? AS SMALLINT))"));
    assertThrows(IllegalArgumentException.class, () -> RollupSql.bandRows(MARCH, List.of()));
  }
}
