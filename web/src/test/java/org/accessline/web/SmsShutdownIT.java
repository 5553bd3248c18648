package org.accessline.web;

import static org.accessline.web.support.SmsTexts.INBOUND;
import static org.accessline.web.support.SmsTexts.deliveries;
import static org.accessline.web.support.SmsTexts.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.FakeTwilioApi;
import org.accessline.web.support.FakeTwilioApi.Answer;
import org.accessline.web.support.SmsTexts;
import org.accessline.web.support.TestGateway;
import org.accessline.web.support.TwilioWebhookClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A clean stop (SIGTERM) while replies are on their way: every outcome is stored, or Twilio is told to try again. */
@Timeout(60)
class SmsShutdownIT {
  private static final String RESIDENT = "+15551230041";

  @TempDir Path dataDir;
  private final Vertx apiVertx = Vertx.vertx();
  private final FakeTwilioApi twilio = new FakeTwilioApi(apiVertx);
  private TestGateway gateway;

  @AfterEach
  void stop() {
    if (gateway != null) gateway.close();
    twilio.close();
    apiVertx.close().await();
  }

  @Test
  void stoppingDrainsRepliesAndReportsIntoTheStoreAndTurnsNewTextsAway() {
    gateway = new TestGateway(dataDir, Duration.ofSeconds(30), 4, TwilioWebhookClient.gatewayOptions(new JsonObject()
        .put("smsFrom", SmsTexts.CENTER_NUMBER).put("apiBaseUrl", twilio.baseUrl()))
        .put("sms", new JsonObject().put("firstRetryMillis", 20).put("attempts", 5).put("answerTimeoutMillis", 10_000)));
    int port = gateway.port();
    TwilioWebhookClient webhooks = new TwilioWebhookClient(apiVertx, port);
    AgentClient maria = new AgentClient(apiVertx, port).signedIn("maria").available();
    assertEquals(200, webhooks.post(INBOUND, text("SM" + "1".repeat(32), RESIDENT, "Broken swing at Elm Park")).statusCode());
    String conversation = maria.awaitAssignment();

    long delivered = reply(maria, conversation, "Thanks, noted.");
    maria.frames.await("the first reply taken", f -> SmsTexts.isEvent(f, "delivery") && SmsTexts.event(f).getLong("messageSeq") == delivered, 20_000);
    String deliveredSid = twilio.accepted().get(0).sid();
    twilio.answerNext(Answer.acceptedAfter(1_500));
    long slow = reply(maria, conversation, "A crew will come Monday.");
    SmsDeliveryIT.await(() -> twilio.sent().size() == 2, "the slow reply on its way");
    twilio.answerNext(Answer.twilioError(429, Map.of("Retry-After", "30")));
    long held = reply(maria, conversation, "Anything else?");
    SmsDeliveryIT.await(() -> twilio.sent().size() == 3, "the held reply tried once");

    Future<Void> stopping = gateway.beginStop();
    var turnedAway = webhooks.post(INBOUND, text("SM" + "2".repeat(32), RESIDENT, "one more thing"));
    assertEquals(503, turnedAway.statusCode(), "Twilio retries a new text later");
    var report = webhooks.post("/channels/sms/twilio/status?conversation=" + conversation + "&seq=" + delivered,
        Map.of("MessageSid", deliveredSid, "MessageStatus", "delivered", "AccountSid", TwilioWebhookClient.ACCOUNT_SID));
    assertEquals(200, report.statusCode(), "a report arriving while replies drain is stored");
    stopping.await();
    maria.close();
    webhooks.close();

    gateway.startAgain(port);
    AgentClient sam = new AgentClient(apiVertx, port).signedIn("sam");
    try {
      List<JsonObject> outcomes = deliveries(sam.recordEntries(conversation));
      assertEquals(List.of("queued", "delivered"), statuses(outcomes, delivered));
      assertEquals(List.of("queued"), statuses(outcomes, slow), "Twilio's answer came while the gateway drained, and was kept");
      List<JsonObject> heldOutcome = outcomes.stream().filter(o -> o.getLong("messageSeq") == held).toList();
      assertEquals(1, heldOutcome.size());
      assertEquals("failed", heldOutcome.get(0).getString("status"));
      assertTrue(heldOutcome.get(0).getString("detail").contains("stopped before Twilio took"), heldOutcome.get(0).encode());
      assertEquals(List.of("Broken swing at Elm Park"), sam.residentMessages(conversation), "the text turned away was not stored");
      assertEquals(3, twilio.sent().size());
    } finally {
      sam.close();
    }
  }

  private static long reply(AgentClient agent, String conversation, String text) {
    var posted = agent.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", text));
    assertEquals(201, posted.statusCode(), posted.bodyAsString());
    return posted.bodyAsJsonObject().getLong("seq");
  }

  private static List<String> statuses(List<JsonObject> outcomes, long seq) {
    return outcomes.stream().filter(o -> o.getLong("messageSeq") == seq).map(o -> o.getString("status")).toList();
  }
}
