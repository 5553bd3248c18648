package org.accessline.web.dashboard;

import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;
import org.accessline.gateway.report.ServiceLevelTargets;

/**
 * The dashboard's settings ({@code dashboard} in the configuration file).
 *
 * @param timeZone the center's time zone: "today" runs from its midnight to the next
 * @param targets service-level targets per queue and channel: the same ones reports measure against
 *     ({@code reports.serviceLevel}), so a figure on the dashboard and in a report mean the same
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
   * {@code {"timeZone":"America/Chicago","lookBackHours":24}}; {@code ACCESSLINE_DASHBOARD_TIME_ZONE}
   * overrides the zone. The targets are {@code reports.serviceLevel}'s; a {@code dashboard.serviceLevel}
   * is refused rather than ignored, so nobody sets targets the dashboard would not use.
   */
  public static DashboardConfig fromJson(JsonObject json, Function<String, Optional<String>> var, ServiceLevelTargets targets) {
    if (json.containsKey("serviceLevel")) {
      throw new IllegalArgumentException("dashboard.serviceLevel is not a setting: the dashboard and reports share reports.serviceLevel");
    }
    DashboardConfig d = defaults();
    String zone = var.apply("DASHBOARD_TIME_ZONE").orElse(json.getString("timeZone", d.timeZone().getId()));
    ZoneId timeZone;
    try {
      timeZone = ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("dashboard.timeZone must be a time zone such as America/Chicago, not " + zone);
    }
    return new DashboardConfig(timeZone, targets, Duration.ofHours(json.getLong("lookBackHours", d.lookBack().toHours())));
  }
}
