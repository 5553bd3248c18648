package org.accessline.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.util.Map;
import org.accessline.gateway.supervision.ServiceLevelTargets;
import org.accessline.web.config.AccesslineConfig;
import org.junit.jupiter.api.Test;

class DashboardConfigTest {
  private static DashboardConfig read(JsonObject dashboard, Map<String, String> env) {
    return AccesslineConfig.fromJson(new JsonObject().put("dashboard", dashboard), env).dashboard();
  }

  @Test
  void targetsDefaultTo80In20ForTextAndLongerForTtyAndRelay() {
    DashboardConfig d = read(new JsonObject(), Map.of());
    assertEquals(new ServiceLevelTargets.Target(80, 20), d.targets().forChannel("webchat"));
    assertEquals(new ServiceLevelTargets.Target(80, 20), d.targets().forChannel("sms"));
    assertTrue(d.targets().forChannel("tty").seconds() > 20);
    assertTrue(d.targets().forChannel("relay").seconds() > 20);
    assertEquals(ZoneId.systemDefault(), d.timeZone());
  }

  @Test
  void theFileSetsZoneAndTargetsAndTheEnvironmentTheZone() {
    JsonObject json = new JsonObject().put("timeZone", "America/Chicago").put("serviceLevel", new JsonObject().put("percent", 90).put("seconds", 30)
        .put("channels", new JsonObject().put("tty", new JsonObject().put("seconds", 120)))
        .put("queues", new JsonObject().put("permits", new JsonObject().put("percent", 70).put("seconds", 60))));
    DashboardConfig d = read(json, Map.of());
    assertEquals(ZoneId.of("America/Chicago"), d.timeZone());
    assertEquals(new ServiceLevelTargets.Target(90, 30), d.targets().general());
    assertEquals(new ServiceLevelTargets.Target(90, 120), d.targets().forChannel("tty"), "a channel's own seconds, the general percent");
    assertEquals(new ServiceLevelTargets.Target(70, 60), d.targets().forQueue("permits"));
    assertEquals(new ServiceLevelTargets.Target(90, 30), d.targets().forQueue("general"));
    assertEquals(ZoneId.of("Europe/Dublin"), read(json, Map.of("ACCESSLINE_DASHBOARD_TIME_ZONE", "Europe/Dublin")).timeZone());
  }

  @Test
  void badSettingsAreRefusedWithTheirName() {
    IllegalArgumentException zone = assertThrows(IllegalArgumentException.class, () -> read(new JsonObject().put("timeZone", "Mars/Olympus"), Map.of()));
    assertTrue(zone.getMessage().contains("dashboard.timeZone"), zone.getMessage());
    IllegalArgumentException percent = assertThrows(IllegalArgumentException.class,
        () -> read(new JsonObject().put("serviceLevel", new JsonObject().put("channels", new JsonObject().put("sms", new JsonObject().put("percent", 0)))), Map.of()));
    assertTrue(percent.getMessage().contains("dashboard.serviceLevel.channels.sms"), percent.getMessage());
    assertThrows(IllegalArgumentException.class, () -> read(new JsonObject().put("serviceLevel", new JsonObject().put("seconds", 0)), Map.of()));
    assertThrows(IllegalArgumentException.class, () -> read(new JsonObject().put("lookBackHours", -1), Map.of()));
  }
}
