package org.accessline.web;

import static org.accessline.web.support.SmsTexts.INBOUND;
import static org.accessline.web.support.SmsTexts.isEvent;
import static org.accessline.web.support.SmsTexts.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.SmsGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Inbound texts at Twilio's limits and beyond: long texts in any script, bad senders, every way of saying stop, floods. */
@Timeout(60)
class SmsIntakeIT {
  @TempDir Path dataDir;
  private SmsGateway sms;

  @BeforeEach
  void start() {
    sms = new SmsGateway(dataDir, 10, new JsonObject().put("burstPerNumber", 4).put("perMinutePerNumber", 1));
  }

  @AfterEach
  void stop() {
    sms.close();
  }

  @Test
  void sixteenHundredCharactersOfAnyScriptAreStoredExactly() {
    sms.maria.available();
    String emoji = "\uD83D\uDE92".repeat(1600);
    String chinese = "市".repeat(1600);
    var first = sms.webhooks.post(INBOUND, text(sms.nextSid(), "+15551230001", emoji));
    assertEquals(200, first.statusCode(), first.bodyAsString());
    assertEquals(200, sms.webhooks.post(INBOUND, text(sms.nextSid(), "+15551230001", chinese)).statusCode());
    String conversation = sms.maria.awaitAssignment();
    assertEquals(List.of(emoji, chinese), sms.maria.residentMessages(conversation));
  }

  @Test
  void overTwiliosLimitsIsRefusedWithAReasonAndNothingStored() {
    var tooLong = sms.webhooks.post(INBOUND, text(sms.nextSid(), "+15551230001", "a".repeat(1601)));
    assertEquals(413, tooLong.statusCode());
    assertTrue(tooLong.bodyAsString().contains("1600"), tooLong.bodyAsString());

    Map<String, String> huge = text(sms.nextSid(), "+15551230001", "hello");
    huge.put("AddOns", "x".repeat(70_000));
    var tooLarge = sms.webhooks.post(INBOUND, huge);
    assertEquals(413, tooLarge.statusCode());
    assertTrue(tooLarge.bodyAsString().contains("65536"), tooLarge.bodyAsString());

    var notUtf8 = sms.webhooks.postRaw(INBOUND, Buffer.buffer("MessageSid=" + sms.nextSid() + "&From=%2B15551230001&Body=caf%E9"), "c2lnbmF0dXJl");
    assertEquals(400, notUtf8.statusCode());
    assertTrue(notUtf8.bodyAsString().contains("UTF-8"), notUtf8.bodyAsString());

    sms.maria.available();
    assertEquals(List.of(), sms.maria.get("/api/conversations").bodyAsJsonObject().getJsonArray("conversations").getList());
  }

  @Test
  void aChunkedBodyWithNoLengthIsCutOffAt64Kilobytes() {
    var client = sms.gateway.vertx.createHttpClient();
    try {
      var request = client.request(io.vertx.core.http.HttpMethod.POST, sms.gateway.port(), "127.0.0.1", INBOUND).await();
      request.setChunked(true).putHeader("Content-Type", "application/x-www-form-urlencoded").putHeader("X-Twilio-Signature", "c2lnbmF0dXJl");
      var answer = request.response();
      for (int i = 0; i < 20 && !answer.isComplete(); i++) request.write("Body=" + "x".repeat(8_000) + "&");
      request.end();
      var response = answer.await();
      assertEquals(413, response.statusCode());
    } finally {
      client.close().await();
    }
  }

  @Test
  void aSenderThatIsNotAPhoneNumberOrShortCodeIsRefused() {
    for (String from : new String[] {"whatsapp:+15551230001", "Alice", "+0123", "+1555123000123456", "12"}) {
      var answer = sms.webhooks.post(INBOUND, text(sms.nextSid(), from, "hi"));
      assertEquals(400, answer.statusCode(), from);
      assertTrue(answer.bodyAsString().contains("E.164"), answer.bodyAsString());
    }
    assertEquals(200, sms.webhooks.post(INBOUND, text(sms.nextSid(), "311311", "short code test")).statusCode());
    sms.maria.available();
    assertEquals(List.of("short code test"), sms.maria.residentMessages(sms.maria.awaitAssignment()));
    assertEquals(1, sms.maria.get("/api/conversations").bodyAsJsonObject().getJsonArray("conversations").size());
  }

  @Test
  void everyWayOfSayingStopOptsOutWithOneConfirmation() {
    sms.maria.available();
    String[][] cases = {{"+15551230011", "REVOKE"}, {"+15551230012", "optout"}, {"+15551230013", "Stop."}, {"+15551230014", "  opt-out!! "},
        {"+15551230015", "stop all"}};
    for (String[] c : cases) {
      var answer = sms.webhooks.post(INBOUND, text(sms.nextSid(), c[0], c[1]));
      assertEquals(200, answer.statusCode(), c[1]);
      boolean twilioConfirms = c[1].equals("REVOKE") || c[1].equals("optout");
      assertEquals(!twilioConfirms, answer.bodyAsString().contains("no more texts"), c[1] + ": " + answer.bodyAsString());
    }
    var again = sms.webhooks.post(INBOUND, text(sms.nextSid(), "+15551230013", "STOP!"));
    assertFalse(again.bodyAsString().contains("<Message>"), "one confirmation only: " + again.bodyAsString());
    var notAKeyword = sms.webhooks.post(INBOUND, text(sms.nextSid(), "+15551230016", "please don't stop the repairs"));
    assertFalse(notAKeyword.bodyAsString().contains("<Message>"));

    sms.maria.frames.awaitCount("six conversations", 6, f -> isEvent(f, "assigned"));
    long optOuts = 0;
    for (Object c : sms.maria.get("/api/conversations").bodyAsJsonObject().getJsonArray("conversations")) {
      optOuts += sms.maria.recordEntries(((JsonObject) c).getString("id")).stream().map(JsonObject.class::cast)
          .filter(e -> "consent".equals(e.getJsonObject("event").getString("kind")) && e.getJsonObject("event").getBoolean("optedOut")).count();
    }
    assertEquals(6, optOuts, "five numbers opted out, one of them twice; the sentence with stop in it did not");
  }

  @Test
  void anEmergencyFromAnOptedOutNumberStillAlertsSupervisorsThatGuidanceWasNotSent() {
    AgentClient sam = new AgentClient(sms.gateway.vertx, sms.gateway.port()).signedIn("sam");
    try {
      sam.openConsole();
      assertEquals(200, sms.webhooks.post(INBOUND, text(sms.nextSid(), "+15551230021", "STOP")).statusCode());
      assertEquals(200, sms.webhooks.post(INBOUND, text(sms.nextSid(), "+15551230021", "there is a fire in my kitchen")).statusCode());
      JsonObject alert = sam.frames.await("the guidance alert", f -> "alert".equals(f.getString("type"))
          && f.getString("reason", "").contains("911 guidance could not be sent"), 10_000);
      assertTrue(alert.getString("reason").contains("+15551230021"), alert.encode());
      assertEquals(List.of(), sms.twilio.sent(), "nothing was texted to a number that opted out");
    } finally {
      sam.close();
    }
  }

  @Test
  void aFloodFromOneNumberIsAnsweredOnceAndOthersAreUntouched() {
    sms.maria.available();
    for (int i = 1; i <= 4; i++) assertEquals("<Response/>", twiml(sms.webhooks.post(INBOUND, text(sms.nextSid(), "+15551230031", "message " + i)).bodyAsString()));
    var refused = sms.webhooks.post(INBOUND, text(sms.nextSid(), "+15551230031", "message 5"));
    assertEquals(200, refused.statusCode());
    assertTrue(refused.bodyAsString().contains("faster than we can take them"), refused.bodyAsString());
    var quiet = sms.webhooks.post(INBOUND, text(sms.nextSid(), "+15551230031", "message 6"));
    assertEquals("<Response/>", twiml(quiet.bodyAsString()), "told once, so a machine at the other end cannot loop with us");
    assertEquals(200, sms.webhooks.post(INBOUND, text(sms.nextSid(), "+15551230032", "a neighbour")).statusCode());

    String conversation = sms.maria.awaitAssignment();
    List<String> stored = sms.maria.residentMessages(conversation);
    assertEquals(List.of("message 1", "message 2", "message 3", "message 4"), stored);
    assertTrue(sms.maria.recordEntries(conversation).stream().map(JsonObject.class::cast)
        .anyMatch(e -> "note".equals(e.getJsonObject("event").getString("kind")) && e.getJsonObject("event").getString("text").contains("faster")));
    sms.maria.frames.awaitCount("two conversations", 2, f -> isEvent(f, "assigned"));
  }

  private static String twiml(String body) {
    return body.replaceAll("<\\?xml[^>]*>", "").strip();
  }
}
