package org.accessline.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;
import org.accessline.channels.webchat.ResidentChat;
import org.accessline.web.config.ClientLimits;
import org.accessline.web.http.RequestDeadlines;

/** Serves the router. Several instances share the port, one per event loop. */
final class HttpVerticle extends VerticleBase {
  static final int MAX_WEBSOCKET_FRAME = ResidentChat.MAX_FRAME_BYTES;
  private final Services services;
  private final String host;
  private final int port;
  private HttpServer server;
  private RequestDeadlines deadlines;

  HttpVerticle(Services services, String host, int port) {
    this.services = services;
    this.host = host;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    ClientLimits limits = services.config().clientLimits();
    HttpServerOptions options = new HttpServerOptions()
        .setHost(host)
        .setPort(port)
        .setIdleTimeout((int) limits.httpIdleTimeout().toSeconds())
        .setIdleTimeoutUnit(TimeUnit.SECONDS)
        // Without h2c, a connection is set up when it opens rather than at its first complete request,
        // so the header timeout counts from the moment a client connects.
        .setHttp2ClearTextEnabled(false)
        .setMaxWebSocketFrameSize(MAX_WEBSOCKET_FRAME)
        .setMaxWebSocketMessageSize(MAX_WEBSOCKET_FRAME);
    deadlines = new RequestDeadlines(vertx, limits.httpHeaderTimeout(), limits.httpBodyTimeout());
    deadlines.start();
    server = vertx.createHttpServer(options)
        .connectionHandler(deadlines::connected)
        .requestHandler(deadlines.watching(AccesslineRoutes.create(vertx, services)));
    return server.listen();
  }

  @Override
  public Future<?> stop() {
    if (deadlines != null) deadlines.stop();
    return Future.succeededFuture();
  }

  int actualPort() {
    return server.actualPort();
  }
}
