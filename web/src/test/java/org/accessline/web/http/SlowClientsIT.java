package org.accessline.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clients that send slowly or not at all, over raw TCP, against the gateway with short configured timeouts. */
class SlowClientsIT {
  @TempDir Path dataDir;
  private TestGateway gateway;
  private NetClient tcp;
  private final List<NetSocket> sockets = new ArrayList<>();

  /** The idle timeout stays at its default of a minute, so only the header and body timeouts can explain a close within seconds. */
  @BeforeEach
  void start() {
    start(new JsonObject().put("headerTimeoutSeconds", 1).put("bodyTimeoutSeconds", 1));
  }

  private void start(JsonObject http) {
    if (gateway != null) {
      tcp.close().await();
      gateway.close();
    }
    gateway = new TestGateway(dataDir, Duration.ofSeconds(30), 4, new JsonObject().put("http", http));
    tcp = gateway.vertx.createNetClient();
  }

  @AfterEach
  void stop() {
    sockets.forEach(s -> s.close());
    tcp.close().await();
    gateway.close();
  }

  private NetSocket connect(AtomicInteger closed, Buffer received) {
    NetSocket socket = tcp.connect(gateway.port(), "127.0.0.1").await();
    socket.handler(received::appendBuffer);
    socket.closeHandler(v -> closed.incrementAndGet());
    sockets.add(socket);
    return socket;
  }

  private int health() {
    WebClient http = WebClient.create(gateway.vertx);
    try {
      return http.get(gateway.port(), "127.0.0.1", "/health").send().await().statusCode();
    } finally {
      http.close();
    }
  }

  @Test
  void halfSentRequestHeadsAreNotHeldPastTheHeaderTimeoutEvenWhenTrickled() {
    AtomicInteger closed = new AtomicInteger();
    int count = 200;
    // Half send part of a head; the other half connect and send nothing at all.
    for (int i = 0; i < count; i++) {
      NetSocket socket = connect(closed, Buffer.buffer());
      if (i % 2 == 0) socket.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    }
    // A byte of header now and then keeps the idle timeout from ever firing; the header timeout counts from the start.
    long trickle = gateway.vertx.setPeriodic(300, t -> {
      for (int i = 0; i < sockets.size(); i += 2) sockets.get(i).write("X");
    });
    try {
      sleep(500);
      assertEquals(0, closed.get(), "nobody is cut off before the timeout");
      assertEquals(200, health(), "the server still answers others meanwhile");
      awaitCount(closed, count, 4000);
    } finally {
      gateway.vertx.cancelTimer(trickle);
    }
    assertEquals(200, health());
  }

  @Test
  void aChatSocketThatNeverSaysHelloIsClosedWithinTheHeaderTimeout() {
    ResidentClient silent = ResidentClient.connect(gateway.vertx, gateway.port());
    ResidentClient greeted = ResidentClient.connect(gateway.vertx, gateway.port());
    try {
      greeted.helloNew();
      assertEquals((short) 1008, silent.awaitClosed(4000));
      assertFalse(greeted.isClosed());
      assertEquals("ack", greeted.say("m1", "I said hello").getString("type"));
    } finally {
      silent.close();
      greeted.close();
    }
  }

  @Test
  void aBodyThatNeverFinishesGets408AndTheConnectionCloses() {
    AtomicInteger closed = new AtomicInteger();
    Buffer received = Buffer.buffer();
    NetSocket socket = connect(closed, received);
    socket.write("POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"username\":");
    long trickle = gateway.vertx.setPeriodic(300, t -> socket.write(" "));
    try {
      awaitCount(closed, 1, 4000);
    } finally {
      gateway.vertx.cancelTimer(trickle);
    }
    assertTrue(received.toString().startsWith("HTTP/1.1 408"), received.toString());
  }

  @Test
  void aKeptAliveConnectionMustSendItsNextHeadInTimeToo() {
    AtomicInteger closed = new AtomicInteger();
    Buffer received = Buffer.buffer();
    NetSocket socket = connect(closed, received);
    socket.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    awaitText(received, "\"status\":\"up\"", 3000);
    socket.write("GET /health HTTP/1.1\r\n");
    long trickle = gateway.vertx.setPeriodic(300, t -> socket.write("X"));
    try {
      awaitCount(closed, 1, 4000);
    } finally {
      gateway.vertx.cancelTimer(trickle);
    }
  }

  @Test
  void anIdleConnectionIsClosedButAQuietChatSocketIsKeptOpenByPings() {
    start(new JsonObject().put("idleTimeoutSeconds", 2).put("headerTimeoutSeconds", 30));
    AtomicInteger closed = new AtomicInteger();
    WebClient http = WebClient.create(gateway.vertx);
    assertEquals(200, http.get(gateway.port(), "127.0.0.1", "/health").send().await().statusCode());
    Buffer received = Buffer.buffer();
    // A complete request answered, then nothing: only the idle timeout can close it.
    connect(closed, received).write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    try (ResidentClient resident = ResidentClient.connect(gateway.vertx, gateway.port())) {
      resident.helloNew();
      awaitCount(closed, 1, 4000);
      sleep(3000);
      assertFalse(resident.isClosed(), "a resident waiting quietly in line keeps their socket");
      assertEquals("ack", resident.say("m1", "still here").getString("type"));
    }
    assertTrue(received.toString().startsWith("HTTP/1.1 200"), received.toString());
    http.close();
  }

  private static void awaitCount(AtomicInteger counter, int expected, long waitMs) {
    long deadline = System.currentTimeMillis() + waitMs;
    while (counter.get() < expected && System.currentTimeMillis() < deadline) sleep(20);
    assertEquals(expected, counter.get(), "connections closed by the gateway within " + waitMs + " ms");
  }

  private static void awaitText(Buffer received, String text, long waitMs) {
    long deadline = System.currentTimeMillis() + waitMs;
    while (!received.toString().contains(text) && System.currentTimeMillis() < deadline) sleep(20);
    assertTrue(received.toString().contains(text), received.toString());
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
