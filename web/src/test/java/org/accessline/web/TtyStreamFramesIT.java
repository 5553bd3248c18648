package org.accessline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accessline.channels.tty.TtyCallSession;
import org.accessline.web.support.TtyCallGateway;
import org.accessline.web.support.TwilioSigner;
import org.accessline.web.support.TwilioWebhookClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Media stream messages Twilio would never send, over the real signed stream route: each is
 * refused, the call logs one line for all of them, and the call goes on as if they had not come.
 */
class TtyStreamFramesIT {
  private static final String CALL = "CA" + "00112233445566778899aabbccddeeff";
  private static final String CALLER = "+15557654321";
  private static final long TURN_MS = 60_000;
  private static final String STREAM = "MZ" + CALL.substring(2);

  /** Every event kind, broken in the ways a buggy or hostile peer breaks it. */
  private static final List<String> BROKEN_MEDIA_MARK_DTMF = List.of(
      "this is not JSON", "[\"media\"]", "{\"event\":42}", "{\"event\":\"media\"",
      "{\"event\":\"media\",\"streamSid\":\"" + STREAM + "\",\"media\":\"AAAA\"}",
      "{\"event\":\"media\",\"media\":[1,2,3]}",
      "{\"event\":\"media\",\"media\":{\"track\":\"inbound\"}}",
      "{\"event\":\"media\",\"media\":{\"track\":\"inbound\",\"payload\":17}}",
      "{\"event\":\"media\",\"media\":{\"track\":\"inbound\",\"payload\":\"not base64 at all!\"}}",
      "{\"event\":\"media\",\"media\":{\"track\":[],\"payload\":\"AAAA\"}}",
      "{\"event\":\"media\",\"media\":{\"track\":\"inbound\",\"payload\":\"" + "A".repeat(12_000) + "\"}}",
      "{\"event\":\"mark\",\"mark\":\"greeting\"}",
      "{\"event\":\"mark\",\"mark\":{\"name\":{\"id\":\"greeting\"}}}",
      "{\"event\":\"mark\"}",
      "{\"event\":\"dtmf\",\"dtmf\":\"5\"}",
      "{\"event\":\"dtmf\",\"dtmf\":{\"digit\":5}}",
      "{\"event\":\"start\",\"start\":\"again\"}",
      "{\"event\":\"stop\"," + "\"x\":".repeat(1) + "[".repeat(3000) + "]".repeat(3000) + "}",
      "{\"event\":\"media\",\"pad\":\"" + "x".repeat(20_000) + "\"}");

  @TempDir Path dataDir;
  private TtyCallGateway tty;
  @TempDir Path audio;
  private final List<String> logged = new ArrayList<>();
  private final ch.qos.logback.classic.Logger sessionLog = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(TtyCallSession.class);
  /** Each event as its message and its fields (the call's id is a field). */
  private final ch.qos.logback.core.AppenderBase<ch.qos.logback.classic.spi.ILoggingEvent> capture = new ch.qos.logback.core.AppenderBase<>() {
    @Override
    protected void append(ch.qos.logback.classic.spi.ILoggingEvent event) {
      synchronized (logged) {
        logged.add(event.getFormattedMessage() + " " + event.getKeyValuePairs());
      }
    }
  };

  @BeforeEach
  void start() {
    capture.start();
    sessionLog.addAppender(capture);
    tty = new TtyCallGateway(dataDir, new JsonObject(), CALL, CALLER);
  }

  @AfterEach
  void stop() {
    tty.close();
    sessionLog.detachAppender(capture);
  }

  @Test
  void brokenMediaMarkAndDtmfMessagesAreRefusedLoggedOnceAndTheCallGoesOn() throws Exception {
    tty.maria.available();
    tty.call.connect(tty.call.answer());
    for (String text : BROKEN_MEDIA_MARK_DTMF) tty.call.sendText(text);
    tty.call.awaitMarkEchoed("greeting");
    String conversation = tty.maria.awaitAssignment();
    for (String text : BROKEN_MEDIA_MARK_DTMF) tty.call.sendText(text);

    tty.call.types("MY TRASH WAS NOT PICKED UP ON OAK ST GA", audio);
    JsonObject said = tty.maria.frames.await("the caller's message", f -> isResidentMessage(f), TURN_MS);
    assertEquals("MY TRASH WAS NOT PICKED UP ON OAK ST GA", said.getJsonObject("entry").getJsonObject("event").getString("text"));
    var reply = tty.maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", "A truck will come tomorrow."));
    tty.call.awaitMarkEchoed("reply-" + reply.bodyAsJsonObject().getLong("seq"));
    tty.maria.frames.await("the reply delivered", f -> isEvent(f, "delivery"), TURN_MS);

    List<String> lines = refusalLines();
    assertEquals(1, lines.size(), "one line for " + 2 * BROKEN_MEDIA_MARK_DTMF.size() + " refused messages: " + lines);
    assertTrue(lines.get(0).contains(CALL) || lines.get(0).contains("not started"), lines.get(0));
    assertEquals(List.of("FAIRVIEW 311 TTY. HOW MAY I HELP YOU Q GA", "MY TRASH WAS NOT PICKED UP ON OAK ST GA", "A truck will come tomorrow."),
        tty.maria.storedMessages(conversation), "refused messages recorded nothing");
    assertEquals(0, tty.maria.recordEntries(conversation).stream().map(JsonObject.class::cast)
        .filter(e -> "note".equals(e.getJsonObject("event").getString("kind"))).count(), "no key press, no hang-up was made up from a broken message");
  }

  @Test
  void brokenStartMessagesAreRefusedAndTheRealStartStillOpensTheCall() {
    tty.maria.available();
    String twiml = tty.call.answer();
    Matcher url = Pattern.compile("<Stream url=\"([^\"]+)\"").matcher(twiml);
    assertTrue(url.find(), twiml);
    JsonObject parameters = new JsonObject();
    Matcher p = Pattern.compile("<Parameter name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(twiml);
    while (p.find()) parameters.put(p.group(1), p.group(2).replace("&#43;", "+"));
    WebSocket ws = tty.call.openStream(url.group(1), TwilioSigner.sign(TwilioWebhookClient.AUTH_TOKEN, url.group(1), Map.of()));
    JsonObject format = new JsonObject().put("encoding", "audio/x-mulaw").put("sampleRate", 8000).put("channels", 1);
    List<String> brokenStarts = List.of(
        "{\"event\":\"start\"}",
        "{\"event\":\"start\",\"start\":[1]}",
        start(new JsonObject().put("callSid", 12).put("mediaFormat", format).put("customParameters", parameters)),
        start(new JsonObject().put("callSid", CALL).put("mediaFormat", "audio/x-mulaw").put("customParameters", parameters)),
        start(new JsonObject().put("callSid", CALL).put("mediaFormat", format.copy().put("sampleRate", "8000")).put("customParameters", parameters)),
        start(new JsonObject().put("callSid", CALL).put("mediaFormat", format).put("customParameters", "callSid=" + CALL)),
        start(new JsonObject().put("callSid", CALL).put("mediaFormat", format).put("customParameters", parameters.copy().put("from", new JsonObject()))));
    ws.writeTextMessage(new JsonObject().put("event", "connected").put("protocol", "Call").put("version", "1.0.0").encode()).await();
    for (String text : brokenStarts) ws.writeTextMessage(text).await();
    ws.writeTextMessage(start(new JsonObject().put("callSid", CALL).put("streamSid", STREAM).put("mediaFormat", format).put("customParameters", parameters))).await();

    String conversation = tty.maria.awaitAssignment();
    assertEquals(CALLER, tty.maria.recordEntries(conversation).getJsonObject(0).getJsonObject("event").getString("contact"));
    assertTrue(!ws.isClosed(), "the stream stays open");
    List<String> lines = refusalLines();
    assertEquals(1, lines.size(), lines.toString());
    assertTrue(lines.get(0).contains("not started"), lines.get(0));
    assertEquals(1, tty.maria.get("/api/conversations").bodyAsJsonObject().getJsonArray("conversations").size(), "one conversation, from the real start");
    ws.close().await();
  }

  private static String start(JsonObject start) {
    return new JsonObject().put("event", "start").put("sequenceNumber", "1").put("streamSid", STREAM).put("start", start).encode();
  }

  private List<String> refusalLines() {
    synchronized (logged) {
      return logged.stream().filter(m -> m.contains("refused a media stream message")).toList();
    }
  }

  private static boolean isEvent(JsonObject frame, String kind) {
    return "entry".equals(frame.getString("type")) && kind.equals(frame.getJsonObject("entry").getJsonObject("event").getString("kind"));
  }

  private static boolean isResidentMessage(JsonObject frame) {
    return isEvent(frame, "message") && "resident".equals(frame.getJsonObject("entry").getJsonObject("actor").getString("role"));
  }
}
