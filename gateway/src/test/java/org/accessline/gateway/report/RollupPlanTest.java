package org.accessline.gateway.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollupPlanTest {
  private static final AnswerTargets DEFAULTS = AnswerTargets.of(ServiceLevelTargets.defaults());

  private static ReportQuery query(String from, String to, String zone, Grouping grouping, ServiceLevelTargets targets) {
    return new ReportQuery(Instant.parse(from), Instant.parse(to), ZoneId.of(zone), Bucket.DAY, grouping, targets);
  }

  private static ReportQuery query(String from, String to, String zone, Grouping grouping) {
    return query(from, to, zone, grouping, ServiceLevelTargets.defaults());
  }

  @Test
  void quarterHourAlignedReportsByNoneChannelOrQueueUseTheRollup() {
    for (Grouping g : new Grouping[] {Grouping.NONE, Grouping.CHANNEL, Grouping.QUEUE}) {
      assertTrue(RollupPlan.usable(query("2026-11-01T04:00:00Z", "2026-12-01T05:00:00Z", "America/New_York", g), DEFAULTS), g.key());
    }
    assertTrue(RollupPlan.usable(query("2026-03-01T05:00:00Z", "2026-03-15T04:00:00Z", "America/New_York", Grouping.NONE), DEFAULTS),
        "across a clock change, which falls on the hour");
  }

  @Test
  void aHalfHourOrQuarterHourZoneUsesTheRollup() {
    assertTrue(RollupPlan.usable(query("2026-11-21T18:30:00Z", "2026-11-22T18:30:00Z", "Asia/Kolkata", Grouping.CHANNEL), DEFAULTS));
    assertTrue(RollupPlan.usable(query("2026-11-21T18:15:00Z", "2026-11-22T18:15:00Z", "Asia/Kathmandu", Grouping.NONE), DEFAULTS));
  }

  @Test
  void agentCategoryAndTagGroupingsReadTheFacts() {
    for (Grouping g : new Grouping[] {Grouping.AGENT, Grouping.CATEGORY, Grouping.TAG}) {
      assertFalse(RollupPlan.usable(query("2026-11-01T04:00:00Z", "2026-12-01T05:00:00Z", "America/New_York", g), DEFAULTS), g.key());
    }
  }

  @Test
  void anUnalignedRangeReadsTheFacts() {
    assertFalse(RollupPlan.usable(query("2026-11-01T04:00:00.001Z", "2026-12-01T05:00:00Z", "America/New_York", Grouping.NONE), DEFAULTS));
    assertFalse(RollupPlan.usable(query("2026-11-01T04:00:00Z", "2026-12-01T05:07:00Z", "America/New_York", Grouping.NONE), DEFAULTS));
  }

  @Test
  void anOffsetOffTheQuarterHourReadsTheFacts() {
    // Before 1912 Kolkata kept local mean time, an offset of +5:53:28.
    assertFalse(RollupPlan.usable(query("1900-01-01T00:00:00Z", "1900-01-02T00:00:00Z", "Asia/Kolkata", Grouping.NONE), DEFAULTS));
  }

  @Test
  void otherAnswerTimesThanMeasuredOrNoneYetReadTheFacts() {
    ReportQuery q = query("2026-11-01T04:00:00Z", "2026-12-01T05:00:00Z", "America/New_York", Grouping.NONE,
        new ServiceLevelTargets(new ServiceLevelTargets.Target(80, Duration.ofSeconds(30)), Map.of(), Map.of()));
    assertFalse(RollupPlan.usable(q, DEFAULTS));
    assertFalse(RollupPlan.usable(query("2026-11-01T04:00:00Z", "2026-12-01T05:00:00Z", "America/New_York", Grouping.NONE), null));
  }

  @Test
  void onlyTheAnswerTimesMatterNotThePercentAimedFor() {
    ServiceLevelTargets d = ServiceLevelTargets.defaults();
    ServiceLevelTargets ninety = new ServiceLevelTargets(new ServiceLevelTargets.Target(90, d.fallback().within()), d.byChannel(), d.byQueue());
    assertTrue(RollupPlan.usable(query("2026-11-01T04:00:00Z", "2026-12-01T05:00:00Z", "America/New_York", Grouping.NONE, ninety), DEFAULTS));
  }
}
