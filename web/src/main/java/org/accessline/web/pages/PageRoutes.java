package org.accessline.web.pages;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import org.accessline.gateway.channel.Desk;

/** What anyone may load without signing in: the center's name and health, and the pages themselves. */
public final class PageRoutes {
  private static final String WEBROOT = "webroot";
  /** How long /health waits for the stream (in a cluster, the owning node) to answer before it says down. */
  static final long HEALTH_WITHIN_MILLIS = 3_000;

  private PageRoutes() {}

  /** {@code /health} for monitoring, and {@code /api/center}: the name and message limit the public pages show. */
  public static void mountCenter(Router router, Desk desk, String centerName, int maxMessageBytes) {
    router.get("/health").handler(ctx -> {
      // A node that cannot reach the conversations' owner would otherwise hold the check for cluster.ownerWaitSeconds:
      // past a monitor's own timeout it is down, and says so in time to be taken out of the load balancer.
      io.vertx.core.Promise<Boolean> answered = io.vertx.core.Promise.promise();
      long timer = ctx.vertx().setTimer(HEALTH_WITHIN_MILLIS, t -> answered.tryComplete(false));
      desk.waitingCount().onComplete(ar -> {
        ctx.vertx().cancelTimer(timer);
        answered.tryComplete(ar.succeeded());
      });
      answered.future().onSuccess(up -> ctx.response().putHeader("Content-Type", "application/json").setStatusCode(up ? 200 : 503)
          .end(new JsonObject().put("status", up ? "up" : "down").put("center", centerName).encode()));
    });
    router.get("/api/center").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
        .end(new JsonObject().put("name", centerName).put("maxMessageBytes", maxMessageBytes).encode()));
  }

  /** The pages with their versioned assets, then any other file under the web root; goes last, as it takes every path. */
  public static void mountSite(Router router, Vertx vertx) {
    router.get("/agent").handler(ctx -> ctx.reroute(HttpMethod.GET, "/agent.html"));
    router.get("/supervisor").handler(ctx -> ctx.reroute(HttpMethod.GET, "/supervisor.html"));
    router.get("/dashboard").handler(ctx -> ctx.reroute(HttpMethod.GET, "/dashboard.html"));
    router.get("/admin").handler(ctx -> ctx.reroute(HttpMethod.GET, "/admin.html"));
    new Pages(vertx, WEBROOT).mount(router);
    router.route("/*").handler(StaticHandler.create(WEBROOT).setDefaultContentEncoding("UTF-8").setCachingEnabled(false));
  }
}
