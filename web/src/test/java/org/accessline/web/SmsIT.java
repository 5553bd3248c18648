package org.accessline.web;

import static org.accessline.web.support.SmsTexts.CENTER_NUMBER;
import static org.accessline.web.support.SmsTexts.INBOUND;
import static org.accessline.web.support.SmsTexts.event;
import static org.accessline.web.support.SmsTexts.isEvent;
import static org.accessline.web.support.SmsTexts.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.FakeTwilioApi;
import org.accessline.web.support.SmsGateway;
import org.accessline.web.support.TestGateway;
import org.accessline.web.support.TwilioSigner;
import org.accessline.web.support.TwilioWebhookClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text messages through the real gateway, with a local stand-in for Twilio's REST API that the SDK is pointed at. */
class SmsIT {
  private static final String RESIDENT = "+15551230001";

  @TempDir Path dataDir;
  private SmsGateway sms;

  @BeforeEach
  void start() {
    sms = new SmsGateway(dataDir, 4, new JsonObject().put("firstRetryMillis", 20).put("attempts", 3));
  }

  @AfterEach
  void stop() {
    sms.close();
  }

  private JsonArray conversations() {
    return sms.maria.get("/api/conversations").bodyAsJsonObject().getJsonArray("conversations");
  }

  @Test
  void aSignedTextReachesAnAgentWhoseReplyReachesTwilioAndIsMarkedDeliveredByTheCallback() {
    sms.maria.available();
    var answer = sms.webhooks.post(INBOUND, text(sms.nextSid(), RESIDENT, "Pothole on 5th & Main, about 2ft wide"));
    assertEquals(200, answer.statusCode(), answer.bodyAsString());
    assertTrue(answer.getHeader("Content-Type").startsWith("text/xml"));
    assertEquals("<Response/>", answer.bodyAsString().replaceAll("<\\?xml[^>]*>", "").strip());
    String conversation = sms.maria.awaitAssignment();
    assertEquals(List.of("Pothole on 5th & Main, about 2ft wide"), sms.maria.storedMessages(conversation));

    var reply = sms.maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", "Thanks! A crew is on the way — ticket 4411."));
    assertEquals(201, reply.statusCode());
    long seq = reply.bodyAsJsonObject().getLong("seq");
    JsonObject queued = sms.maria.frames.await("Twilio took the text", f -> isEvent(f, "delivery"), 10_000);
    assertEquals("queued", event(queued).getString("status"));

    FakeTwilioApi.Sent sent = sms.twilio.sent().get(0);
    assertEquals(RESIDENT, sent.fields().get("To"));
    assertEquals(CENTER_NUMBER, sent.fields().get("From"));
    assertEquals("Thanks! A crew is on the way — ticket 4411.", sent.fields().get("Body"));
    String callback = sent.fields().get("StatusCallback");
    assertEquals(TwilioWebhookClient.PUBLIC_BASE + "/channels/sms/twilio/status?conversation=" + conversation + "&seq=" + seq, callback);

    String pathAndQuery = callback.substring(TwilioWebhookClient.PUBLIC_BASE.length());
    String messageSid = sidOfDelivery(conversation);
    for (String status : new String[] {"sent", "delivered", "delivered"}) {
      var ok = sms.webhooks.post(pathAndQuery, Map.of("MessageSid", messageSid, "MessageStatus", status, "AccountSid", TwilioWebhookClient.ACCOUNT_SID));
      assertEquals(200, ok.statusCode(), ok.bodyAsString());
    }
    JsonArray record = sms.maria.get("/api/interactions/" + conversation).bodyAsJsonObject().getJsonArray("entries");
    List<String> statuses = record.stream().map(JsonObject.class::cast).filter(e -> "delivery".equals(e.getJsonObject("event").getString("kind")))
        .map(e -> e.getJsonObject("event").getString("status")).toList();
    assertEquals(List.of("queued", "sent", "delivered"), statuses, "a repeated callback is recorded once");
  }

  /** The MessageSid Twilio gave the reply, as its first delivery entry recorded it. */
  private String sidOfDelivery(String conversation) {
    JsonArray entries = sms.maria.recordEntries(conversation);
    for (int i = 0; i < entries.size(); i++) {
      JsonObject e = entries.getJsonObject(i);
      if ("delivery".equals(e.getJsonObject("event").getString("kind"))) return e.getString("dedupeKey", "").split(":")[0];
    }
    throw new AssertionError("no delivery entry");
  }

  @Test
  void aRetriedWebhookIsStoredOnce() {
    String sid = sms.nextSid();
    assertEquals(200, sms.webhooks.post(INBOUND, text(sid, RESIDENT, "Is the library open Sunday?")).statusCode());
    assertEquals(200, sms.webhooks.post(INBOUND, text(sid, RESIDENT, "Is the library open Sunday?")).statusCode());
    sms.maria.available();
    String conversation = sms.maria.awaitAssignment();
    assertEquals(List.of("Is the library open Sunday?"), sms.maria.residentMessages(conversation));
  }

  @Test
  void badSignaturesAndBadFieldsAreRefusedAndRecordNothing() {
    Map<String, String> good = text(sms.nextSid(), RESIDENT, "hello");
    String url = TwilioWebhookClient.PUBLIC_BASE + INBOUND;
    assertEquals(403, sms.webhooks.post(INBOUND, good, url, null).statusCode(), "missing signature");
    assertEquals(403, sms.webhooks.postWithSignature(INBOUND, good, "c2lnbmF0dXJl").statusCode(), "wrong signature");
    assertEquals(403, sms.webhooks.post(INBOUND, good, url, "the-token-before-rotation").statusCode(), "stale signature (an old auth token)");
    assertEquals(403, sms.webhooks.post(INBOUND, good, "https://other.example.test" + INBOUND, TwilioWebhookClient.AUTH_TOKEN).statusCode(), "another URL");
    Map<String, String> noFrom = new LinkedHashMap<>(good);
    noFrom.remove("From");
    assertEquals(400, sms.webhooks.post(INBOUND, noFrom).statusCode(), "missing From");
    Map<String, String> noBody = new LinkedHashMap<>(good);
    noBody.remove("Body");
    assertEquals(400, sms.webhooks.post(INBOUND, noBody).statusCode(), "missing Body");
    assertEquals(413, sms.webhooks.post(INBOUND, text(sms.nextSid(), RESIDENT, "x".repeat(1601))).statusCode(), "longer than Twilio sends");
    assertEquals(413, sms.webhooks.postRaw(INBOUND, Buffer.buffer("Body=" + "x".repeat(70_000)), "x").statusCode(), "a body over 64 KB");
    String nonUtf8 = "MessageSid=" + sms.nextSid() + "&From=%2B15551230001&Body=caf%E9";
    Map<String, String> asTwilioWouldSign = Map.of("MessageSid", nonUtf8.substring(11, 45), "From", RESIDENT, "Body", "caf\u00e9");
    assertEquals(400, sms.webhooks.postRaw(INBOUND, Buffer.buffer(nonUtf8), TwilioSigner.sign(TwilioWebhookClient.AUTH_TOKEN, url, asTwilioWouldSign)).statusCode(),
        "bytes that are not UTF-8");
    sms.maria.available();
    assertEquals(new JsonArray(), conversations());
    assertEquals(0, gatewayWaiting());
  }

  private int gatewayWaiting() {
    return sms.maria.frames.awaitType("snapshot").getInteger("waiting");
  }

  @Test
  void aStoreFailureAnswers503SoTwilioRetriesAndNothingIsRecorded() {
    String sid = sms.nextSid();
    sms.gateway.breakStore();
    var answer = sms.webhooks.post(INBOUND, text(sid, RESIDENT, "Water main break on Oak"));
    assertEquals(503, answer.statusCode());
    sms.gateway.restart();
    sms.signMariaInAgain().available();
    assertEquals(new JsonArray(), conversations(), "the failed webhook left nothing behind");
    assertEquals(200, sms.webhooks.post(INBOUND, text(sid, RESIDENT, "Water main break on Oak")).statusCode(), "Twilio's retry");
    assertEquals(List.of("Water main break on Oak"), sms.maria.storedMessages(sms.maria.awaitAssignment()));
  }

  @Test
  void mmsAttachmentsAreKeptAsLinksWithTheirTypes() {
    Map<String, String> mms = text(sms.nextSid().replace("SM", "MM"), RESIDENT, "");
    mms.put("NumMedia", "2");
    mms.put("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1");
    mms.put("MediaContentType0", "image/jpeg");
    mms.put("MediaUrl1", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2");
    mms.put("MediaContentType1", "video/mp4");
    assertEquals(200, sms.webhooks.post(INBOUND, mms).statusCode());
    sms.maria.available();
    JsonObject message = sms.maria.recordEntries(sms.maria.awaitAssignment()).getJsonObject(2).getJsonObject("event");
    assertEquals("", message.getString("text"));
    assertEquals("image/jpeg", message.getJsonArray("attachments").getJsonObject(0).getString("contentType"));
    assertEquals("video/mp4", message.getJsonArray("attachments").getJsonObject(1).getString("contentType"));
    Map<String, String> missing = text(sms.nextSid(), RESIDENT, "see photo");
    missing.put("NumMedia", "1");
    assertEquals(400, sms.webhooks.post(INBOUND, missing).statusCode(), "NumMedia without its MediaUrl");
  }

  @Test
  void stopBlocksRepliesWithAReasonTheAgentSeesAndStartLiftsIt() {
    sms.maria.available();
    assertEquals(200, sms.webhooks.post(INBOUND, text(sms.nextSid(), RESIDENT, "Streetlight out on Birch")).statusCode());
    String conversation = sms.maria.awaitAssignment();
    assertEquals(200, sms.webhooks.post(INBOUND, text(sms.nextSid(), RESIDENT, "  stop ")).statusCode());
    sms.maria.frames.await("the opt-out", f -> isEvent(f, "consent") && event(f).getBoolean("optedOut"), 10_000);
    sms.maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", "We fixed it."));
    JsonObject failed = sms.maria.frames.await("the blocked reply", f -> isEvent(f, "delivery"), 10_000);
    assertEquals("failed", event(failed).getString("status"));
    assertTrue(event(failed).getString("detail").contains("texted STOP"), event(failed).getString("detail"));
    assertEquals(List.of(), sms.twilio.sent(), "nothing went to Twilio");

    assertEquals(200, sms.webhooks.post(INBOUND, text(sms.nextSid(), RESIDENT, "UNSTOP")).statusCode());
    sms.maria.frames.await("the opt-in", f -> isEvent(f, "consent") && !event(f).getBoolean("optedOut"), 10_000);
    sms.maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", "Welcome back."));
    sms.maria.frames.awaitCount("the second reply's delivery", 2, f -> isEvent(f, "delivery"));
    assertEquals(1, sms.twilio.sent().size());
  }

  @Test
  void yesOptsBackInOnlyANumberThatOptedOut() {
    sms.maria.available();
    assertEquals(200, sms.webhooks.post(INBOUND, text(sms.nextSid(), RESIDENT, "Is the pool open?")).statusCode());
    String conversation = sms.maria.awaitAssignment();
    assertEquals(200, sms.webhooks.post(INBOUND, text(sms.nextSid(), RESIDENT, "Yes")).statusCode());
    assertEquals(200, sms.webhooks.post(INBOUND, text(sms.nextSid(), RESIDENT, "STOP")).statusCode());
    sms.maria.frames.await("the opt-out", f -> isEvent(f, "consent") && event(f).getBoolean("optedOut"), 10_000);
    assertEquals(200, sms.webhooks.post(INBOUND, text(sms.nextSid(), RESIDENT, "yes")).statusCode());
    sms.maria.frames.await("the opt-in", f -> isEvent(f, "consent") && !event(f).getBoolean("optedOut"), 10_000);
    List<String> kinds = sms.maria.recordEntries(conversation).stream().map(e -> ((JsonObject) e).getJsonObject("event").getString("kind")).toList();
    assertEquals(2, kinds.stream().filter("consent"::equals).count(), "a YES from a number that had not opted out is just an answer: " + kinds);
  }

  @Test
  void helpIsAnsweredWithTheHelpTextAndRecorded() {
    var answer = sms.webhooks.post(INBOUND, text(sms.nextSid(), RESIDENT, "help"));
    assertEquals(200, answer.statusCode());
    assertTrue(answer.bodyAsString().contains("<Message><Body>Fairview 311: text this number for city services."), answer.bodyAsString());
    sms.maria.available();
    List<String> messages = sms.maria.storedMessages(sms.maria.awaitAssignment());
    assertEquals("help", messages.get(0));
    assertTrue(messages.stream().anyMatch(m -> m.startsWith("Fairview 311: text this number")), messages.toString());
  }

  @Test
  void rateLimitsAreRetriedAndAFinalFailureIsRecordedWithTwiliosReason() {
    sms.maria.available();
    sms.webhooks.post(INBOUND, text(sms.nextSid(), RESIDENT, "Noise complaint"));
    String conversation = sms.maria.awaitAssignment();
    sms.twilio.failNext(429, 2);
    sms.maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", "Got it."));
    JsonObject taken = sms.maria.frames.await("the text taken after two 429s", f -> isEvent(f, "delivery"), 10_000);
    assertEquals("queued", event(taken).getString("status"));
    assertEquals(3, sms.twilio.sent().size());

    sms.twilio.failNext(500, 3);
    sms.maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", "Anything else?"));
    JsonObject failed = sms.maria.frames.awaitCount("the failed text", 2, f -> isEvent(f, "delivery")).get(1);
    assertEquals("failed", event(failed).getString("status"));
    assertTrue(event(failed).getString("detail").contains("HTTP 500") && event(failed).getString("detail").contains("3 tries"), event(failed).getString("detail"));
    assertEquals(6, sms.twilio.sent().size());
  }

  @Test
  void aNumberWithAnOpenConversationContinuesItAndAfterResolutionTheAgentSeesTheHistory() {
    sms.maria.available();
    sms.webhooks.post(INBOUND, text(sms.nextSid(), RESIDENT, "Bulk pickup?"));
    String first = sms.maria.awaitAssignment();
    sms.webhooks.post(INBOUND, text(sms.nextSid(), RESIDENT, "It's a couch"));
    assertEquals(List.of("Bulk pickup?", "It's a couch"), sms.maria.storedMessages(first));
    sms.maria.post("/api/conversations/" + first + "/resolve", new JsonObject().put("disposition", "Service request created"));
    sms.webhooks.post(INBOUND, text(sms.nextSid(), RESIDENT, "When will they come?"));
    String second = sms.maria.frames.awaitCount("a second assignment", 2, f -> isEvent(f, "assigned")).get(1).getJsonObject("entry").getString("conversationId");
    assertFalse(first.equals(second));
    JsonArray history = sms.maria.get("/api/conversations/" + second + "/history").bodyAsJsonObject().getJsonArray("conversations");
    assertEquals(1, history.size());
    assertEquals(first, history.getJsonObject(0).getString("id"));
    assertEquals("Service request created", history.getJsonObject(0).getString("disposition"));
    assertEquals(first, sms.maria.get("/api/interactions/" + second).bodyAsJsonObject().getString("previousId"), "the new record links back");
    assertEquals(new JsonArray().add(second), sms.maria.get("/api/interactions/" + first).bodyAsJsonObject().getJsonArray("relatedIds"),
        "and the earlier one lists the record that followed it");
  }

  @Test
  void statusCallbacksAreCheckedToo() {
    String query = "/channels/sms/twilio/status?conversation=00000000-0000-4000-8000-000000000000&seq=3";
    Map<String, String> fields = Map.of("MessageSid", sms.nextSid(), "MessageStatus", "delivered");
    assertEquals(403, sms.webhooks.post(query, fields, TwilioWebhookClient.PUBLIC_BASE + "/channels/sms/twilio/status", TwilioWebhookClient.AUTH_TOKEN).statusCode(),
        "signed without the query Twilio was given");
    assertEquals(404, sms.webhooks.post(query, fields).statusCode(), "no such conversation");
    assertEquals(400, sms.webhooks.post("/channels/sms/twilio/status?conversation=nope&seq=1", fields).statusCode());
  }

  @Test
  void aTexterWhoMustWaitIsToldTheirPlaceInLineOnceAndNotOnEveryChange() {
    sms.webhooks.post(INBOUND, text(sms.nextSid(), "+15551239001", "First"));
    sms.webhooks.post(INBOUND, text(sms.nextSid(), "+15551239002", "Second"));
    long deadline = System.currentTimeMillis() + 10_000;
    while (sms.twilio.sent().size() < 2 && System.currentTimeMillis() < deadline) Thread.onSpinWait();
    Map<String, String> byNumber = new java.util.HashMap<>();
    sms.twilio.sent().forEach(s -> byNumber.put(s.fields().get("To"), s.fields().get("Body")));
    assertTrue(byNumber.get("+15551239001").startsWith("You are number 1 in line; no agent is free right now"), byNumber.toString());
    assertTrue(byNumber.get("+15551239002").startsWith("You are number 2 in line"), byNumber.toString());
    sms.webhooks.post(INBOUND, text(sms.nextSid(), "+15551239002", "more details"));
    sms.maria.available();
    sms.maria.awaitAssignment();
    assertEquals(2, sms.twilio.sent().size(), "an update comes on joining the line and then on the interval, not on every change");
  }

  @Test
  void theConsoleCanCountSegmentsBeforeSending() {
    JsonObject plain = sms.maria.post("/api/sms/preview", new JsonObject().put("text", "a".repeat(161))).bodyAsJsonObject();
    assertEquals("GSM-7", plain.getString("encoding"));
    assertEquals(2, plain.getInteger("segments"));
    JsonObject unicode = sms.maria.post("/api/sms/preview", new JsonObject().put("text", "Gracias — ¿algo más?")).bodyAsJsonObject();
    assertEquals("UCS-2", unicode.getString("encoding"));
    assertEquals(1, unicode.getInteger("segments"));
  }

  @Test
  void aMessagingServiceSendsInsteadOfANumberWhenConfigured() {
    String service = "MG" + "0123456789abcdef".repeat(2);
    try (TestGateway withService = new TestGateway(dataDir.resolve("with-service"), Duration.ofSeconds(30), 4, new JsonObject()
            .put("publicBaseUrl", TwilioWebhookClient.PUBLIC_BASE)
            .put("twilio", new JsonObject().put("accountSid", TwilioWebhookClient.ACCOUNT_SID).put("authToken", TwilioWebhookClient.AUTH_TOKEN)
                .put("messagingServiceSid", service).put("apiBaseUrl", sms.twilio.baseUrl())));
        TwilioWebhookClient hooks = new TwilioWebhookClient(withService.vertx, withService.port());
        AgentClient agent = new AgentClient(withService.vertx, withService.port()).signedIn("maria").available()) {
      hooks.post(INBOUND, text(sms.nextSid(), RESIDENT, "Hi"));
      String conversation = agent.awaitAssignment();
      agent.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", "Hello"));
      agent.frames.await("the text taken", f -> isEvent(f, "delivery"), 10_000);
      assertEquals(service, sms.twilio.sent().get(0).fields().get("MessagingServiceSid"));
      assertFalse(sms.twilio.sent().get(0).fields().containsKey("From"));
    }
  }
}
