package org.accessline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.accessline.gateway.escalation.EmergencyPolicy;
import org.accessline.gateway.conversation.Channel;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.FakeTwilioApi;
import org.accessline.web.support.FakeTwilioCall;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.accessline.web.support.TwilioWebhookClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resident describes an emergency on each channel: the conversation is flagged urgent, the
 * resident gets their channel's 911 guidance at once over that channel, a supervisor's console is
 * alerted, and the agent keeps the conversation.
 */
class EmergencyIT {
  @TempDir Path dataDir;
  @TempDir Path audio;
  private Vertx apiVertx;
  private FakeTwilioApi twilio;
  private TestGateway gateway;
  private AgentClient maria;
  private AgentClient sam;

  @BeforeEach
  void start() {
    apiVertx = Vertx.vertx();
    twilio = new FakeTwilioApi(apiVertx);
    gateway = new TestGateway(dataDir, Duration.ofSeconds(30), 4, TwilioWebhookClient.gatewayOptions(new JsonObject().put("smsFrom", "+15550003110").put("apiBaseUrl", twilio.baseUrl())));
    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria");
    sam = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam");
    sam.openConsole();
  }

  @AfterEach
  void stop() {
    maria.close();
    sam.close();
    gateway.close();
    twilio.close();
    apiVertx.close().await();
  }

  @Test
  void aWebChatResidentGetsGuidanceAtOnceAndASupervisorIsAlerted() {
    maria.available();
    try (ResidentClient resident = ResidentClient.connect(gateway.vertx, gateway.port())) {
      resident.helloNew();
      resident.say("c1", "My neighbor collapsed and is not breathing!");
      JsonObject guidance = resident.frames.await("the 911 guidance", f -> "entry".equals(f.getString("type")) && "center".equals(f.getString("from")));
      assertEquals(EmergencyPolicy.DEFAULT_GUIDANCE.get(Channel.WEBCHAT), guidance.getString("text"));
      JsonObject alert = sam.frames.awaitType("alert");
      assertEquals("emergency", alert.getString("path"));
      assertTrue(alert.getString("reason").contains("not breathing"), alert.getString("reason"));
      String conversation = maria.awaitAssignment();
      assertEquals(conversation, alert.getString("conversationId"));
      var reply = maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", "I'm here. Is someone doing CPR?"));
      assertEquals(201, reply.statusCode(), "the agent keeps the conversation");
      String transcript = maria.get("/api/interactions/" + conversation + "/transcript.txt").bodyAsString();
      assertTrue(transcript.contains("[escalated (emergency): The resident's words name an emergency (\"not breathing\").]"), transcript);
      assertTrue(transcript.contains("The center (automatic): If this is an emergency, call 911 now"), transcript);
    }
  }

  @Test
  void anUrgentConversationIsAssignedBeforeOlderOnes() {
    try (ResidentClient older = ResidentClient.connect(gateway.vertx, gateway.port());
        ResidentClient urgent = ResidentClient.connect(gateway.vertx, gateway.port())) {
      older.helloNew();
      older.say("o1", "When is bulk pickup?");
      String olderConversation = older.frames.awaitType("ack").getString("conversationId");
      urgent.helloNew();
      urgent.say("u1", "There is a man with a gun outside the library");
      String urgentConversation = urgent.frames.awaitType("ack").getString("conversationId");
      AgentClient lee = new AgentClient(gateway.vertx, gateway.port()).signedIn("lee");
      try {
        assertEquals(200, lee.put("/api/presence", new JsonObject().put("presence", "available")).statusCode());
        lee.openConsole();
        assertEquals(urgentConversation, lee.awaitAssignment(), "the emergency jumps the queue");
        assertTrue(!urgentConversation.equals(olderConversation));
      } finally {
        lee.close();
      }
    }
  }

  @Test
  void aTexterGetsTheGuidanceByText() {
    TwilioWebhookClient webhooks = new TwilioWebhookClient(gateway.vertx, gateway.port());
    try {
      var answer = webhooks.post("/channels/sms/twilio", Map.of("MessageSid", "SM" + "0".repeat(31) + "1", "From", "+15551230003",
          "Body", "my son OD'd and wont wake up", "NumMedia", "0", "AccountSid", TwilioWebhookClient.ACCOUNT_SID));
      assertEquals(200, answer.statusCode());
      sam.frames.awaitType("alert");
      String guidance = EmergencyPolicy.DEFAULT_GUIDANCE.get(Channel.SMS);
      long deadline = System.currentTimeMillis() + 10_000;
      while (twilio.sent().stream().noneMatch(s -> guidance.equals(s.fields().get("Body"))) && System.currentTimeMillis() < deadline) Thread.onSpinWait();
      FakeTwilioApi.Sent sent = twilio.sent().stream().filter(s -> guidance.equals(s.fields().get("Body"))).findFirst().orElseThrow();
      assertEquals("+15551230003", sent.fields().get("To"));
    } finally {
      webhooks.close();
    }
  }

  @Test
  void aTtyCallerIsToldInBaudotToCall911OnTheirTty() throws Exception {
    FakeTwilioCall.require();
    try (FakeTwilioCall call = new FakeTwilioCall(gateway.vertx, gateway.port(), "CA" + "abcdef0123456789".repeat(2), "+15551230004")) {
      call.connect(call.answer());
      call.awaitMarkEchoed("greeting");
      call.types("HELP MY HUSBAND CANT BREATHE GA", audio);
      sam.frames.await("the alert", f -> "alert".equals(f.getString("type")), 60_000);
      String heard = "";
      for (long deadline = System.currentTimeMillis() + 60_000; System.currentTimeMillis() < deadline && !heard.contains("911 ON YOUR TTY NOW"); ) {
        call.frames.await("a message played", f -> "mark-echoed".equals(f.getString("event")) && f.getString("name").startsWith("reply-"), 60_000);
        heard = call.heardByMinimodem(audio);
      }
      assertTrue(heard.contains("HANG UP AND CALL 911 ON YOUR TTY NOW"), heard);
    }
  }

  @Test
  void aConversationWaitingPastItsLimitIsRecordedAndSupervisorsAreAlerted() {
    gateway.close();
    gateway = new TestGateway(dataDir.resolve("limits"), Duration.ofSeconds(30), 4, new JsonObject()
        .put("limits", new JsonObject().put("queueWaitSeconds", 1).put("checkMillis", 100)));
    sam.close();
    sam = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam");
    sam.openConsole();
    try (ResidentClient resident = ResidentClient.connect(gateway.vertx, gateway.port())) {
      resident.helloNew();
      resident.say("w1", "Is the pool open?");
      JsonObject alert = sam.frames.await("the queue-wait alert", f -> "alert".equals(f.getString("type")), 10_000);
      assertEquals("queue_wait", alert.getString("path"));
      assertTrue(alert.getString("reason").contains("limit 1 s"), alert.getString("reason"));
      maria.close();
      maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam"); // no agent held it: a supervisor reads the record
      String conversation = alert.getString("conversationId");
      long breaches = maria.recordEntries(conversation).stream().map(JsonObject.class::cast)
          .filter(e -> "escalated".equals(e.getJsonObject("event").getString("kind"))).count();
      assertEquals(1, breaches, "checked every 100 ms, recorded once");
    }
  }
}
