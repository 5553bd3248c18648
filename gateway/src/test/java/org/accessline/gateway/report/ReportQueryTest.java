package org.accessline.gateway.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportQueryTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static ReportQuery query(String from, String to, Bucket bucket) {
    return new ReportQuery(Instant.parse(from), Instant.parse(to), NEW_YORK, bucket, Grouping.NONE, ServiceLevelTargets.defaults());
  }

  @Test
  void theOffsetStepsFollowTheZonesClockChanges() {
    assertEquals(List.of(new ReportQuery.OffsetStep(Long.MAX_VALUE, -5 * 3_600_000L)),
        query("2026-11-22T05:00:00Z", "2026-11-24T05:00:00Z", Bucket.DAY).offsetSteps());
    assertEquals(List.of(new ReportQuery.OffsetStep(Instant.parse("2026-03-08T07:00:00Z").toEpochMilli(), -5 * 3_600_000L),
        new ReportQuery.OffsetStep(Long.MAX_VALUE, -4 * 3_600_000L)), query("2026-03-01T05:00:00Z", "2026-03-15T04:00:00Z", Bucket.DAY).offsetSteps());
  }

  @Test
  void bucketNumbersStartOnTheLocalClockAndWeeksOnMonday() {
    long localMillis = Instant.parse("2026-11-22T09:37:00Z").toEpochMilli(); // as if already local
    assertEquals(LocalDateTime.parse("2026-11-22T09:30"), LocalBuckets.start(Bucket.QUARTER_HOUR, localMillis / 900_000));
    assertEquals(LocalDateTime.parse("2026-11-22T00:00"), LocalBuckets.start(Bucket.DAY, localMillis / LocalBuckets.DAY_MILLIS));
    assertEquals(LocalDateTime.parse("2026-11-16T00:00"), LocalBuckets.start(Bucket.WEEK, (localMillis / LocalBuckets.DAY_MILLIS + 3) / 7));
  }

  @Test
  void aReportThatIsBackwardsTooLongOrTooFineIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> query("2026-11-22T05:00:00Z", "2026-11-22T05:00:00Z", Bucket.DAY));
    assertThrows(IllegalArgumentException.class, () -> query("2024-01-01T05:00:00Z", "2026-01-01T05:00:00Z", Bucket.WEEK));
    assertThrows(IllegalArgumentException.class, () -> query("2026-01-01T05:00:00Z", "2026-03-01T05:00:00Z", Bucket.QUARTER_HOUR));
  }

  @Test
  void aQueuesTargetWinsOverItsChannelsWhichWinsOverTheDefault() {
    ServiceLevelTargets.Target slow = new ServiceLevelTargets.Target(90, java.time.Duration.ofSeconds(120));
    ServiceLevelTargets t = new ServiceLevelTargets(ServiceLevelTargets.defaults().fallback(), ServiceLevelTargets.defaults().byChannel(),
        java.util.Map.of("housing", slow));
    assertEquals(slow, t.targetFor("housing", "sms"));
    assertEquals(60, t.targetFor("tty", "tty").within().toSeconds());
    assertEquals(20, t.targetFor("fax", "fax").within().toSeconds());
    assertThrows(IllegalArgumentException.class, () -> new ServiceLevelTargets.Target(0, java.time.Duration.ofSeconds(20)));
  }
}
