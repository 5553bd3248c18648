package org.accessline.channels.webchat;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import org.accessline.gateway.channel.Intake;

/** Accepts residents' chat sockets; each gets its own {@link ResidentSession}. */
public final class ResidentChat implements Handler<ServerWebSocket> {
  private final Vertx vertx;
  private final Intake intake;
  private final int maxMessageBytes;

  public ResidentChat(Vertx vertx, Intake intake, int maxMessageBytes) {
    this.vertx = vertx;
    this.intake = intake;
    this.maxMessageBytes = maxMessageBytes;
  }

  @Override
  public void handle(ServerWebSocket socket) {
    new ResidentSession(vertx, intake, maxMessageBytes, socket).start();
  }
}
