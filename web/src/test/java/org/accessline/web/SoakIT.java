package org.accessline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Good residents write while others flood, send garbage, hold connections half-open and spam
 * sockets, all at once. Every good message must be stored exactly once, in order, and the server
 * must keep answering. The gateway runs its production limits; only the header timeout is shortened
 * so the half-open connections are cut within the test.
 */
class SoakIT {
  private static final int GOOD_RESIDENTS = 8;
  private static final int MESSAGES_EACH = 8;

  @TempDir Path dataDir;

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void goodMessagesAreStoredExactlyOnceWhileTheGatewayIsAttacked() throws Exception {
    JsonObject options = new JsonObject().put("trustedProxies", new JsonArray().add("127.0.0.1"))
        .put("http", new JsonObject().put("headerTimeoutSeconds", 2));
    try (TestGateway gateway = new TestGateway(dataDir, Duration.ofSeconds(30), 4, options)) {
      ExecutorService pool = Executors.newFixedThreadPool(GOOD_RESIDENTS + 6);
      AtomicBoolean attacking = new AtomicBoolean(true);
      AtomicInteger healthFailures = new AtomicInteger();
      Map<String, String> conversations = new ConcurrentHashMap<>();
      List<Future<?>> attacks = new ArrayList<>();
      attacks.add(pool.submit(() -> flood(gateway, attacking)));
      attacks.add(pool.submit(() -> socketSpam(gateway)));
      attacks.add(pool.submit(() -> garbage(gateway, attacking)));
      attacks.add(pool.submit(() -> typingFlood(gateway, attacking)));
      NetClient tcp = gateway.vertx.createNetClient();
      List<NetSocket> halfOpen = new CopyOnWriteArrayList<>();
      AtomicInteger halfOpenClosed = new AtomicInteger();
      for (int i = 0; i < 100; i++) {
        NetSocket s = tcp.connect(gateway.port(), "127.0.0.1").await();
        s.closeHandler(v -> halfOpenClosed.incrementAndGet());
        s.write("POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        halfOpen.add(s);
      }
      attacks.add(pool.submit(() -> {
        WebClient http = WebClient.create(gateway.vertx);
        while (attacking.get()) {
          try {
            if (http.get(gateway.port(), "127.0.0.1", "/health").send().await().statusCode() != 200) healthFailures.incrementAndGet();
          } catch (RuntimeException e) {
            healthFailures.incrementAndGet();
          }
          pause(200);
        }
        http.close();
      }));

      List<Future<?>> good = new ArrayList<>();
      for (int r = 0; r < GOOD_RESIDENTS; r++) {
        int resident = r;
        good.add(pool.submit(() -> conversations.put("g" + resident, goodResident(gateway, resident))));
      }
      for (Future<?> f : good) f.get(60, TimeUnit.SECONDS);
      attacking.set(false);
      for (Future<?> f : attacks) f.get(20, TimeUnit.SECONDS);
      pool.shutdown();

      try (AgentClient sam = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam")) {
        for (int r = 0; r < GOOD_RESIDENTS; r++) {
          List<String> expected = new ArrayList<>();
          for (int m = 0; m < MESSAGES_EACH; m++) expected.add("resident " + r + " message " + m);
          assertEquals(expected, sam.residentMessages(conversations.get("g" + r)), "resident " + r + "'s record");
        }
      }
      assertEquals(0, healthFailures.get(), "the health check always answered");
      // The good residents may finish before the header timeout has passed.
      for (long deadline = System.currentTimeMillis() + 6000; halfOpenClosed.get() < 100 && System.currentTimeMillis() < deadline; ) pause(50);
      assertEquals(100, halfOpenClosed.get(), "every half-open connection was cut");
      tcp.close().await();
    }
  }

  /** Writes like the page: one message at a time, resending the same id after slow_down or a dropped connection. */
  private static String goodResident(TestGateway gateway, int resident) {
    Map<String, String> headers = Map.of("X-Forwarded-For", "198.51.100." + (10 + resident));
    ResidentClient socket = ResidentClient.connect(gateway.vertx, gateway.port(), headers);
    String token = socket.helloNew().getString("token");
    String conversation = null;
    for (int m = 0; m < MESSAGES_EACH; m++) {
      String clientId = "g" + resident + "-" + m;
      JsonObject answer = socket.say(clientId, "resident " + resident + " message " + m);
      while (!"ack".equals(answer.getString("type"))) {
        pause(300);
        answer = resend(socket, clientId, "resident " + resident + " message " + m);
      }
      conversation = answer.getString("conversationId");
      if (m == MESSAGES_EACH / 2) {
        // Reconnect, and resend the last message as a page does when it never saw the ack.
        socket.close();
        socket = ResidentClient.connect(gateway.vertx, gateway.port(), headers);
        socket.hello(token, conversation, 0);
        JsonObject again = socket.say(clientId, "resident " + resident + " message " + m);
        while (!"ack".equals(again.getString("type"))) {
          pause(300);
          again = resend(socket, clientId, "resident " + resident + " message " + m);
        }
        assertTrue(again.getBoolean("duplicate"), again.encode());
      }
    }
    socket.close();
    return conversation;
  }

  /** Sends again and waits for the newest answer to that id. */
  private static JsonObject resend(ResidentClient socket, String clientId, String text) {
    int before = socket.frames.all().size();
    socket.send(new JsonObject().put("type", "message").put("clientId", clientId).put("text", text));
    return socket.frames.await("a new answer for " + clientId, f -> socket.frames.all().indexOf(f) >= before
        && clientId.equals(f.getString("clientId")) && ("ack".equals(f.getString("type")) || "error".equals(f.getString("type"))));
  }

  private static void flood(TestGateway gateway, AtomicBoolean attacking) {
    ResidentClient socket = ResidentClient.connect(gateway.vertx, gateway.port(), Map.of("X-Forwarded-For", "203.0.113.1"));
    socket.helloNew();
    for (int i = 0; attacking.get(); i++) {
      socket.send(new JsonObject().put("type", "message").put("clientId", "f" + i).put("text", "flood " + i));
      if (i % 50 == 0) pause(5);
    }
    socket.close();
  }

  private static void socketSpam(TestGateway gateway) {
    for (int i = 0; i < 100; i++) {
      try (ResidentClient socket = ResidentClient.connect(gateway.vertx, gateway.port(), Map.of("X-Forwarded-For", "203.0.113.2"))) {
        socket.helloNew();
        socket.say("s" + i, "spam " + i);
      }
    }
  }

  private static void garbage(TestGateway gateway, AtomicBoolean attacking) {
    while (attacking.get()) {
      ResidentClient socket = ResidentClient.connect(gateway.vertx, gateway.port(), Map.of("X-Forwarded-For", "203.0.113.3"));
      socket.sendRaw("{not json");
      socket.sendRaw("{\"type\":\"launch\"}");
      socket.sendRaw("{\"type\":\"message\",\"clientId\":\"x\",\"text\":\"before hello\"}");
      socket.helloNew();
      socket.sendFrame(WebSocketFrame.textFrame("{\"type\":\"message\",\"clientId\":\"u\",\"text\":\"caf", false));
      socket.sendFrame(WebSocketFrame.continuationFrame(Buffer.buffer(new byte[] {(byte) 0xC3, (byte) 0x28, '"', '}'}), true));
      socket.sendFrame(WebSocketFrame.binaryFrame(Buffer.buffer("binary"), true));
      socket.sendRaw("{\"type\":\"message\",\"clientId\":\"z\",\"text\":\"\\u200B\\u0000\"}");
      socket.sendFrame(WebSocketFrame.textFrame("x".repeat(65 * 1024), true));
      socket.awaitClosed(5000);
      socket.close();
    }
  }

  private static void typingFlood(TestGateway gateway, AtomicBoolean attacking) {
    ResidentClient socket = ResidentClient.connect(gateway.vertx, gateway.port(), Map.of("X-Forwarded-For", "203.0.113.4"));
    socket.helloNew();
    socket.say("t0", "typing flood");
    for (int i = 0; attacking.get(); i++) {
      socket.send(new JsonObject().put("type", "typing").put("active", i % 2 == 0));
      if (i % 100 == 0) pause(5);
    }
    socket.close();
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
