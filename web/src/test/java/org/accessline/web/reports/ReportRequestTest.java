package org.accessline.web.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.accessline.gateway.report.Bucket;
import org.accessline.gateway.report.Grouping;
import org.junit.jupiter.api.Test;

class ReportRequestTest {
  private final ReportsConfig chicago = ReportsConfig.fromJson(new JsonObject().put("timeZone", "America/Chicago"), name -> Optional.empty());

  @Test
  void datesAreTheCentersWholeDays() {
    var valid = assertInstanceOf(ReportRequest.Valid.class,
        ReportRequest.parse(Map.of("from", "2026-11-01", "to", "2026-11-30", "bucket", "week", "group", "tag"), chicago));
    assertEquals(Instant.parse("2026-11-01T05:00:00Z"), valid.query().from(), "midnight in Chicago, still on daylight time on 1 November");
    assertEquals(Instant.parse("2026-12-01T06:00:00Z"), valid.query().to(), "the 30th is included");
    assertEquals(Bucket.WEEK, valid.query().bucket());
    assertEquals(Grouping.TAG, valid.query().grouping());
  }

  @Test
  void eachMistakeIsNamed() {
    assertEquals("from and to are dates such as 2026-11-01.", ((ReportRequest.Invalid) ReportRequest.parse(Map.of("from", "2026-02-30", "to", "2026-03-01"), chicago)).message());
    assertInstanceOf(ReportRequest.Invalid.class, ReportRequest.parse(Map.of("from", "2026-03-02", "to", "2026-03-01"), chicago));
    assertInstanceOf(ReportRequest.Invalid.class, ReportRequest.parse(Map.of("from", "2026-03-01", "to", "2026-03-01", "bucket", "year"), chicago));
    assertInstanceOf(ReportRequest.Invalid.class, ReportRequest.parse(Map.of("from", "2026-03-01", "to", "2026-03-01", "group", "contact"), chicago));
    assertInstanceOf(ReportRequest.Invalid.class, ReportRequest.parse(Map.of("from", "2020-03-01", "to", "2026-03-01"), chicago));
  }

  @Test
  void configuredTargetsAndZoneAreChecked() {
    ReportsConfig c = ReportsConfig.fromJson(new JsonObject().put("serviceLevel", new JsonObject()
        .put("channels", new JsonObject().put("tty", new JsonObject().put("seconds", 90)))
        .put("queues", new JsonObject().put("housing", new JsonObject().put("percent", 90).put("seconds", 45)))), name -> Optional.empty());
    assertEquals(90, c.targets().targetFor("tty", "tty").within().toSeconds());
    assertEquals(80, c.targets().targetFor("tty", "tty").percent());
    assertEquals(45, c.targets().targetFor("housing", "sms").within().toSeconds());
    assertEquals("Europe/Paris", ReportsConfig.fromJson(new JsonObject(), name -> name.equals("REPORTS_TIME_ZONE") ? Optional.of("Europe/Paris") : Optional.empty())
        .zone().getId());
    assertThrows(IllegalArgumentException.class, () -> ReportsConfig.fromJson(new JsonObject().put("timeZone", "Mars/Olympus"), name -> Optional.empty()));
    assertThrows(IllegalArgumentException.class, () -> ReportsConfig.fromJson(new JsonObject().put("serviceLevel", new JsonObject()
        .put("default", new JsonObject().put("percent", 120))), name -> Optional.empty()));
  }

  @Test
  void csvCellsNeverStartAFormula() {
    assertEquals("\"'=1+1\"", ReportCsv.cell("=1+1"));
    assertEquals("\"'-2\"", ReportCsv.cell("-2"));
    assertEquals("\"a \"\"b\"\"\"", ReportCsv.cell("a \"b\""));
    assertEquals("handle_p90_seconds", ReportCsv.column(org.accessline.gateway.report.Metric.HANDLE_P90));
  }
}
