package org.accessline.web.ops;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.accessline.web.http.Problem;

/** The management port: {@code /metrics} alone, apart from residents' and staff's traffic. */
public final class ManagementVerticle extends VerticleBase {
  private final MetricsEndpoint metrics;
  private final String host;
  private final int port;
  private HttpServer server;

  public ManagementVerticle(MetricsEndpoint metrics, String host, int port) {
    this.metrics = metrics;
    this.host = host;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/metrics").handler(metrics::management);
    router.route().handler(ctx -> Problem.send(ctx, 404, "not_found", "Only /metrics is served here."));
    server = vertx.createHttpServer();
    return server.requestHandler(router).listen(port, host);
  }

  public int actualPort() {
    return server.actualPort();
  }
}
