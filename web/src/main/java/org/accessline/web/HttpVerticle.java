package org.accessline.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/** Serves the router. Several instances share the port, one per event loop. */
final class HttpVerticle extends VerticleBase {
  static final int MAX_WEBSOCKET_FRAME = 64 * 1024;
  private final Services services;
  private final String host;
  private final int port;
  private HttpServer server;

  HttpVerticle(Services services, String host, int port) {
    this.services = services;
    this.host = host;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    HttpServerOptions options = new HttpServerOptions()
        .setHost(host)
        .setPort(port)
        .setMaxWebSocketFrameSize(MAX_WEBSOCKET_FRAME)
        .setMaxWebSocketMessageSize(MAX_WEBSOCKET_FRAME);
    server = vertx.createHttpServer(options).requestHandler(AccesslineRoutes.create(vertx, services));
    return server.listen();
  }

  int actualPort() {
    return server.actualPort();
  }
}
