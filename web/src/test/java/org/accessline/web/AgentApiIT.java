package org.accessline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent API's refusals: no session, wrong password, someone else's conversation, bad input. */
class AgentApiIT {
  @TempDir Path dataDir;
  private TestGateway gateway;
  private AgentClient anonymous;
  private AgentClient maria;

  @BeforeEach
  void start() {
    gateway = TestGateway.start(dataDir);
    anonymous = new AgentClient(gateway.vertx, gateway.port());
    maria = new AgentClient(gateway.vertx, gateway.port());
  }

  @AfterEach
  void stop() {
    anonymous.close();
    maria.close();
    gateway.close();
  }

  @Test
  void everyAgentApiAnswers401WithoutASession() {
    String id = ConversationId.random().value();
    List<Object[]> calls = List.of(
        new Object[] {HttpMethod.GET, "/api/me"},
        new Object[] {HttpMethod.DELETE, "/api/session"},
        new Object[] {HttpMethod.PUT, "/api/presence"},
        new Object[] {HttpMethod.GET, "/api/conversations"},
        new Object[] {HttpMethod.GET, "/api/conversations/" + id + "/entries"},
        new Object[] {HttpMethod.POST, "/api/conversations/" + id + "/messages"},
        new Object[] {HttpMethod.POST, "/api/conversations/" + id + "/resolve"},
        new Object[] {HttpMethod.GET, "/api/interactions/" + id},
        new Object[] {HttpMethod.GET, "/api/interactions/" + id + "/transcript.txt"},
        new Object[] {HttpMethod.POST, "/api/conversations/" + id + "/tty/stop"},
        new Object[] {HttpMethod.POST, "/api/tty/preview"},
        new Object[] {HttpMethod.GET, "/api/interactions/" + id + "/verify"});
    for (Object[] call : calls) {
      var response = anonymous.request((HttpMethod) call[0], (String) call[1]).sendJsonObject(new JsonObject().put("text", "hi").put("presence", "available")).await();
      assertEquals(401, response.statusCode(), call[0] + " " + call[1]);
      assertEquals("unauthenticated", response.bodyAsJsonObject().getString("error"));
    }
  }

  @Test
  void thePublicCenterInfoNeedsNoSessionAndRevealsNoStaffData() {
    JsonObject center = anonymous.get("/api/center").bodyAsJsonObject();
    assertEquals("Accessline", center.getString("name"));
    assertEquals(4096, center.getInteger("maxMessageBytes"));
    assertEquals(2, center.size());
  }

  @Test
  void theConsoleSocketRefusesToUpgradeWithoutASession() {
    Throwable failure = assertThrows(Exception.class, () -> anonymous.tryConsole().await());
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    assertEquals(401, assertInstanceOf(UpgradeRejectedException.class, cause).getStatus());
  }

  @Test
  void theConsoleSocketRefusesAnotherSitesPageEvenWithAValidSession() {
    maria.signedIn("maria");
    Throwable failure = assertThrows(Exception.class, () -> maria.tryConsole("http://evil.example").await());
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    assertEquals(403, assertInstanceOf(UpgradeRejectedException.class, cause).getStatus());
    assertEquals("snapshot", maria.openConsole().getString("type"), "the same session from the console's own site works");
  }

  @Test
  void pagesAndAnswersCarrySecurityHeaders() {
    for (String path : List.of("/", "/agent", "/api/center", "/api/me")) {
      var response = anonymous.get(path);
      assertTrue(response.getHeader("Content-Security-Policy").contains("frame-ancestors 'none'"), path);
      assertEquals("nosniff", response.getHeader("X-Content-Type-Options"), path);
    }
  }

  @Test
  void aWrongPasswordOrUnknownAgentIsRefusedAlike() {
    var wrong = maria.signIn("maria", "not the password");
    var unknown = maria.signIn("nobody", TestGateway.PASSWORD);
    var malformed = maria.signIn("'; DROP TABLE entries; --", TestGateway.PASSWORD);
    for (var r : List.of(wrong, unknown, malformed)) {
      assertEquals(401, r.statusCode());
      assertEquals("bad_credentials", r.bodyAsJsonObject().getString("error"));
    }
    assertEquals(401, maria.get("/api/me").statusCode());
  }

  @Test
  void theSessionCookieIsHttpOnlyStrictAndSecureWhenConfigured() {
    String plain = maria.signIn("maria", TestGateway.PASSWORD).cookies().get(0).toLowerCase(java.util.Locale.ROOT);
    assertTrue(plain.contains("httponly") && plain.contains("samesite=strict"), plain);
    assertFalse(plain.contains("secure"), plain);
    try (TestGateway tls = new TestGateway(dataDir.resolve("tls"), java.time.Duration.ofSeconds(30), 4, new JsonObject().put("secureCookies", true));
        AgentClient agent = new AgentClient(tls.vertx, tls.port())) {
      String secure = agent.signIn("maria", TestGateway.PASSWORD).cookies().get(0).toLowerCase(java.util.Locale.ROOT);
      assertTrue(secure.contains("; secure"), secure);
    }
  }

  @Test
  void signingOutEndsTheSession() {
    maria.signedIn("maria");
    assertEquals(200, maria.get("/api/me").statusCode());
    assertEquals(204, maria.request(HttpMethod.DELETE, "/api/session").putHeader("Content-Type", "application/json").send().await().statusCode());
    assertEquals(401, maria.get("/api/me").statusCode());
  }

  @Test
  void anAgentCannotReplyToOrResolveAConversationAssignedToSomeoneElse() {
    maria.signedIn("maria").available();
    try (ResidentClient resident = ResidentClient.connect(gateway.vertx, gateway.port());
        AgentClient lee = new AgentClient(gateway.vertx, gateway.port()).signedIn("lee")) {
      resident.helloNew();
      String conversation = resident.say("q", "help").getString("conversationId");
      maria.awaitAssignment();
      var reply = lee.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", "I'll take it"));
      assertEquals(403, reply.statusCode());
      assertEquals("not_assigned", reply.bodyAsJsonObject().getString("error"));
      assertEquals(403, lee.post("/api/conversations/" + conversation + "/resolve", new JsonObject().put("disposition", "Other")).statusCode());
      assertEquals(1, maria.storedMessages(conversation).size());
    }
  }

  @Test
  void badRequestsGetClearErrorsAndChangeNothing() {
    maria.signedIn("maria");
    String unknown = ConversationId.random().value();
    assertEquals(404, maria.get("/api/interactions/" + unknown).statusCode());
    assertEquals(404, maria.get("/api/interactions/not-a-uuid").statusCode());
    assertEquals(404, maria.post("/api/conversations/" + unknown + "/messages", new JsonObject().put("text", "hi")).statusCode());
    assertEquals(400, maria.put("/api/presence", new JsonObject().put("presence", "asleep")).statusCode());
    assertEquals(400, maria.post("/api/conversations/" + unknown + "/messages", new JsonObject().put("text", "   ")).statusCode());
    assertEquals(413, maria.post("/api/conversations/" + unknown + "/messages", new JsonObject().put("text", "y".repeat(5000))).statusCode());
    assertEquals(400, maria.post("/api/conversations/" + unknown + "/resolve", new JsonObject()).statusCode());
    assertEquals(400, maria.get("/api/conversations/" + unknown + "/entries?after=-3").statusCode());
    var notJson = maria.request(HttpMethod.PUT, "/api/presence").putHeader("Content-Type", "application/json").sendBuffer(io.vertx.core.buffer.Buffer.buffer("{oops")).await();
    assertEquals(400, notJson.statusCode());
    assertEquals("bad_json", notJson.bodyAsJsonObject().getString("error"));
    var form = maria.request(HttpMethod.PUT, "/api/presence").putHeader("Content-Type", "application/x-www-form-urlencoded").sendBuffer(io.vertx.core.buffer.Buffer.buffer("presence=available")).await();
    assertEquals(415, form.statusCode());
    assertEquals("away", maria.get("/api/me").bodyAsJsonObject().getString("presence"));
  }

  @Test
  void consoleFramesThatMakeNoSenseGetAnErrorFrame() {
    maria.signedIn("maria").openConsole();
    maria.sendConsole(new JsonObject().put("type", "rm -rf"));
    assertEquals("unknown_type", maria.frames.awaitType("error").getString("code"));
    maria.sendConsole(new JsonObject().put("type", "typing").put("conversationId", "nope"));
    maria.frames.await("bad_frame", f -> "bad_frame".equals(f.getString("code")));
    assertTrue(maria.get("/api/me").statusCode() == 200);
  }

  @Test
  void withoutATwilioAccountTheTwilioRoutesDoNotExist() {
    var voice = anonymous.request(HttpMethod.POST, "/channels/tty/twilio/voice").putHeader("Content-Type", "application/x-www-form-urlencoded")
        .sendBuffer(io.vertx.core.buffer.Buffer.buffer("CallSid=CA00&From=%2B15551234567")).await();
    assertEquals(404, voice.statusCode());
  }
}
