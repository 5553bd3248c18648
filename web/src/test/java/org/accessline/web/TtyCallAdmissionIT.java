package org.accessline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.FakeTwilioCall;
import org.accessline.web.support.TtyCallGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only the stream Twilio opens for a call we answered carries that tty.call. The upgrade signature
 * covers only the fixed stream URL, so every forged stream here is signed correctly; what stops it
 * is the single-use token the voice webhook put in the TwiML. Each refused stream is closed with
 * 1008 and records nothing, and the real call goes on. A number calling too often is rejected busy.
 */
class TtyCallAdmissionIT {
  private static final String CALL = "CA" + "0123456789abcdef".repeat(2);
  private static final String FORGED = "CA" + "9999aaaa9999aaaa".repeat(2);
  private static final String CALLER = "+15551234567";
  private static final String STREAM = "wss://311.example.test/channels/tty/twilio/stream";
  private static final long TURN_MS = 60_000;

  @TempDir Path dataDir;
  private TtyCallGateway tty;
  @TempDir Path audio;
  private AgentClient sam;

  @BeforeEach
  void start() {
    tty = new TtyCallGateway(dataDir, new JsonObject().put("streamTokenSeconds", 2).put("callsPerNumber", 3).put("callWindowMinutes", 10), CALL, CALLER);
    sam = new AgentClient(tty.gateway.vertx, tty.gateway.port()).signedIn("sam");
  }

  @AfterEach
  void stop() {
    sam.close();
    tty.close();
  }

  @Test
  void aReplayedSignatureForACallWeNeverAnsweredIsRefused() throws Exception {
    String conversation = liveCall();
    try (FakeTwilioCall forged = new FakeTwilioCall(tty.gateway.vertx, tty.gateway.port(), FORGED, "+15550009999")) {
      forged.connect(twiml(FORGED, "+15550009999", "a-guessed-token"));
      assertRefused(forged);
    }
    try (FakeTwilioCall noToken = new FakeTwilioCall(tty.gateway.vertx, tty.gateway.port(), FORGED, "+15550009999")) {
      noToken.connect("<Stream url=\"" + STREAM + "\"><Parameter name=\"from\" value=\"+15550009999\"/><Parameter name=\"callSid\" value=\"" + FORGED + "\"/>");
      assertRefused(noToken);
    }
    assertRealCallUnaffected(conversation);
  }

  @Test
  void aSecondStreamOnALiveCallIsRefused() throws Exception {
    tty.maria.available();
    String twiml = tty.call.answer();
    tty.call.connect(twiml);
    tty.call.awaitMarkEchoed("greeting");
    String conversation = tty.maria.awaitAssignment();
    // The real TwiML's token, captured and presented again, and a replayed voice webhook for the tty.call.
    try (FakeTwilioCall second = new FakeTwilioCall(tty.gateway.vertx, tty.gateway.port(), CALL, CALLER)) {
      second.connect(twiml);
      assertRefused(second);
      assertEquals(409, second.post("/channels/tty/twilio/voice", FakeTwilioCall.voiceFields(CALL, CALLER),
          FakeTwilioCall.PUBLIC_BASE + "/channels/tty/twilio/voice", FakeTwilioCall.AUTH_TOKEN).statusCode(), "a replayed answer gets no token");
    }
    assertRealCallUnaffected(conversation);
  }

  @Test
  void aTokenUsedByACallThatEndedIsRefused() {
    tty.maria.available();
    String twiml = tty.call.answer();
    tty.call.connect(twiml);
    String conversation = tty.maria.awaitAssignment();
    tty.call.hangUp();
    tty.maria.frames.await("the hang-up note", f -> isEvent(f, "note") && text(f).contains("hung up"), TURN_MS);
    int entries = tty.maria.recordEntries(conversation).size();
    try (FakeTwilioCall reused = new FakeTwilioCall(tty.gateway.vertx, tty.gateway.port(), CALL, CALLER)) {
      reused.connect(twiml);
      assertRefused(reused);
    }
    assertEquals(entries, tty.maria.recordEntries(conversation).size(), "nothing added to the ended call's record");
  }

  @Test
  void anExpiredTokenIsRefusedAndAFreshAnswerStillWorks() throws Exception {
    tty.maria.available();
    String twiml = tty.call.answer();
    Thread.sleep(2_200);
    tty.call.connect(twiml);
    assertRefused(tty.call);
    try (FakeTwilioCall again = new FakeTwilioCall(tty.gateway.vertx, tty.gateway.port(), CALL, CALLER)) {
      again.connect(again.answer());
      again.awaitMarkEchoed("greeting");
      tty.maria.awaitAssignment();
      assertEquals(1, ttyRecords(), "the call opens once, from its fresh answer");
    }
  }

  @Test
  void aNumberCallingTooOftenIsRejectedBusyAndOpensNothing() {
    for (int i = 0; i < 3; i++) {
      String sid = "CA" + String.format("%032x", i);
      String twiml = new FakeTwilioCall(tty.gateway.vertx, tty.gateway.port(), sid, CALLER).answer();
      assertTrue(twiml.contains("<Stream"), twiml);
    }
    FakeTwilioCall fourth = new FakeTwilioCall(tty.gateway.vertx, tty.gateway.port(), "CA" + String.format("%032x", 3), CALLER);
    String rejected = fourth.answer();
    assertTrue(rejected.contains("<Reject reason=\"busy\"/>"), rejected);
    assertTrue(!rejected.contains("<Stream"), "no stream, so no token, for a rejected call");
    fourth.close();
    String other = new FakeTwilioCall(tty.gateway.vertx, tty.gateway.port(), "CA" + String.format("%032x", 4), "+15557654321").answer();
    assertTrue(other.contains("<Stream"), "another number is still answered");
    assertEquals(0, ttyRecords(), "answering opens nothing until the stream starts");
  }

  /** Maria is available and has the live call's conversation. */
  private String liveCall() {
    tty.maria.available();
    tty.call.connect(tty.call.answer());
    tty.call.awaitMarkEchoed("greeting");
    return tty.maria.awaitAssignment();
  }

  private void assertRefused(FakeTwilioCall stream) {
    JsonObject closed = stream.frames.await("the forged stream closed", f -> "closed".equals(f.getString("event")), TURN_MS);
    assertEquals(1008, closed.getInteger("code"));
    assertTrue(stream.frames.all().stream().noneMatch(FakeTwilioCall::isMedia), "a refused stream is sent no audio");
  }

  /** The real call still has one record, its caller's words reach the agent, and the reply plays on its own stream. */
  private void assertRealCallUnaffected(String conversation) throws Exception {
    assertEquals(1, ttyRecords(), "the forged streams opened no conversation");
    tty.call.types("MY BIN WAS NOT EMPTIED GA", audio);
    tty.maria.frames.await("the real caller's words", f -> isEvent(f, "message") && "MY BIN WAS NOT EMPTIED GA".equals(text(f)), TURN_MS);
    var reply = tty.maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", "We will come back tomorrow"));
    tty.call.awaitMarkEchoed("reply-" + reply.bodyAsJsonObject().getLong("seq"));
    assertTrue(tty.call.heardByMinimodem(audio).contains("WE WILL COME BACK TOMORROW GA"));
    assertEquals(List.of("MY BIN WAS NOT EMPTIED GA"), tty.maria.residentMessages(conversation));
  }

  private int ttyRecords() {
    return sam.get("/api/interactions?channel=tty").bodyAsJsonObject().getJsonArray("records").size();
  }

  private static String twiml(String callSid, String from, String token) {
    return "<Stream url=\"" + STREAM + "\"><Parameter name=\"from\" value=\"" + from + "\"/><Parameter name=\"callSid\" value=\"" + callSid
        + "\"/><Parameter name=\"streamToken\" value=\"" + token + "\"/>";
  }

  private static boolean isEvent(JsonObject frame, String kind) {
    return "entry".equals(frame.getString("type")) && kind.equals(frame.getJsonObject("entry").getJsonObject("event").getString("kind"));
  }

  private static String text(JsonObject frame) {
    return frame.getJsonObject("entry").getJsonObject("event").getString("text");
  }
}
