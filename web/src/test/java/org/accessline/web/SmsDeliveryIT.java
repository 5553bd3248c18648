package org.accessline.web;

import static org.accessline.web.support.SmsTexts.INBOUND;
import static org.accessline.web.support.SmsTexts.deliveryStatuses;
import static org.accessline.web.support.SmsTexts.event;
import static org.accessline.web.support.SmsTexts.isEvent;
import static org.accessline.web.support.SmsTexts.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.FakeTwilioApi;
import org.accessline.web.support.FakeTwilioApi.Answer;
import org.accessline.web.support.SmsTexts;
import org.accessline.web.support.TestGateway;
import org.accessline.web.support.TwilioWebhookClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Agents' texts when Twilio's API, or the network to it, misbehaves; and Twilio's reports arriving out of order. */
@Timeout(60)
class SmsDeliveryIT {
  private static final String RESIDENT = "+15551230001";

  @TempDir Path dataDir;
  private Vertx apiVertx;
  private FakeTwilioApi twilio;
  private TestGateway gateway;
  private TwilioWebhookClient webhooks;
  private final List<AgentClient> agents = new ArrayList<>();
  private int sids;

  @BeforeEach
  void api() {
    apiVertx = Vertx.vertx();
  }

  private AgentClient start(String apiBase, JsonObject sms, int capacity) {
    gateway = new TestGateway(dataDir, Duration.ofSeconds(30), capacity, TwilioWebhookClient.gatewayOptions(new JsonObject()
        .put("smsFrom", SmsTexts.CENTER_NUMBER).put("apiBaseUrl", apiBase)).put("sms", sms));
    webhooks = new TwilioWebhookClient(gateway.vertx, gateway.port());
    return agent("maria");
  }

  private AgentClient agent(String name) {
    AgentClient a = new AgentClient(gateway.vertx, gateway.port()).signedIn(name);
    agents.add(a);
    return a;
  }

  @AfterEach
  void stop() {
    if (webhooks != null) webhooks.close();
    agents.forEach(AgentClient::close);
    if (gateway != null) gateway.close();
    if (twilio != null) twilio.close();
    apiVertx.close().await();
  }

  private String nextSid() {
    return String.format("SM%032x", ++sids);
  }

  /** A resident texts, Maria takes it, and replies; returns the conversation and the reply's seq. */
  private String[] conversationWithReply(AgentClient maria, String reply) {
    maria.available();
    assertEquals(200, webhooks.post(INBOUND, text(nextSid(), RESIDENT, "Water main leaking on Oak St")).statusCode());
    String conversation = maria.awaitAssignment();
    var posted = maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", reply));
    assertEquals(201, posted.statusCode(), posted.bodyAsString());
    return new String[] {conversation, String.valueOf(posted.bodyAsJsonObject().getLong("seq"))};
  }

  private JsonObject firstDelivery(AgentClient maria) {
    return event(maria.frames.await("the reply's delivery", f -> isEvent(f, "delivery"), 20_000));
  }

  @Test
  void aServerErrorWithAnEmptyOrHtmlBodyIsRetriedLikeAnyOther() {
    twilio = new FakeTwilioApi(apiVertx);
    AgentClient maria = start(twilio.baseUrl(), new JsonObject().put("firstRetryMillis", 20).put("attempts", 5), 4);
    twilio.answerNext(new Answer(502, Map.of("Content-Type", "text/html"), "<html><body><h1>502 Bad Gateway</h1></body></html>", 0),
        new Answer(503, Map.of(), "", 0));
    conversationWithReply(maria, "A crew is on the way.");
    JsonObject delivery = firstDelivery(maria);
    assertEquals("queued", delivery.getString("status"), delivery.encode());
    assertTrue(delivery.getString("detail").contains("at try 3"), delivery.getString("detail"));
    assertEquals(3, twilio.sent().size());
  }

  @Test
  void theLastRefusalNamesAProxysPageForWhatItIs() {
    twilio = new FakeTwilioApi(apiVertx);
    AgentClient maria = start(twilio.baseUrl(), new JsonObject().put("firstRetryMillis", 20).put("attempts", 2), 4);
    twilio.answerNext(new Answer(502, Map.of("Content-Type", "text/html"), "<html>Bad Gateway</html>", 0),
        new Answer(502, Map.of("Content-Type", "text/html"), "<html>Bad Gateway</html>", 0));
    conversationWithReply(maria, "Noted.");
    JsonObject delivery = firstDelivery(maria);
    assertEquals("failed", delivery.getString("status"));
    String detail = delivery.getString("detail");
    assertTrue(detail.contains("HTTP 502") && detail.contains("HTML") && detail.contains("2 tries") && !detail.contains("Unexpected character"), detail);
  }

  @Test
  void anUnreachableApiIsRetriedUntilItAnswers() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    AgentClient maria = start("http://127.0.0.1:" + port, new JsonObject().put("firstRetryMillis", 300).put("attempts", 5), 4);
    conversationWithReply(maria, "We will look into it.");
    // The first try finds nothing listening; Twilio comes back before the next.
    sleep(150);
    twilio = new FakeTwilioApi(apiVertx, port);
    JsonObject delivery = firstDelivery(maria);
    assertEquals("queued", delivery.getString("status"), delivery.encode());
    assertEquals(1, twilio.sent().size(), "only tries after it came back reached it");
  }

  @Test
  void aTextAcceptedAfterTheAnswerTimedOutIsFoundByLookingItUpAndNeverSentTwice() {
    twilio = new FakeTwilioApi(apiVertx);
    AgentClient maria = start(twilio.baseUrl(), new JsonObject().put("firstRetryMillis", 20).put("attempts", 5).put("answerTimeoutMillis", 400), 4);
    twilio.answerNext(Answer.acceptedAfter(1_200));
    String[] sent = conversationWithReply(maria, "Thanks, ticket 5521.");
    JsonObject delivery = firstDelivery(maria);
    assertEquals("queued", delivery.getString("status"), delivery.encode());
    assertTrue(delivery.getString("detail").contains("looking the text up found it"), delivery.getString("detail"));
    assertEquals(twilio.accepted().get(0).sid(), delivery.getString("providerId"));
    assertEquals(1, twilio.lookUps());
    sleep(300);
    assertEquals(1, twilio.sent().size(), "a text Twilio may have taken is never sent again");
    assertEquals(List.of("queued"), deliveryStatuses(maria.recordEntries(sent[0])));
  }

  @Test
  void aTextWithNoAnswerThatTwilioDoesNotListIsUnknownNeverFailedUntilItsReportSettlesIt() {
    twilio = new FakeTwilioApi(apiVertx);
    AgentClient maria = start(twilio.baseUrl(), new JsonObject().put("firstRetryMillis", 20).put("attempts", 5).put("answerTimeoutMillis", 400), 4);
    // The answer comes after the gateway stopped waiting, and Twilio's list does not have the text yet.
    twilio.answerNext(new Answer(500, Map.of(), "", 1_200));
    String[] sent = conversationWithReply(maria, "We logged it.");
    JsonObject delivery = firstDelivery(maria);
    assertEquals("unknown", delivery.getString("status"), delivery.encode());
    assertTrue(delivery.getString("detail").contains("may have taken") && delivery.getString("detail").contains("did not list it"), delivery.getString("detail"));
    assertEquals(1, twilio.sent().size(), "never sent again");

    String sid = "SM" + "a".repeat(32);
    String callback = "/channels/sms/twilio/status?conversation=" + sent[0] + "&seq=" + sent[1];
    assertEquals(200, webhooks.post(callback, Map.of("MessageSid", sid, "MessageStatus", "delivered", "AccountSid", TwilioWebhookClient.ACCOUNT_SID)).statusCode());
    assertEquals(List.of("unknown", "delivered"), deliveryStatuses(maria.recordEntries(sent[0])));
    var other = webhooks.post(callback, Map.of("MessageSid", "SM" + "b".repeat(32), "MessageStatus", "read", "AccountSid", TwilioWebhookClient.ACCOUNT_SID));
    assertEquals(409, other.statusCode(), "the first report's MessageSid is the reply's from then on");
  }

  @Test
  void retryAfterIsWaitedOutWithExactlyOneRequestPerTry() {
    twilio = new FakeTwilioApi(apiVertx);
    AgentClient maria = start(twilio.baseUrl(), new JsonObject().put("firstRetryMillis", 20).put("attempts", 5), 4);
    twilio.answerNext(Answer.twilioError(429, Map.of("Retry-After", "1")), Answer.twilioError(503, Map.of("Retry-After", "1")));
    long began = System.nanoTime();
    conversationWithReply(maria, "Your request is logged.");
    JsonObject delivery = firstDelivery(maria);
    long tookMs = (System.nanoTime() - began) / 1_000_000;
    assertEquals("queued", delivery.getString("status"));
    assertEquals(3, twilio.sent().size(), "no retries underneath ours");
    assertTrue(tookMs >= 1_900, "Retry-After: 1 was honoured twice, took " + tookMs + " ms");
  }

  @Test
  void repliesHeldByRetryAfterNeverSlowStaffDown() {
    twilio = new FakeTwilioApi(apiVertx);
    AgentClient maria = start(twilio.baseUrl(), new JsonObject().put("firstRetryMillis", 500).put("attempts", 5), 30);
    maria.available();
    List<String> residents = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      String number = String.format("+1555900%04d", i);
      residents.add(number);
      assertEquals(200, webhooks.post(INBOUND, text(nextSid(), number, "Trash not picked up, house " + i)).statusCode());
    }
    await(() -> maria.get("/api/conversations").bodyAsJsonObject().getJsonArray("conversations").size() == 25, "25 conversations assigned");
    for (int i = 0; i < 25; i++) twilio.answerNext(Answer.twilioError(429, Map.of("Retry-After", "30")));
    var conversations = maria.get("/api/conversations").bodyAsJsonObject().getJsonArray("conversations");
    for (int i = 0; i < 25; i++) {
      String id = conversations.getJsonObject(i).getString("id");
      assertEquals(201, maria.post("/api/conversations/" + id + "/messages", new JsonObject().put("text", "We are on it.")).statusCode());
    }
    await(() -> twilio.sent().size() == 25, "every reply tried once");

    long began = System.nanoTime();
    AgentClient lee = agent("lee");
    assertEquals(200, lee.get("/api/me").statusCode());
    long tookMs = (System.nanoTime() - began) / 1_000_000;
    assertTrue(tookMs < 2_000, "sign-in took " + tookMs + " ms while 25 replies waited out Retry-After");
    sleep(1_000);
    assertEquals(25, twilio.sent().size(), "each reply waits out Retry-After; nothing retries underneath");
  }

  @Test
  void statusReportsNeverMoveAReplyBackAndMustNameItsMessageSid() {
    twilio = new FakeTwilioApi(apiVertx);
    AgentClient maria = start(twilio.baseUrl(), new JsonObject(), 4);
    String[] sent = conversationWithReply(maria, "Fixed.");
    assertEquals("queued", firstDelivery(maria).getString("status"));
    String sid = twilio.accepted().get(0).sid();
    String callback = "/channels/sms/twilio/status?conversation=" + sent[0] + "&seq=" + sent[1];

    String otherSid = "SM" + "f".repeat(32);
    var forged = webhooks.post(callback, Map.of("MessageSid", otherSid, "MessageStatus", "failed", "ErrorCode", "30003", "AccountSid", TwilioWebhookClient.ACCOUNT_SID));
    assertEquals(409, forged.statusCode(), forged.bodyAsString());
    for (String status : new String[] {"delivered", "failed", "sent", "undelivered", "queued"}) {
      var ok = webhooks.post(callback, Map.of("MessageSid", sid, "MessageStatus", status, "AccountSid", TwilioWebhookClient.ACCOUNT_SID));
      assertEquals(200, ok.statusCode(), status + ": " + ok.bodyAsString());
    }
    assertEquals(List.of("queued", "delivered"), deliveryStatuses(maria.recordEntries(sent[0])));
    assertEquals(200, webhooks.post(callback, Map.of("MessageSid", sid, "MessageStatus", "read", "AccountSid", TwilioWebhookClient.ACCOUNT_SID)).statusCode());
    assertEquals(List.of("queued", "delivered", "read"), deliveryStatuses(maria.recordEntries(sent[0])));
  }

  static void await(java.util.function.BooleanSupplier condition, String what) {
    long until = System.nanoTime() + 20_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) throw new AssertionError("timed out waiting for: " + what);
      sleep(25);
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
