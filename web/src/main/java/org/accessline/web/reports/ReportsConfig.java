package org.accessline.web.reports;

import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.accessline.gateway.report.ServiceLevelTargets;

/**
 * {@code reports}: the center's time zone, which reports bucket by, and the service level targets
 * the reports and the live dashboard measure against.
 */
public record ReportsConfig(ZoneId zone, ServiceLevelTargets targets) {
  public ReportsConfig {
    if (zone == null || targets == null) throw new IllegalArgumentException("reports need a time zone and service level targets");
  }

  public static ReportsConfig defaults() {
    return new ReportsConfig(ZoneId.of("UTC"), ServiceLevelTargets.defaults());
  }

  /**
   * {@code reports.timeZone} (or {@code ACCESSLINE_REPORTS_TIME_ZONE}), and {@code reports.serviceLevel}:
   * {@code {"default": {"percent": 80, "seconds": 20}, "channels": {"tty": {...}}, "queues": {"housing": {...}}}}.
   */
  public static ReportsConfig fromJson(JsonObject reports, Function<String, Optional<String>> var) {
    ReportsConfig d = defaults();
    String zoneName = var.apply("REPORTS_TIME_ZONE").orElse(reports.getString("timeZone", d.zone().getId()));
    ZoneId zone;
    try {
      zone = ZoneId.of(zoneName);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("reports.timeZone must be a time zone such as America/Chicago, not " + zoneName);
    }
    JsonObject levels = reports.getJsonObject("serviceLevel", new JsonObject());
    ServiceLevelTargets dt = d.targets();
    ServiceLevelTargets.Target fallback = target(levels.getJsonObject("default"), dt.fallback(), "reports.serviceLevel.default");
    Map<String, ServiceLevelTargets.Target> channels = new LinkedHashMap<>(dt.byChannel());
    JsonObject channelJson = levels.getJsonObject("channels", new JsonObject());
    for (String name : channelJson.fieldNames()) {
      channels.put(name, target(channelJson.getJsonObject(name), channels.getOrDefault(name, fallback), "reports.serviceLevel.channels." + name));
    }
    Map<String, ServiceLevelTargets.Target> queues = new LinkedHashMap<>();
    JsonObject queueJson = levels.getJsonObject("queues", new JsonObject());
    for (String name : queueJson.fieldNames()) {
      if (!name.matches("[a-z][a-z0-9-]{0,31}")) throw new IllegalArgumentException("reports.serviceLevel.queues: " + name + " is not a queue name");
      queues.put(name, target(queueJson.getJsonObject(name), fallback, "reports.serviceLevel.queues." + name));
    }
    return new ReportsConfig(zone, new ServiceLevelTargets(fallback, channels, queues));
  }

  private static ServiceLevelTargets.Target target(JsonObject json, ServiceLevelTargets.Target d, String where) {
    if (json == null) return d;
    try {
      return new ServiceLevelTargets.Target(json.getInteger("percent", d.percent()), Duration.ofSeconds(json.getLong("seconds", d.within().toSeconds())));
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage());
    }
  }
}
