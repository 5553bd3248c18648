package org.accessline.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.accessline.gateway.report.ServiceLevelTargets;
import org.accessline.web.config.AccesslineConfig;
import org.junit.jupiter.api.Test;

class DashboardConfigTest {
  private static DashboardConfig read(JsonObject dashboard, Map<String, String> env) {
    return AccesslineConfig.fromJson(new JsonObject().put("dashboard", dashboard), env).dashboard();
  }

  private static ServiceLevelTargets.Target target(int percent, long seconds) {
    return new ServiceLevelTargets.Target(percent, Duration.ofSeconds(seconds));
  }

  @Test
  void targetsDefaultTo80In20ForTextAndLongerForTtyAndRelay() {
    DashboardConfig d = read(new JsonObject(), Map.of());
    assertEquals(target(80, 20), d.targets().forChannel("webchat"));
    assertEquals(target(80, 20), d.targets().forChannel("sms"));
    assertTrue(d.targets().forChannel("tty").within().toSeconds() > 20);
    assertTrue(d.targets().forChannel("relay").within().toSeconds() > 20);
    assertEquals(ZoneId.systemDefault(), d.timeZone());
  }

  @Test
  void theDashboardMeasuresAgainstTheSameTargetsAsReports() {
    JsonObject reports = new JsonObject().put("serviceLevel", new JsonObject().put("default", new JsonObject().put("percent", 90).put("seconds", 30))
        .put("channels", new JsonObject().put("tty", new JsonObject().put("seconds", 120)))
        .put("queues", new JsonObject().put("permits", new JsonObject().put("percent", 70).put("seconds", 60))));
    AccesslineConfig config = AccesslineConfig.fromJson(new JsonObject().put("dashboard", new JsonObject().put("timeZone", "America/Chicago")).put("reports", reports), Map.of());
    DashboardConfig d = config.dashboard();
    assertEquals(config.reports().targets(), d.targets(), "one set of targets");
    assertEquals(ZoneId.of("America/Chicago"), d.timeZone());
    assertEquals(target(90, 30), d.targets().fallback());
    assertEquals(target(70, 60), d.targets().forQueue("permits"));
    assertEquals(target(90, 30), d.targets().forQueue("general"));
    assertEquals(120, d.targets().forChannel("tty").within().toSeconds());
    assertEquals(ZoneId.of("Europe/Dublin"), read(new JsonObject(), Map.of("ACCESSLINE_DASHBOARD_TIME_ZONE", "Europe/Dublin")).timeZone());
  }

  @Test
  void badSettingsAreRefusedWithTheirName() {
    IllegalArgumentException zone = assertThrows(IllegalArgumentException.class, () -> read(new JsonObject().put("timeZone", "Mars/Olympus"), Map.of()));
    assertTrue(zone.getMessage().contains("dashboard.timeZone"), zone.getMessage());
    IllegalArgumentException own = assertThrows(IllegalArgumentException.class,
        () -> read(new JsonObject().put("serviceLevel", new JsonObject().put("percent", 90)), Map.of()));
    assertTrue(own.getMessage().contains("reports.serviceLevel"), "a dashboard.serviceLevel is refused, not ignored: " + own.getMessage());
    IllegalArgumentException percent = assertThrows(IllegalArgumentException.class, () -> AccesslineConfig.fromJson(new JsonObject().put("reports",
        new JsonObject().put("serviceLevel", new JsonObject().put("channels", new JsonObject().put("sms", new JsonObject().put("percent", 0))))), Map.of()));
    assertTrue(percent.getMessage().contains("reports.serviceLevel.channels.sms"), percent.getMessage());
    assertThrows(IllegalArgumentException.class, () -> read(new JsonObject().put("lookBackHours", -1), Map.of()));
  }
}
