package org.accessline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.FakeTwilioCall;
import org.accessline.web.support.TestGateway;
import org.accessline.web.support.TwilioWebhookClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TTY call end to end: a stand-in for Twilio rings the signed voice webhook, streams a caller's
 * minimodem audio over the media stream, and plays back what the gateway sends, which minimodem
 * then reads.
 */
class TtyCallIT {
  private static final String CALL = "CA" + "0123456789abcdef".repeat(2);
  private static final String CALLER = "+15551234567";
  private static final long TURN_MS = 60_000;

  @TempDir Path dataDir;
  @TempDir Path audio;
  private TestGateway gateway;
  private AgentClient maria;
  private FakeTwilioCall call;

  @BeforeEach
  void start() {
    FakeTwilioCall.require();
    gateway = new TestGateway(dataDir, Duration.ofSeconds(30), 4, TwilioWebhookClient.gatewayOptions(new JsonObject()));
    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria");
    call = new FakeTwilioCall(gateway.vertx, gateway.port(), CALL, CALLER);
  }

  @AfterEach
  void stop() {
    call.close();
    maria.close();
    gateway.close();
  }

  @Test
  void aCallerTypesAnAgentRepliesAndMinimodemReadsTheReplyOffTheLine() throws Exception {
    maria.available();
    String twiml = call.answer();
    assertTrue(twiml.contains("<Connect><Stream url=\"wss://311.example.test/channels/tty/twilio/stream\">"), twiml);
    call.connect(twiml);

    call.awaitMarkEchoed("greeting");
    String conversation = maria.awaitAssignment();
    call.types("MY STREETLIGHT IS OUT ON ELM ST GA", audio);
    JsonObject said = maria.frames.await("the caller's message", f -> isMessage(f, "resident"), TURN_MS);
    assertEquals("MY STREETLIGHT IS OUT ON ELM ST GA", said.getJsonObject("entry").getJsonObject("event").getString("text"));

    var reply = maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", "We'll send a crew today. Anything else?"));
    assertEquals(201, reply.statusCode(), reply.bodyAsString());
    long replySeq = reply.bodyAsJsonObject().getLong("seq");
    call.awaitMarkEchoed("reply-" + replySeq);
    JsonObject delivered = maria.frames.await("the reply marked delivered", f -> isEvent(f, "delivery"), TURN_MS);
    assertEquals("delivered", delivered.getJsonObject("entry").getJsonObject("event").getString("status"));

    String heard = call.heardByMinimodem(audio);
    assertTrue(heard.contains("FAIRVIEW 311 TTY. HOW MAY I HELP YOU Q GA"), heard);
    assertTrue(heard.contains("WE'LL SEND A CREW TODAY. ANYTHING ELSE? GA"), heard);
    assertTrue(List.of(heard.split("[\\r\\n]+")).containsAll(List.of("FAIRVIEW 311 TTY. HOW MAY I HELP YOU Q GA", "WE'LL SEND A CREW TODAY. ANYTHING ELSE? GA")),
        "each message starts on a fresh line, so turns never run together: " + heard);

    call.types("NO THX SK", audio);
    maria.frames.await("the sign-off note", f -> isEvent(f, "note") && text(f).contains("SK"), TURN_MS);
    call.hangUp();
    maria.frames.await("the hang-up note", f -> isEvent(f, "note") && text(f).contains("hung up"), TURN_MS);

    assertEquals(List.of("FAIRVIEW 311 TTY. HOW MAY I HELP YOU Q GA", "MY STREETLIGHT IS OUT ON ELM ST GA", "We'll send a crew today. Anything else?", "NO THX SK"),
        maria.storedMessages(conversation), "the line's own echo never becomes caller text");
    JsonObject opened = maria.recordEntries(conversation).getJsonObject(0).getJsonObject("event");
    assertEquals("tty", opened.getString("channel"));
    assertEquals(CALLER, opened.getString("contact"));
    String transcript = maria.get("/api/interactions/" + conversation + "/transcript.txt").bodyAsString();
    assertTrue(transcript.contains("Accessline (automatic): FAIRVIEW 311 TTY"), transcript);
    assertTrue(transcript.contains("[The caller typed SK: they are finishing.]"), transcript);
  }

  @Test
  void aReplyAfterTheCallerHungUpIsRecordedAsFailed() throws Exception {
    String conversation = answeredAndGreeted();
    call.hangUp();
    maria.frames.await("the hang-up note", f -> isEvent(f, "note"), TURN_MS);
    var reply = maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", "Are you still there?"));
    assertEquals(201, reply.statusCode());
    JsonObject failed = maria.frames.await("the failed delivery", f -> isEvent(f, "delivery"), TURN_MS);
    assertEquals("failed", failed.getJsonObject("entry").getJsonObject("event").getString("status"));
    assertTrue(failed.getJsonObject("entry").getJsonObject("event").getString("detail").contains("call has ended"));
  }

  @Test
  void eachCallIsItsOwnConversationEvenFromTheSameNumber() throws Exception {
    maria.available();
    call.connect(call.answer());
    String first = maria.awaitAssignment();
    call.hangUp();
    try (FakeTwilioCall again = new FakeTwilioCall(gateway.vertx, gateway.port(), "CA" + "fedcba9876543210".repeat(2), CALLER)) {
      again.connect(again.answer());
      String second = maria.frames.awaitCount("two assignments", 2, f -> isEvent(f, "assigned")).get(1).getJsonObject("entry").getString("conversationId");
      assertFalse(first.equals(second));
      assertEquals(first, maria.get("/api/interactions/" + second).bodyAsJsonObject().getString("previousId"), "a caller calling back links to their last call");
    }
  }

  @Test
  void whatTheCallerTypesAfterTheAgentResolvedGoesToAFollowUpConversation() throws Exception {
    String first = answeredAndGreeted();
    assertEquals(200, maria.post("/api/conversations/" + first + "/resolve", new JsonObject().put("disposition", "Information provided")).statusCode());
    call.types("WAIT ONE MORE THING GA", audio);
    JsonObject assigned = maria.frames.awaitCount("a second assignment", 2, f -> isEvent(f, "assigned")).get(1);
    String second = assigned.getJsonObject("entry").getString("conversationId");
    assertFalse(first.equals(second));
    List<String> said = maria.residentMessages(second);
    for (long deadline = System.currentTimeMillis() + 10_000; said.isEmpty() && System.currentTimeMillis() < deadline; ) said = maria.residentMessages(second);
    assertEquals(List.of("WAIT ONE MORE THING GA"), said, "the text went to the follow-up, whether it came before or after its assignment");
    assertEquals(CALLER, maria.recordEntries(second).getJsonObject(0).getJsonObject("event").getString("contact"));
    assertEquals(first, maria.get("/api/interactions/" + second).bodyAsJsonObject().getString("previousId"), "the follow-up links to the call's first record");
    var reply = maria.post("/api/conversations/" + second + "/messages", new JsonObject().put("text", "Sure"));
    call.awaitMarkEchoed("reply-" + reply.bodyAsJsonObject().getLong("seq"));
  }

  @Test
  void closingWhileTheCallerMayStillBeTypingAsksTheAgentToConfirm() throws Exception {
    String conversation = answeredAndGreeted();
    call.types("MY ADDRESS IS 12 ELM ST AND", audio);
    maria.frames.await("the unfinished turn", f -> isMessage(f, "resident"), TURN_MS);
    String path = "/api/conversations/" + conversation + "/resolve";
    var warned = maria.post(path, new JsonObject().put("disposition", "Information provided"));
    assertEquals(409, warned.statusCode());
    assertEquals("resident_may_be_typing", warned.bodyAsJsonObject().getString("error"));
    assertEquals(200, maria.post(path, new JsonObject().put("disposition", "Information provided").put("confirm", true)).statusCode());
  }

  @Test
  void theAgentCanStopAReplyThatIsBeingSent() throws Exception {
    String conversation = answeredAndGreeted();
    int greetingFrames = call.frames.awaitCount("greeting audio", 1, FakeTwilioCall::isMedia).size();
    var reply = maria.post("/api/conversations/" + conversation + "/messages",
        new JsonObject().put("text", "Here is a long answer that the agent will think better of before it has finished sending."));
    call.frames.awaitCount("the reply starting to play", greetingFrames + 1, FakeTwilioCall::isMedia);
    var stopped = maria.post("/api/conversations/" + conversation + "/tty/stop", new JsonObject());
    assertEquals(200, stopped.statusCode(), stopped.bodyAsString());
    assertEquals(1, stopped.bodyAsJsonObject().getInteger("stopped"));
    call.frames.await("a clear message", f -> "clear".equals(f.getString("event")), TURN_MS);
    JsonObject undelivered = maria.frames.await("the stopped reply", f -> isEvent(f, "delivery"), TURN_MS);
    assertEquals("undelivered", undelivered.getJsonObject("entry").getJsonObject("event").getString("status"));
    assertEquals(reply.bodyAsJsonObject().getLong("seq"), undelivered.getJsonObject("entry").getJsonObject("event").getLong("messageSeq"));
  }

  @Test
  void unsignedOrMissignedRequestsAreRefusedAndRecordNothing() {
    String path = "/channels/tty/twilio/voice";
    Map<String, String> fields = FakeTwilioCall.voiceFields(CALL, CALLER);
    String url = FakeTwilioCall.PUBLIC_BASE + path;
    assertEquals(403, call.post(path, fields, url, null).statusCode(), "no signature");
    assertEquals(403, call.post(path, fields, url, "another-accounts-token").statusCode(), "wrong token");
    assertEquals(403, call.post(path, fields, "https://elsewhere.example" + path, FakeTwilioCall.AUTH_TOKEN).statusCode(), "signed for another URL");
    Map<String, String> tampered = new java.util.LinkedHashMap<>(fields);
    String signature = org.accessline.web.support.TwilioSigner.sign(FakeTwilioCall.AUTH_TOKEN, url, fields);
    tampered.put("From", "+15559999999");
    assertEquals(403, call.postWithSignature(path, tampered, signature).statusCode(), "fields changed after signing");
    Map<String, String> noCall = new java.util.LinkedHashMap<>(fields);
    noCall.remove("CallSid");
    assertEquals(400, call.post(path, noCall, url, FakeTwilioCall.AUTH_TOKEN).statusCode(), "no CallSid");

    String streamUrl = "wss://311.example.test/channels/tty/twilio/stream";
    for (String signature2 : new String[] {null, "bm90IGEgc2lnbmF0dXJl"}) {
      UpgradeRejectedException refused = org.junit.jupiter.api.Assertions.assertThrows(UpgradeRejectedException.class, () -> call.openStream(streamUrl, signature2));
      assertEquals(403, refused.getStatus());
    }
    assertEquals(new JsonArray(), maria.get("/api/conversations").bodyAsJsonObject().getJsonArray("conversations"));
  }

  @Test
  void aStreamThatIsNotEightKilohertzMuLawIsClosedAndRecordsNothing() {
    maria.available();
    call.connect(call.answer(), new JsonObject().put("encoding", "audio/l16").put("sampleRate", 16000).put("channels", 1));
    JsonObject closed = call.frames.await("the stream closed", f -> "closed".equals(f.getString("event")), TURN_MS);
    assertEquals(1003, closed.getInteger("code"));
    assertEquals(new JsonArray(), maria.get("/api/conversations").bodyAsJsonObject().getJsonArray("conversations"));
  }

  /** Maria is available; the call is answered, greeted, and assigned to her. */
  private String answeredAndGreeted() {
    maria.available();
    call.connect(call.answer());
    call.awaitMarkEchoed("greeting");
    return maria.awaitAssignment();
  }

  private static boolean isEvent(JsonObject frame, String kind) {
    return "entry".equals(frame.getString("type")) && kind.equals(frame.getJsonObject("entry").getJsonObject("event").getString("kind"));
  }

  private static boolean isMessage(JsonObject frame, String role) {
    return isEvent(frame, "message") && role.equals(frame.getJsonObject("entry").getJsonObject("actor").getString("role"));
  }

  private static String text(JsonObject frame) {
    return frame.getJsonObject("entry").getJsonObject("event").getString("text");
  }
}
