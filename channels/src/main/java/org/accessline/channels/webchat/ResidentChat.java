package org.accessline.channels.webchat;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.time.Duration;
import java.util.Set;
import org.accessline.gateway.channel.Intake;

/** Accepts residents' chat sockets; each gets its own {@link ResidentSession}, and all share one {@link ResidentGuard}. */
public final class ResidentChat implements Handler<ServerWebSocket> {
  /** The largest frame or message a chat socket takes; a larger one closes the socket with 1009. */
  public static final int MAX_FRAME_BYTES = 64 * 1024;

  private final Vertx vertx;
  private final Intake intake;
  private final ResidentGuard guard;

  /**
   * What residents may send: message size; a burst then a steady rate per resident token, and per
   * client address; how many conversations one address may hold open; and the proxies whose
   * {@code X-Forwarded-For} is believed; and how soon a new socket must say hello.
   */
  public record Limits(int maxMessageBytes, int burst, double perSecond, int addressBurst, double addressPerSecond, int conversationsPerAddress,
      Set<String> trustedProxies, Duration helloWithin) {
    public Limits {
      if (maxMessageBytes < 1 || burst < 1 || perSecond <= 0 || addressBurst < 1 || addressPerSecond <= 0 || conversationsPerAddress < 1
          || helloWithin == null || helloWithin.toMillis() < 1) {
        throw new IllegalArgumentException("limits must be positive");
      }
      trustedProxies = trustedProxies.stream().map(ClientAddress::normal).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
  }

  public ResidentChat(Vertx vertx, Intake intake, ResidentGuard guard) {
    this.vertx = vertx;
    this.intake = intake;
    this.guard = guard;
  }

  @Override
  public void handle(ServerWebSocket socket) {
    new ResidentSession(vertx, intake, guard, socket).start();
  }
}
