package org.accessline.web.followups;

import static org.accessline.web.support.SmsTexts.INBOUND;
import static org.accessline.web.support.SmsTexts.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.accessline.web.support.FakeTwilioApi;
import org.accessline.web.support.FakeTwilioCall;
import org.accessline.web.support.SmsGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A follow-up done by outbound TTY call through the stand-in Calls API: the gateway types first,
 * the resident's TTY (minimodem) reads it and answers, and the agent and resident talk in the
 * linked conversation; calls not answered are recorded and retried; a forged status callback is refused.
 */
class OutboundTtyCallIT {
  private static final String RESIDENT = "+15551230888";
  private static final String CALLER_NUMBER = "+15550003111";
  private static final long TURN_MS = 60_000;

  @TempDir Path dataDir;
  @TempDir Path audio;
  private SmsGateway sms;

  @BeforeEach
  void start() {
    FakeTwilioCall.require();
    sms = new SmsGateway(dataDir, 4, new JsonObject(), new JsonObject().put("followUps", new JsonObject().put("callerNumber", CALLER_NUMBER)
        .put("attempts", 3).put("retrySeconds", 1)));
  }

  @AfterEach
  void stop() {
    sms.close();
  }

  private String origin() {
    sms.maria.available();
    var answer = sms.webhooks.post(INBOUND, text(sms.nextSid(), RESIDENT, "The streetlight on Oak St is out"));
    assertEquals(200, answer.statusCode(), answer.bodyAsString());
    return sms.maria.awaitAssignment();
  }

  private String followUp(String record) {
    var made = sms.maria.post("/api/records/" + record + "/follow-ups", new JsonObject().put("due", Instant.now().toString()).put("owner", "agent:maria")
        .put("channel", "tty-call").put("note", "call back on the TTY"));
    assertEquals(201, made.statusCode(), made.bodyAsString());
    return made.bodyAsJsonObject().getString("id");
  }

  private JsonObject doIt(String id) {
    var done = sms.maria.post("/api/follow-ups/" + id + "/do", new JsonObject());
    assertEquals(202, done.statusCode(), done.bodyAsString());
    return done.bodyAsJsonObject();
  }

  private JsonObject awaitFollowUp(String record, Predicate<JsonObject> until) {
    long deadline = System.currentTimeMillis() + 20_000;
    JsonObject last = null;
    while (System.currentTimeMillis() < deadline) {
      last = sms.maria.get("/api/records/" + record + "/follow-ups").bodyAsJsonObject().getJsonArray("followUps").getJsonObject(0);
      if (until.test(last)) return last;
      Thread.onSpinWait();
    }
    throw new AssertionError("the follow-up never got there: " + last);
  }

  private boolean recordSays(String record, String kind, String text) {
    return sms.maria.recordEntries(record).stream().map(e -> ((JsonObject) e).getJsonObject("event"))
        .anyMatch(e -> kind.equals(e.getString("kind")) && e.getString("text", "").contains(text));
  }

  @Test
  void theGatewayTypesFirstTheResidentAnswersAndTheAgentsReplyReachesTheirTty() throws Exception {
    String origin = origin();
    String id = followUp(origin);
    sms.twilio.placeCalls(sms.gateway.port(), FakeTwilioApi.Placing.ANSWER);
    JsonObject placed = doIt(id);
    String linked = placed.getString("conversationId");

    FakeTwilioApi.Sent create = sms.twilio.callsPlaced().get(0);
    assertEquals(RESIDENT, create.fields().get("To"));
    assertEquals(CALLER_NUMBER, create.fields().get("From"));
    assertTrue(create.fields().get("Twiml").contains("<Connect><Stream url=\"wss://311.example.test/channels/tty/twilio/stream\">"), create.fields().get("Twiml"));
    assertFalse(create.fields().containsKey("MachineDetection"), "answering-machine detection misreads TTY tones");
    assertEquals("initiated ringing answered completed", create.fields().get("StatusCallbackEvent"));
    assertTrue(create.fields().get("StatusCallback").startsWith(FakeTwilioCall.PUBLIC_BASE + "/channels/tty/twilio/outbound-status/"));

    FakeTwilioCall call = sms.twilio.awaitAnswered();
    call.awaitMarkEchoed("greeting");
    call.types("YES THIS IS ANA GA", audio);
    long deadline = System.currentTimeMillis() + TURN_MS;
    while (!recordSays(linked, "message", "YES THIS IS ANA GA")) {
      if (System.currentTimeMillis() > deadline) throw new AssertionError("the resident's words never reached the linked conversation");
      Thread.sleep(100);
    }
    var reply = sms.maria.post("/api/conversations/" + linked + "/messages", new JsonObject().put("text", "The Oak St light is fixed."));
    assertEquals(201, reply.statusCode(), reply.bodyAsString());
    call.awaitMarkEchoed("reply-" + reply.bodyAsJsonObject().getLong("seq"));
    String heard = call.heardByMinimodem(audio);
    assertTrue(heard.contains("HELLO THIS IS FAIRVIEW 311 CALLING YOU BACK ABOUT YOUR REQUEST GA"), heard);
    assertTrue(heard.contains("THE OAK ST LIGHT IS FIXED."), heard);
    assertTrue(recordSays(origin, "note", linked), "the followed-up record links the call's conversation");

    assertEquals(204, FakeTwilioApi.status(call, create.fields(), "completed"));
    JsonObject done = awaitFollowUp(origin, f -> "done".equals(f.getString("state")));
    assertEquals(linked, done.getString("conversationId"));
  }

  @Test
  void noAnswerThenBusyAreRecordedAndRetriedThenTheCallIsAnswered() throws Exception {
    String origin = origin();
    String id = followUp(origin);
    sms.twilio.placeCalls(sms.gateway.port(), new FakeTwilioApi.Placing("no-answer"), new FakeTwilioApi.Placing("busy"), FakeTwilioApi.Placing.ANSWER);
    doIt(id);
    JsonObject first = awaitFollowUp(origin, f -> "scheduled".equals(f.getString("state")) && "no answer".equals(f.getString("lastOutcome")));
    assertEquals(1, first.getInteger("attempts"));
    Thread.sleep(1_100);
    doIt(id);
    JsonObject second = awaitFollowUp(origin, f -> "scheduled".equals(f.getString("state")) && "the line was busy".equals(f.getString("lastOutcome")));
    assertEquals(2, second.getInteger("attempts"));
    Thread.sleep(1_100);
    doIt(id);
    FakeTwilioCall call = sms.twilio.awaitAnswered();
    call.awaitMarkEchoed("greeting");
    FakeTwilioApi.Sent third = sms.twilio.callsPlaced().get(2);
    assertEquals(204, FakeTwilioApi.status(call, third.fields(), "completed"));
    assertEquals(204, FakeTwilioApi.status(call, third.fields(), "completed"), "a retried callback is taken and changes nothing twice");
    JsonObject done = awaitFollowUp(origin, f -> "done".equals(f.getString("state")));
    assertEquals(3, done.getInteger("attempts"));
  }

  /** The gateway again, with follow-up calls that end after {@code callLimitSeconds} with no end reported. */
  private void restartWithCallLimit(Path fresh, int callLimitSeconds) {
    sms.close();
    sms = new SmsGateway(fresh, 4, new JsonObject(), new JsonObject().put("followUps", new JsonObject().put("callerNumber", CALLER_NUMBER)
        .put("attempts", 3).put("retrySeconds", 1).put("callLimitSeconds", callLimitSeconds)));
  }

  private JsonArray entriesOf(String conversation) {
    return sms.maria.recordEntries(conversation);
  }

  @Test
  void aCallTwilioRefusesIsAFailedAttemptItsConversationClosedAndTheRetryPlacesIt() throws Exception {
    String origin = origin();
    String id = followUp(origin);
    sms.twilio.placeCalls(sms.gateway.port(), FakeTwilioApi.Placing.REFUSE, FakeTwilioApi.Placing.ANSWER);
    var refused = sms.maria.post("/api/follow-ups/" + id + "/do", new JsonObject());
    assertEquals(502, refused.statusCode(), refused.bodyAsString());
    assertEquals("call_not_placed", refused.bodyAsJsonObject().getString("error"));
    JsonObject failed = awaitFollowUp(origin, f -> "scheduled".equals(f.getString("state")));
    assertEquals(1, failed.getInteger("attempts"), "a call Twilio refused is an attempt, counted against the retries");
    assertTrue(failed.getString("lastOutcome").startsWith("the call could not be placed"), failed.encode());
    String orphan = failed.getString("conversationId");
    List<String> kinds = entriesOf(orphan).stream().map(e -> ((JsonObject) e).getJsonObject("event").getString("kind")).toList();
    assertEquals("resolved", kinds.get(kinds.size() - 1), "the conversation opened for the call is closed, with the reason noted: " + kinds);
    assertTrue(recordSays(orphan, "note", "The follow-up call was not placed"), entriesOf(orphan).encode());

    Thread.sleep(1_100);
    JsonObject again = doIt(id);
    assertEquals(2, again.getInteger("attempts"));
    assertEquals(2, sms.twilio.callsPlaced().size());
    FakeTwilioCall call = sms.twilio.awaitAnswered();
    call.awaitMarkEchoed("greeting");
  }

  @Test
  void aPlacingWithNoAnswerIsNeverPlacedAgainAndACallWithNoEndReportedEndsAtTheLimit(@TempDir Path fresh) {
    restartWithCallLimit(fresh, 4);
    String origin = origin();
    String id = followUp(origin);
    sms.twilio.placeCalls(sms.gateway.port(), FakeTwilioApi.Placing.DROP);
    JsonObject unsure = doIt(id);
    assertEquals("in-progress", unsure.getString("state"), "Twilio may have taken it: the attempt stays on, to be ended, not made again");
    var retried = sms.maria.post("/api/follow-ups/" + id + "/do", new JsonObject());
    assertEquals(409, retried.statusCode(), retried.bodyAsString());
    assertEquals(1, sms.twilio.callsPlaced().size(), "a retried do rings the resident once");

    JsonObject ended = awaitFollowUp(origin, f -> "scheduled".equals(f.getString("state")));
    assertEquals(1, ended.getInteger("attempts"));
    assertTrue(ended.getString("lastOutcome").startsWith("no end of the call was reported within 4 s"), ended.encode());
    assertTrue(recordSays(ended.getString("conversationId"), "note", "the gateway ended it"), entriesOf(ended.getString("conversationId")).encode());
    assertEquals(1, sms.twilio.callsPlaced().size());
  }

  @Test
  void aForgedStatusCallbackIsRefusedAndChangesNothing() throws Exception {
    String origin = origin();
    String id = followUp(origin);
    sms.twilio.placeCalls(sms.gateway.port());
    doIt(id);
    FakeTwilioApi.Sent create = sms.twilio.callsPlaced().get(0);
    String url = create.fields().get("StatusCallback");
    FakeTwilioCall forger = new FakeTwilioCall(sms.gateway.vertx, sms.gateway.port(), "CA" + "ab".repeat(16), RESIDENT);
    var forged = forger.post(url.replaceFirst("^https?://[^/]+", ""), Map.of("CallSid", forger.callSid, "CallStatus", "busy"), url, "not-the-auth-token");
    assertEquals(403, forged.statusCode());
    JsonObject still = awaitFollowUp(origin, f -> true);
    assertEquals("in-progress", still.getString("state"));
  }
}
