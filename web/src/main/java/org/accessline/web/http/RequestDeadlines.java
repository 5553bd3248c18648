package org.accessline.web.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Closes connections whose client is too slow: one that has not finished sending a request's head
 * within the header timeout of connecting (or of its previous answer), or a request's body within
 * the body timeout of its head. A client that trickles a byte at a time keeps an idle timeout from
 * firing; these count from the start instead. One per server instance, on its event loop; a sweep
 * a few times per timeout does the checking, so no timer is set per request. A connection upgraded
 * to a WebSocket (answered 101) is no longer watched: its own protocol and the idle timeout apply.
 */
public final class RequestDeadlines {
  private final Vertx vertx;
  private final long headerNanos;
  private final long bodyNanos;
  private final Map<HttpConnection, Watch> watched = new HashMap<>();
  private long sweeper = -1;

  /** What one connection is doing: waiting for a request's head (no request) or busy with {@code request}, since {@code since}. */
  private static final class Watch {
    HttpServerRequest request;
    long since;

    Watch(long since) {
      this.since = since;
    }
  }

  public RequestDeadlines(Vertx vertx, Duration header, Duration body) {
    this.vertx = vertx;
    this.headerNanos = header.toNanos();
    this.bodyNanos = body.toNanos();
  }

  public void start() {
    long every = Math.max(50, Math.min(headerNanos, bodyNanos) / 4 / 1_000_000);
    sweeper = vertx.setPeriodic(every, t -> sweep(System.nanoTime()));
  }

  public void stop() {
    if (sweeper >= 0) vertx.cancelTimer(sweeper);
  }

  public void connected(HttpConnection connection) {
    watched.put(connection, new Watch(System.nanoTime()));
    connection.closeHandler(v -> watched.remove(connection));
  }

  /** Notes each request as its head arrives, then hands it on. */
  public Handler<HttpServerRequest> watching(Handler<HttpServerRequest> next) {
    return request -> {
      Watch watch = watched.computeIfAbsent(request.connection(), c -> new Watch(0));
      watch.request = request;
      watch.since = System.nanoTime();
      next.handle(request);
    };
  }

  int watchedConnections() {
    return watched.size();
  }

  private void sweep(long now) {
    for (Iterator<Map.Entry<HttpConnection, Watch>> it = watched.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<HttpConnection, Watch> e = it.next();
      Watch watch = e.getValue();
      HttpServerRequest request = watch.request;
      long elapsed = now - watch.since;
      if (request == null) {
        if (elapsed > headerNanos) {
          it.remove();
          e.getKey().close();
        }
      } else if (!request.isEnded()) {
        if (elapsed > bodyNanos) {
          it.remove();
          tooSlow(request, e.getKey());
        }
      } else if (request.response().ended() && request.response().getStatusCode() == 101) {
        it.remove();
      } else if (request.response().ended()) {
        // Answered (an upgrade refused too): the connection now waits for the next request's head.
        watch.request = null;
        watch.since = now;
      }
    }
  }

  private static void tooSlow(HttpServerRequest request, HttpConnection connection) {
    if (request.response().headWritten()) {
      connection.close();
      return;
    }
    request.response().setStatusCode(408).putHeader("Connection", "close").putHeader("Content-Type", "application/json")
        .end("{\"error\":\"request_timeout\",\"message\":\"The request body did not arrive in time.\"}")
        .onComplete(ar -> connection.close());
  }
}
