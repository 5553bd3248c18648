package org.accessline.web.dashboard;

import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.accessline.gateway.supervision.ServiceLevelTargets;

/**
 * The dashboard's settings ({@code dashboard} in the configuration file).
 *
 * @param timeZone the center's time zone: "today" runs from its midnight to the next
 * @param targets service-level targets per queue and channel
 * @param lookBack how far before midnight a record may have opened and still count for today when the
 *     day's figures are rebuilt from the store (a conversation spanning midnight)
 */
public record DashboardConfig(ZoneId timeZone, ServiceLevelTargets targets, Duration lookBack) {
  public DashboardConfig {
    if (timeZone == null || targets == null) throw new IllegalArgumentException("dashboard.timeZone and the targets must be given");
    if (lookBack == null || lookBack.isNegative() || lookBack.toHours() > 24 * 7) throw new IllegalArgumentException("dashboard.lookBackHours must be 0-168");
  }

  public static DashboardConfig defaults() {
    return new DashboardConfig(ZoneId.systemDefault(), ServiceLevelTargets.defaults(), Duration.ofHours(24));
  }

  /**
   * {@code {"timeZone":"America/Chicago","lookBackHours":24,"serviceLevel":{"percent":80,"seconds":20,
   * "channels":{"tty":{"percent":80,"seconds":60}},"queues":{"permits":{"percent":90,"seconds":30}}}}};
   * {@code ACCESSLINE_DASHBOARD_TIME_ZONE} overrides the zone.
   */
  public static DashboardConfig fromJson(JsonObject json, Function<String, Optional<String>> var) {
    DashboardConfig d = defaults();
    String zone = var.apply("DASHBOARD_TIME_ZONE").orElse(json.getString("timeZone", d.timeZone().getId()));
    ZoneId timeZone;
    try {
      timeZone = ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("dashboard.timeZone must be a time zone such as America/Chicago, not " + zone);
    }
    JsonObject levels = json.getJsonObject("serviceLevel", new JsonObject());
    ServiceLevelTargets.Target general = target(levels, "dashboard.serviceLevel", d.targets().general());
    Map<String, ServiceLevelTargets.Target> channels = new HashMap<>(d.targets().byChannel());
    JsonObject byChannel = levels.getJsonObject("channels", new JsonObject());
    byChannel.fieldNames().forEach(ch -> channels.put(ch, target(byChannel.getJsonObject(ch), "dashboard.serviceLevel.channels." + ch, general)));
    Map<String, ServiceLevelTargets.Target> queues = new HashMap<>();
    JsonObject byQueue = levels.getJsonObject("queues", new JsonObject());
    byQueue.fieldNames().forEach(q -> queues.put(q, target(byQueue.getJsonObject(q), "dashboard.serviceLevel.queues." + q, general)));
    return new DashboardConfig(timeZone, new ServiceLevelTargets(general, channels, queues), Duration.ofHours(json.getLong("lookBackHours", d.lookBack().toHours())));
  }

  private static ServiceLevelTargets.Target target(JsonObject json, String where, ServiceLevelTargets.Target d) {
    try {
      return new ServiceLevelTargets.Target(json.getInteger("percent", d.percent()), json.getInteger("seconds", d.seconds()));
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new IllegalArgumentException(where + ": percent must be 1-100 and seconds 1-86400");
    }
  }
}
