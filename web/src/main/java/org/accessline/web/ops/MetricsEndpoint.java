package org.accessline.web.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.accessline.gateway.channel.Desk;
import org.accessline.web.auth.AgentSessions;
import org.accessline.web.config.AccesslineConfig;
import org.accessline.web.http.Problem;
import io.vertx.core.http.Cookie;

/**
 * {@code GET /metrics} in Prometheus's text format. On the main port it answers a request bearing the
 * configured token ({@code Authorization: Bearer …}) or a signed-in supervisor; on the management
 * port, the token if one is configured, else anyone who can reach that address.
 */
public final class MetricsEndpoint {
  private final PrometheusMeterRegistry registry;
  private final Desk desk;
  private final FloorGauges floor;
  private final Optional<byte[]> token;
  private final AgentSessions sessions;
  private final Clock clock;

  public MetricsEndpoint(PrometheusMeterRegistry registry, Desk desk, AccesslineConfig config, AgentSessions sessions, IntSupplier ttyCallsActive, Clock clock) {
    this.registry = registry;
    this.desk = desk;
    this.floor = new FloorGauges(registry, config.routing(), ttyCallsActive);
    this.token = config.operations().metricsToken().map(t -> t.getBytes(StandardCharsets.UTF_8));
    this.sessions = sessions;
    this.clock = clock;
  }

  /** Takes the floor's gauges out of the registry as the gateway stops. */
  public void close() {
    floor.close();
  }

  /** On the main port: the token, or a supervisor's session. */
  public void staffOrToken(RoutingContext ctx) {
    if (bearsToken(ctx)) {
      scrape(ctx);
      return;
    }
    Optional<AgentSessions.Session> session = Optional.ofNullable(ctx.request().getCookie(AgentSessions.COOKIE)).map(Cookie::getValue).flatMap(sessions::session);
    if (session.isEmpty()) Problem.send(ctx, 401, "unauthenticated", "Metrics need the metrics token or a supervisor's sign-in.");
    else if (!session.get().account().supervisor()) Problem.send(ctx, 403, "supervisors_only", "Only a supervisor can read metrics.");
    else scrape(ctx);
  }

  /** On the management port: the token if one is configured. */
  public void management(RoutingContext ctx) {
    if (token.isPresent() && !bearsToken(ctx)) Problem.send(ctx, 401, "unauthenticated", "Metrics need the metrics token.");
    else scrape(ctx);
  }

  private boolean bearsToken(RoutingContext ctx) {
    if (token.isEmpty()) return false;
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.startsWith("Bearer ")) return false;
    return MessageDigest.isEqual(token.get(), header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8));
  }

  private void scrape(RoutingContext ctx) {
    desk.floorView().onComplete(view -> {
      if (view.succeeded()) floor.update(view.result(), clock.instant());
      // A floor that could not be read leaves its gauges at their last reading; the rest is still worth having.
      ctx.vertx().executeBlocking(registry::scrape, false).onComplete(text -> {
        if (text.failed()) {
          Problem.send(ctx, 500, "metrics_failed", "The metrics could not be read.");
          return;
        }
        ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").putHeader("Cache-Control", "no-store").end(text.result());
      });
    });
  }
}
