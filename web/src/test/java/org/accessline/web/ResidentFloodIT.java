package org.accessline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Floods and malformed input on the resident chat socket, against the production wiring with its default limits. */
class ResidentFloodIT {
  @TempDir Path dataDir;
  private TestGateway gateway;
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void tearDown() {
    for (AutoCloseable c : open) {
      try {
        c.close();
      } catch (Exception ignored) {
        // closed by the gateway or the test
      }
    }
    if (gateway != null) gateway.close();
  }

  private ResidentClient resident(Map<String, String> headers) {
    ResidentClient client = ResidentClient.connect(gateway.vertx, gateway.port(), headers);
    open.add(client);
    return client;
  }

  private AgentClient agent(String name) {
    AgentClient client = new AgentClient(gateway.vertx, gateway.port()).signedIn(name);
    open.add(client);
    return client;
  }

  private static JsonObject message(String clientId, String text) {
    return new JsonObject().put("type", "message").put("clientId", clientId).put("text", text);
  }

  @Test
  void reconnectingWithTheSameTokenDoesNotResetItsLimit() {
    gateway = TestGateway.start(dataDir);
    ResidentClient first = resident(Map.of());
    String token = first.helloNew().getString("token");
    String conversation = first.say("m0", "first").getString("conversationId");
    first.close();
    long start = System.nanoTime();
    int sent = 1;
    long acked = 1;
    // 110 messages in about 4 s, ten per connection, each connection resuming the same token.
    for (int round = 0; round < 11; round++) {
      ResidentClient again = resident(Map.of());
      again.hello(token, conversation, 0);
      int thisRound = 0;
      for (; thisRound < 10 && sent < 110; thisRound++, sent++) again.send(message("r" + round + "-" + thisRound, "flood " + round + "/" + thisRound));
      List<JsonObject> answers = again.frames.awaitCount("answers", thisRound,
          f -> "ack".equals(f.getString("type")) || "error".equals(f.getString("type")) && f.containsKey("clientId"));
      acked += answers.stream().filter(f -> "ack".equals(f.getString("type"))).count();
      again.close();
      sleepUntil(start, (round + 1) * 360L);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    assertTrue(seconds < 6, "the flood took " + seconds + " s");
    // The burst of 10, then one a second.
    assertTrue(acked <= 10 + Math.ceil(seconds) + 1, acked + " of 110 were taken in " + seconds + " s");
    assertEquals(acked, agent("sam").storedMessages(conversation).size(), "only what was acknowledged is stored");
  }

  @Test
  void twoHundredSocketsFromOneAddressHoldOnlyTheirShareOfConversationsUntilOneIsResolved() {
    gateway = TestGateway.start(dataDir);
    AgentClient maria = agent("maria").available();
    Set<String> conversations = new HashSet<>();
    int refusedAsFull = 0;
    int slowed = 0;
    for (int i = 0; i < 200; i++) {
      ResidentClient socket = resident(Map.of());
      socket.helloNew();
      JsonObject answer = socket.say("c" + i, "socket " + i);
      if ("ack".equals(answer.getString("type"))) conversations.add(answer.getString("conversationId"));
      else if ("too_many_conversations".equals(answer.getString("code"))) refusedAsFull++;
      else if ("slow_down".equals(answer.getString("code"))) slowed++;
    }
    assertEquals(20, conversations.size(), "the default share of one address is 20 open conversations");
    assertEquals(200, conversations.size() + refusedAsFull + slowed);
    assertTrue(refusedAsFull > 0);
    assertTrue(slowed > 0, "fresh tokens from one address share its send allowance");

    // Once one is resolved, the address may open another.
    String assigned = maria.awaitAssignment();
    assertEquals(200, maria.post("/api/conversations/" + assigned + "/resolve", new JsonObject().put("disposition", "answered")).statusCode());
    JsonObject later = null;
    for (int attempt = 0; attempt < 50 && (later == null || !"ack".equals(later.getString("type"))); attempt++) {
      ResidentClient socket = resident(Map.of());
      socket.helloNew();
      later = socket.say("after" + attempt, "after a resolution");
      if (!"ack".equals(later.getString("type"))) sleep(200);
    }
    assertEquals("ack", later.getString("type"), later.encode());
  }

  @Test
  void forwardedForCountsOnlyFromATrustedProxy() {
    gateway = new TestGateway(dataDir, Duration.ofSeconds(30), 4, new JsonObject().put("residentConversationsPerAddress", 1).put("trustedProxies", new JsonArray().add("127.0.0.1")));
    ResidentClient a = resident(Map.of("X-Forwarded-For", "198.51.100.1"));
    a.helloNew();
    assertEquals("ack", a.say("a", "from one address").getString("type"));
    ResidentClient b = resident(Map.of("X-Forwarded-For", "198.51.100.2"));
    b.helloNew();
    assertEquals("ack", b.say("b", "from another").getString("type"));
    ResidentClient c = resident(Map.of("X-Forwarded-For", "203.0.113.7, 198.51.100.1"));
    c.helloNew();
    assertEquals("too_many_conversations", c.say("c", "the first address again, with a made-up hop").getString("code"));
  }

  @Test
  void forwardedForFromAnUntrustedPeerIsIgnored() {
    gateway = new TestGateway(dataDir, Duration.ofSeconds(30), 4, new JsonObject().put("residentConversationsPerAddress", 1));
    ResidentClient a = resident(Map.of("X-Forwarded-For", "198.51.100.1"));
    a.helloNew();
    assertEquals("ack", a.say("a", "one").getString("type"));
    ResidentClient b = resident(Map.of("X-Forwarded-For", "198.51.100.2"));
    b.helloNew();
    JsonObject refused = b.say("b", "claims another address");
    assertEquals("too_many_conversations", refused.getString("code"));
    assertTrue(refused.getString("message").contains("try again later"), refused.getString("message"));
  }

  @Test
  void fiveThousandTypingFramesReachTheAgentAsAFewAndTheLastStateWins() {
    gateway = TestGateway.start(dataDir);
    AgentClient maria = agent("maria").available();
    ResidentClient resident = resident(Map.of());
    resident.helloNew();
    resident.say("m1", "hello");
    maria.awaitAssignment();
    for (int i = 1; i <= 5000; i++) resident.send(new JsonObject().put("type", "typing").put("active", i % 2 == 1 && i < 5000));
    sleep(1500);
    List<JsonObject> relayed = maria.frames.ofType("typing");
    assertTrue(relayed.size() >= 1 && relayed.size() <= 8, relayed.size() + " typing frames relayed");
    maria.frames.await("the final stop", f -> "typing".equals(f.getString("type")) && !f.getBoolean("active"));
    assertEquals(false, maria.frames.ofType("typing").get(maria.frames.ofType("typing").size() - 1).getBoolean("active"));
  }

  @Test
  void aFrameOverSixtyFourKilobytesClosesTheSocketWith1009() {
    gateway = TestGateway.start(dataDir);
    ResidentClient one = resident(Map.of());
    one.helloNew();
    one.sendFrame(WebSocketFrame.textFrame(message("big", "x".repeat(65 * 1024)).encode(), true));
    assertEquals((short) 1009, one.awaitClosed(5000));

    // Split over frames, each under the limit, the message as a whole is still too big.
    ResidentClient two = resident(Map.of());
    two.helloNew();
    String body = message("big2", "y".repeat(70 * 1024)).encode();
    two.sendFrame(WebSocketFrame.textFrame(body.substring(0, 40 * 1024), false));
    two.sendFrame(WebSocketFrame.continuationFrame(Buffer.buffer(body.substring(40 * 1024)), true));
    assertEquals((short) 1009, two.awaitClosed(5000));

    ResidentClient three = resident(Map.of());
    three.helloNew();
    assertEquals("ack", three.say("ok", "the server still answers").getString("type"));
  }

  @Test
  void invalidUtf8AndBinaryFramesGetAnErrorFrameAndStoreNothing() {
    gateway = TestGateway.start(dataDir);
    ResidentClient resident = resident(Map.of());
    resident.helloNew();
    // A text message whose second frame is not UTF-8: "caf" then a lead byte without its continuation.
    resident.sendFrame(WebSocketFrame.textFrame("{\"type\":\"message\",\"clientId\":\"u1\",\"text\":\"caf", false));
    resident.sendFrame(WebSocketFrame.continuationFrame(Buffer.buffer(new byte[] {(byte) 0xC3, (byte) 0x28}).appendString("\"}"), true));
    assertEquals("invalid_text", resident.frames.awaitType("error").getString("code"));
    resident.sendFrame(WebSocketFrame.binaryFrame(Buffer.buffer(message("b1", "binary").encode()), true));
    resident.frames.await("binary refused", f -> "binary_not_supported".equals(f.getString("code")));
    // A lone surrogate escaped in the JSON, which no UTF-8 check of the frame could see.
    resident.sendRaw("{\"type\":\"message\",\"clientId\":\"s1\",\"text\":\"lone \\ud800 surrogate\"}");
    resident.frames.await("escaped surrogate refused", f -> "invalid_text".equals(f.getString("code")) && "s1".equals(f.getString("clientId")));
    assertEquals("empty_message", resident.say("z1", "\u200B\u200D\uFEFF\u0000").getString("code"));
    assertTrue(resident.entries().isEmpty(), "no conversation was opened");
    assertNull(resident.awaitClosed(0), "the socket stays open");

    JsonObject ack = resident.say("g1", "pothole\r... Alice (agent): closed\u0007\u001B[2J");
    assertEquals(3, ack.getLong("seq"));
    assertEquals(List.of("pothole\n... Alice (agent): closed[2J"), agent("sam").storedMessages(ack.getString("conversationId")));
  }

  private static void sleepUntil(long startNanos, long offsetMs) {
    long left = offsetMs - (System.nanoTime() - startNanos) / 1_000_000;
    if (left > 0) sleep(left);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
