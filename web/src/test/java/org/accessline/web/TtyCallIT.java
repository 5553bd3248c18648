package org.accessline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.accessline.web.support.FakeTwilioCall;
import org.accessline.web.support.TtyCallGateway;
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
  private TtyCallGateway tty;
  @TempDir Path audio;

  @BeforeEach
  void start() {
    tty = new TtyCallGateway(dataDir, new JsonObject(), CALL, CALLER);
  }

  @AfterEach
  void stop() {
    tty.close();
  }

  @Test
  void aCallerTypesAnAgentRepliesAndMinimodemReadsTheReplyOffTheLine() throws Exception {
    tty.maria.available();
    String twiml = tty.call.answer();
    assertTrue(twiml.contains("<Connect><Stream url=\"wss://311.example.test/channels/tty/twilio/stream\">"), twiml);
    tty.call.connect(twiml);

    tty.call.awaitMarkEchoed("greeting");
    String conversation = tty.maria.awaitAssignment();
    tty.call.types("MY STREETLIGHT IS OUT ON ELM ST GA", audio);
    JsonObject said = tty.maria.frames.await("the caller's message", f -> isMessage(f, "resident"), TURN_MS);
    assertEquals("MY STREETLIGHT IS OUT ON ELM ST GA", said.getJsonObject("entry").getJsonObject("event").getString("text"));

    var reply = tty.maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", "We'll send a crew today. Anything else?"));
    assertEquals(201, reply.statusCode(), reply.bodyAsString());
    long replySeq = reply.bodyAsJsonObject().getLong("seq");
    tty.call.awaitMarkEchoed("reply-" + replySeq);
    JsonObject delivered = tty.maria.frames.await("the reply marked delivered", f -> isEvent(f, "delivery"), TURN_MS);
    assertEquals("delivered", delivered.getJsonObject("entry").getJsonObject("event").getString("status"));

    String heard = tty.call.heardByMinimodem(audio);
    assertTrue(heard.contains("FAIRVIEW 311 TTY. HOW MAY I HELP YOU Q GA"), heard);
    assertTrue(heard.contains("WE'LL SEND A CREW TODAY. ANYTHING ELSE? GA"), heard);
    assertTrue(List.of(heard.split("[\\r\\n]+")).containsAll(List.of("FAIRVIEW 311 TTY. HOW MAY I HELP YOU Q GA", "WE'LL SEND A CREW TODAY. ANYTHING ELSE? GA")),
        "each message starts on a fresh line, so turns never run together: " + heard);

    tty.call.types("NO THX SK", audio);
    tty.maria.frames.await("the sign-off note", f -> isEvent(f, "note") && text(f).contains("SK"), TURN_MS);
    tty.call.hangUp();
    tty.maria.frames.await("the hang-up note", f -> isEvent(f, "note") && text(f).contains("hung up"), TURN_MS);

    assertEquals(List.of("FAIRVIEW 311 TTY. HOW MAY I HELP YOU Q GA", "MY STREETLIGHT IS OUT ON ELM ST GA", "We'll send a crew today. Anything else?", "NO THX SK"),
        tty.maria.storedMessages(conversation), "the line's own echo never becomes caller text");
    JsonObject opened = tty.maria.recordEntries(conversation).getJsonObject(0).getJsonObject("event");
    assertEquals("tty", opened.getString("channel"));
    assertEquals(CALLER, opened.getString("contact"));
    String transcript = tty.maria.get("/api/interactions/" + conversation + "/transcript.txt").bodyAsString();
    assertTrue(transcript.contains("Accessline (automatic): FAIRVIEW 311 TTY"), transcript);
    assertTrue(transcript.contains("[The caller typed SK: they are finishing.]"), transcript);
  }

  @Test
  void aReplyAfterTheCallerHungUpIsRecordedAsFailed() throws Exception {
    String conversation = answeredAndGreeted();
    tty.call.hangUp();
    tty.maria.frames.await("the hang-up note", f -> isEvent(f, "note"), TURN_MS);
    var reply = tty.maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", "Are you still there?"));
    assertEquals(201, reply.statusCode());
    JsonObject failed = tty.maria.frames.await("the failed delivery", f -> isEvent(f, "delivery"), TURN_MS);
    assertEquals("failed", failed.getJsonObject("entry").getJsonObject("event").getString("status"));
    assertTrue(failed.getJsonObject("entry").getJsonObject("event").getString("detail").contains("call has ended"));
  }

  @Test
  void eachCallIsItsOwnConversationEvenFromTheSameNumber() throws Exception {
    tty.maria.available();
    tty.call.connect(tty.call.answer());
    String first = tty.maria.awaitAssignment();
    tty.call.hangUp();
    try (FakeTwilioCall again = new FakeTwilioCall(tty.gateway.vertx, tty.gateway.port(), "CA" + "fedcba9876543210".repeat(2), CALLER)) {
      again.connect(again.answer());
      String second = tty.maria.frames.awaitCount("two assignments", 2, f -> isEvent(f, "assigned")).get(1).getJsonObject("entry").getString("conversationId");
      assertFalse(first.equals(second));
      assertEquals(first, tty.maria.get("/api/interactions/" + second).bodyAsJsonObject().getString("previousId"), "a caller calling back links to their last call");
    }
  }

  @Test
  void whatTheCallerTypesAfterTheAgentResolvedGoesToAFollowUpConversation() throws Exception {
    String first = answeredAndGreeted();
    assertEquals(200, tty.maria.post("/api/conversations/" + first + "/resolve", new JsonObject().put("disposition", "Information provided")).statusCode());
    tty.call.types("WAIT ONE MORE THING GA", audio);
    JsonObject assigned = tty.maria.frames.awaitCount("a second assignment", 2, f -> isEvent(f, "assigned")).get(1);
    String second = assigned.getJsonObject("entry").getString("conversationId");
    assertFalse(first.equals(second));
    List<String> said = tty.maria.residentMessages(second);
    for (long deadline = System.currentTimeMillis() + 10_000; said.isEmpty() && System.currentTimeMillis() < deadline; ) said = tty.maria.residentMessages(second);
    assertEquals(List.of("WAIT ONE MORE THING GA"), said, "the text went to the follow-up, whether it came before or after its assignment");
    assertEquals(CALLER, tty.maria.recordEntries(second).getJsonObject(0).getJsonObject("event").getString("contact"));
    assertEquals(first, tty.maria.get("/api/interactions/" + second).bodyAsJsonObject().getString("previousId"), "the follow-up links to the call's first record");
    var reply = tty.maria.post("/api/conversations/" + second + "/messages", new JsonObject().put("text", "Sure"));
    tty.call.awaitMarkEchoed("reply-" + reply.bodyAsJsonObject().getLong("seq"));
  }

  @Test
  void closingWhileTheCallerMayStillBeTypingAsksTheAgentToConfirm() throws Exception {
    String conversation = answeredAndGreeted();
    tty.call.types("MY ADDRESS IS 12 ELM ST AND", audio);
    tty.maria.frames.await("the unfinished turn", f -> isMessage(f, "resident"), TURN_MS);
    String path = "/api/conversations/" + conversation + "/resolve";
    var warned = tty.maria.post(path, new JsonObject().put("disposition", "Information provided"));
    assertEquals(409, warned.statusCode());
    assertEquals("resident_may_be_typing", warned.bodyAsJsonObject().getString("error"));
    assertEquals(200, tty.maria.post(path, new JsonObject().put("disposition", "Information provided").put("confirm", true)).statusCode());
  }

  @Test
  void theAgentCanStopAReplyThatIsBeingSent() throws Exception {
    String conversation = answeredAndGreeted();
    int greetingFrames = tty.call.frames.awaitCount("greeting audio", 1, FakeTwilioCall::isMedia).size();
    var reply = tty.maria.post("/api/conversations/" + conversation + "/messages",
        new JsonObject().put("text", "Here is a long answer that the agent will think better of before it has finished sending."));
    tty.call.frames.awaitCount("the reply starting to play", greetingFrames + 1, FakeTwilioCall::isMedia);
    var stopped = tty.maria.post("/api/conversations/" + conversation + "/tty/stop", new JsonObject());
    assertEquals(200, stopped.statusCode(), stopped.bodyAsString());
    assertEquals(1, stopped.bodyAsJsonObject().getInteger("stopped"));
    tty.call.frames.await("a clear message", f -> "clear".equals(f.getString("event")), TURN_MS);
    JsonObject undelivered = tty.maria.frames.await("the stopped reply", f -> isEvent(f, "delivery"), TURN_MS);
    assertEquals("undelivered", undelivered.getJsonObject("entry").getJsonObject("event").getString("status"));
    assertEquals(reply.bodyAsJsonObject().getLong("seq"), undelivered.getJsonObject("entry").getJsonObject("event").getLong("messageSeq"));
  }

  @Test
  void unsignedOrMissignedRequestsAreRefusedAndRecordNothing() {
    String path = "/channels/tty/twilio/voice";
    Map<String, String> fields = FakeTwilioCall.voiceFields(CALL, CALLER);
    String url = FakeTwilioCall.PUBLIC_BASE + path;
    assertEquals(403, tty.call.post(path, fields, url, null).statusCode(), "no signature");
    assertEquals(403, tty.call.post(path, fields, url, "another-accounts-token").statusCode(), "wrong token");
    assertEquals(403, tty.call.post(path, fields, "https://elsewhere.example" + path, FakeTwilioCall.AUTH_TOKEN).statusCode(), "signed for another URL");
    Map<String, String> tampered = new java.util.LinkedHashMap<>(fields);
    String signature = org.accessline.web.support.TwilioSigner.sign(FakeTwilioCall.AUTH_TOKEN, url, fields);
    tampered.put("From", "+15559999999");
    assertEquals(403, tty.call.postWithSignature(path, tampered, signature).statusCode(), "fields changed after signing");
    Map<String, String> noCall = new java.util.LinkedHashMap<>(fields);
    noCall.remove("CallSid");
    assertEquals(400, tty.call.post(path, noCall, url, FakeTwilioCall.AUTH_TOKEN).statusCode(), "no CallSid");

    String streamUrl = "wss://311.example.test/channels/tty/twilio/stream";
    for (String signature2 : new String[] {null, "bm90IGEgc2lnbmF0dXJl"}) {
      UpgradeRejectedException refused = org.junit.jupiter.api.Assertions.assertThrows(UpgradeRejectedException.class, () -> tty.call.openStream(streamUrl, signature2));
      assertEquals(403, refused.getStatus());
    }
    assertEquals(new JsonArray(), tty.maria.get("/api/conversations").bodyAsJsonObject().getJsonArray("conversations"));
  }

  @Test
  void aStreamThatIsNotEightKilohertzMuLawIsClosedAndRecordsNothing() {
    tty.maria.available();
    tty.call.connect(tty.call.answer(), new JsonObject().put("encoding", "audio/l16").put("sampleRate", 16000).put("channels", 1));
    JsonObject closed = tty.call.frames.await("the stream closed", f -> "closed".equals(f.getString("event")), TURN_MS);
    assertEquals(1003, closed.getInteger("code"));
    assertEquals(new JsonArray(), tty.maria.get("/api/conversations").bodyAsJsonObject().getJsonArray("conversations"));
  }

  /** Maria is available; the call is answered, greeted, and assigned to her. */
  private String answeredAndGreeted() {
    tty.maria.available();
    tty.call.connect(tty.call.answer());
    tty.call.awaitMarkEchoed("greeting");
    return tty.maria.awaitAssignment();
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
