package org.accessline.channels.webchat;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import org.accessline.gateway.channel.Intake;

/** Accepts residents' chat sockets; each gets its own {@link ResidentSession}. */
public final class ResidentChat implements Handler<ServerWebSocket> {
  private final Vertx vertx;
  private final Intake intake;
  private final Limits limits;

  /** What one resident connection may send: message size, and a burst then a steady rate. */
  public record Limits(int maxMessageBytes, int burst, double perSecond) {
    public Limits {
      if (maxMessageBytes < 1 || burst < 1 || perSecond <= 0) throw new IllegalArgumentException("limits must be positive");
    }
  }

  public ResidentChat(Vertx vertx, Intake intake, Limits limits) {
    this.vertx = vertx;
    this.intake = intake;
    this.limits = limits;
  }

  @Override
  public void handle(ServerWebSocket socket) {
    new ResidentSession(vertx, intake, limits, socket).start();
  }
}
