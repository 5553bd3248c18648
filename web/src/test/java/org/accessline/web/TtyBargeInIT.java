package org.accessline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.accessline.web.support.FakeTwilioCall;
import org.accessline.web.support.TtyCallGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A TTY caller who types while we send: the line carries our echo (as a phone line does) and
 * their tones together. Whenever they start, every word they type reaches the agent, and what we
 * were sending is stopped and recorded as interrupted, with the agent told.
 */
class TtyBargeInIT {
  private static final String CALL = "CA" + "0123456789abcdef".repeat(2);
  private static final String CALLER = "+15551234567";
  private static final String SAID = "MY BIN WAS NOT EMPTIED THIS WEEK GA";
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

  /** The greeting waits for 1.5 s of quiet after answer and takes about 9 s to send. */
  @ParameterizedTest(name = "the caller starts typing {0} ms after answer")
  @ValueSource(longs = {500, 1_500, 3_000, 8_000})
  void everyWordTheCallerTypesReachesTheAgentWheneverTheyStart(long startMs) throws Exception {
    tty.maria.available();
    byte[] typing = FakeTwilioCall.typing(SAID, audio);
    tty.call.connect(tty.call.answer());
    tty.call.typesAt(startMs, typing);
    String conversation = tty.maria.awaitAssignment();
    JsonObject said = tty.maria.frames.await("the caller's words", f -> isMessage(f, "resident"), TURN_MS);
    JsonArray record = tty.maria.recordEntries(conversation);
    assertEquals(SAID, text(said));
    assertEquals(List.of(SAID), tty.maria.residentMessages(conversation));

    // At 1.5 s the caller and the greeting may start together: either it waits or it is cut.
    boolean greetingCut = startMs > 1_500 || record.stream().map(JsonObject.class::cast).anyMatch(e -> kind(e, "delivery"));
    if (greetingCut) {
      JsonObject greeting = find(record, e -> kind(e, "message") && text(e).startsWith("FAIRVIEW 311 TTY"));
      JsonObject cut = find(record, e -> kind(e, "delivery") && e.getJsonObject("event").getLong("messageSeq").equals(greeting.getLong("seq")));
      assertEquals("undelivered", cut.getJsonObject("event").getString("status"));
      String detail = cut.getJsonObject("event").getString("detail");
      assertTrue(detail.startsWith("Interrupted: the caller started typing"), detail);
      String sentSoFar = detail.contains("Sent before the interruption: ") ? detail.substring(detail.indexOf("Sent before the interruption: ") + "Sent before the interruption: ".length()) : "";
      assertTrue("FAIRVIEW 311 TTY. HOW MAY I HELP YOU Q GA".startsWith(sentSoFar) && sentSoFar.length() < 41, detail);
      assertTrue(record.stream().map(JsonObject.class::cast).anyMatch(e -> kind(e, "note") && text(e).contains("started typing while the greeting")));
    } else {
      assertTrue(record.stream().map(JsonObject.class::cast).noneMatch(e -> kind(e, "delivery")), "nothing was cut: " + record.encode());
    }
  }

  @Test
  void aReplyTheCallerTypesOverIsRecordedUndeliveredWithWhatWentOut() throws Exception {
    tty.maria.available();
    tty.call.connect(tty.call.answer());
    tty.call.awaitMarkEchoed("greeting");
    String conversation = tty.maria.awaitAssignment();
    byte[] typing = FakeTwilioCall.typing("WAIT I HAVE ONE MORE QUESTION GA", audio);
    int greetingFrames = tty.call.frames.all().stream().filter(FakeTwilioCall::isMedia).toList().size();
    var reply = tty.maria.post("/api/conversations/" + conversation + "/messages",
        new JsonObject().put("text", "We have scheduled a crew to visit your street tomorrow morning between eight and noon."));
    long seq = reply.bodyAsJsonObject().getLong("seq");
    tty.call.frames.awaitCount("the reply starting to play", greetingFrames + 1, FakeTwilioCall::isMedia);
    long replyStarted = tty.call.playbackStartMs(1);
    assertTrue(replyStarted > 0, "the reply is the call's second burst of audio");
    tty.call.typesAt(replyStarted + 4_000, typing);
    tty.call.frames.await("a clear message", f -> "clear".equals(f.getString("event")), TURN_MS);
    JsonObject cut = tty.maria.frames.await("the interrupted reply", f -> isEvent(f, "delivery") && f.getJsonObject("entry").getJsonObject("event").getLong("messageSeq") == seq, TURN_MS);
    assertEquals("undelivered", cut.getJsonObject("entry").getJsonObject("event").getString("status"));
    String detail = cut.getJsonObject("entry").getJsonObject("event").getString("detail");
    String sentSoFar = detail.substring(detail.indexOf("Sent before the interruption: ") + "Sent before the interruption: ".length());
    assertTrue(sentSoFar.length() >= 10 && "WE HAVE SCHEDULED A CREW TO VISIT YOUR STREET TOMORROW MORNING BETWEEN EIGHT AND NOON. GA".startsWith(sentSoFar), detail);
    tty.maria.frames.await("the note", f -> isEvent(f, "note") && text(f).contains("started typing while your reply"), TURN_MS);
    JsonObject said = tty.maria.frames.await("the caller's words", f -> isMessage(f, "resident"), TURN_MS);
    assertEquals("WAIT I HAVE ONE MORE QUESTION GA", text(said));
  }

  private static JsonObject find(JsonArray entries, java.util.function.Predicate<JsonObject> match) {
    return entries.stream().map(JsonObject.class::cast).filter(match).findFirst().orElseThrow(() -> new AssertionError("no such entry in " + entries.encode()));
  }

  private static boolean kind(JsonObject entry, String kind) {
    return kind.equals(entry.getJsonObject("event").getString("kind"));
  }

  private static boolean isEvent(JsonObject frame, String kind) {
    return "entry".equals(frame.getString("type")) && kind(frame.getJsonObject("entry"), kind);
  }

  private static boolean isMessage(JsonObject frame, String role) {
    return isEvent(frame, "message") && role.equals(frame.getJsonObject("entry").getJsonObject("actor").getString("role"));
  }

  private static String text(JsonObject frameOrEntry) {
    JsonObject entry = frameOrEntry.containsKey("entry") ? frameOrEntry.getJsonObject("entry") : frameOrEntry;
    return entry.getJsonObject("event").getString("text");
  }
}
