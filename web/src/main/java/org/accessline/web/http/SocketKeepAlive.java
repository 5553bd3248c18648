package org.accessline.web.http;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.time.Duration;

/**
 * Pings a browser's socket at half the idle timeout, so a quiet chat or console (a resident waiting
 * in line, an agent with nothing new) is not closed as idle. Browsers answer pings by themselves.
 */
public final class SocketKeepAlive {
  private SocketKeepAlive() {}

  public static void keep(Vertx vertx, ServerWebSocket socket, Duration idleTimeout) {
    long every = Math.max(100, idleTimeout.toMillis() / 2);
    // The socket's close handler belongs to its session, so the timer notices the close itself.
    vertx.setPeriodic(every, timer -> {
      if (socket.isClosed()) vertx.cancelTimer(timer);
      else socket.writePing(Buffer.buffer());
    });
  }
}
