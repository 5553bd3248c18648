package org.accessline.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.accessline.channels.tty.MuLaw;

/**
 * Twilio's side of one TTY call for the load client: 20 ms μ-law frames on the call's own clock,
 * silence until the gateway's greeting has played, then the caller's Baudot audio, then silence.
 * It plays back what the gateway sends in real time and echoes each mark when the audio before it
 * has played, as Twilio does. Used only on its event loop.
 */
final class SimulatedCall {
  static final int FRAME = 160;
  static final long FRAME_NANOS = 20_000_000;
  /** The caller starts typing this long after the greeting has played, as a person reading it would. */
  private static final int FRAMES_BEFORE_TYPING = 25;
  private static final int MAX_FRAMES_PER_TICK = 3;
  private static final String SILENCE = Base64.getEncoder().encodeToString(silence());

  final int index;
  final String callSid;
  final String text;
  private final byte[] callerAudio;
  private final String streamSid;
  private WebSocket socket;
  private Context context;
  private long startedNanos;
  private long framesSent;
  private long playedUntil;
  private final List<Object[]> marks = new ArrayList<>();
  private long typingFrom = -1;
  private int audioPosition;
  private int sequence;
  volatile long greetedNanos;
  volatile long textEndNanos;
  /** When the frame went out that completes the line's turn-end quiet after the text: from then on the turn is the gateway's to deliver. */
  volatile long quietEndNanos;
  private final int turnEndFrames;
  private long textEndFrame = -1;
  volatile boolean failed;
  private boolean stopped;

  SimulatedCall(int index, String text, byte[] callerAudio, long turnEndMillis) {
    this.index = index;
    this.turnEndFrames = (int) ((turnEndMillis + 19) / 20);
    this.callSid = String.format("CA%032x", 0xb0000000L + index);
    this.streamSid = "MZ" + callSid.substring(2);
    this.text = text;
    this.callerAudio = callerAudio;
  }

  /** The stream is open: Twilio's connected and start messages, then the audio clock runs. */
  void started(WebSocket socket, JsonObject customParameters, long now) {
    this.socket = socket;
    this.context = Vertx.currentContext();
    socket.textMessageHandler(this::received);
    send(new JsonObject().put("event", "connected").put("protocol", "Call").put("version", "1.0.0").encode());
    send(new JsonObject().put("event", "start").put("sequenceNumber", String.valueOf(++sequence)).put("streamSid", streamSid)
        .put("start", new JsonObject().put("streamSid", streamSid).put("accountSid", CallLoadClient.ACCOUNT_SID).put("callSid", callSid)
            .put("tracks", new io.vertx.core.json.JsonArray().add("inbound"))
            .put("mediaFormat", new JsonObject().put("encoding", "audio/x-mulaw").put("sampleRate", 8000).put("channels", 1))
            .put("customParameters", customParameters)).encode());
    startedNanos = now;
  }

  boolean running() {
    return socket != null && !stopped;
  }

  /**
   * Sends the frames due by {@code now}, recording how late each one is. A client that has fallen
   * behind catches up a few frames a tick rather than in one burst, so that one slow moment does
   * not hold its event loop and make it later still.
   */
  void tick(long now, Latencies lateness) {
    if (!running()) return;
    for (int n = 0; n < MAX_FRAMES_PER_TICK && startedNanos + framesSent * FRAME_NANOS <= now; n++) {
      lateness.record((now - startedNanos - framesSent * FRAME_NANOS) / 1000);
      sendFrame(now);
    }
  }

  private void sendFrame(long now) {
    String payload = SILENCE;
    if (typingFrom >= 0 && framesSent >= typingFrom && audioPosition < callerAudio.length) {
      byte[] frame = silence();
      int length = Math.min(FRAME, callerAudio.length - audioPosition);
      System.arraycopy(callerAudio, audioPosition, frame, 0, length);
      audioPosition += length;
      payload = Base64.getEncoder().encodeToString(frame);
      if (audioPosition == callerAudio.length) {
        textEndNanos = now;
        textEndFrame = framesSent;
      }
    }
    if (textEndFrame >= 0 && framesSent == textEndFrame + turnEndFrames) quietEndNanos = now;
    framesSent++;
    long clock = framesSent * FRAME;
    send("{\"event\":\"media\",\"sequenceNumber\":\"" + (++sequence) + "\",\"streamSid\":\"" + streamSid + "\",\"media\":{\"track\":\"inbound\",\"chunk\":\""
        + framesSent + "\",\"timestamp\":\"" + framesSent * 20 + "\",\"payload\":\"" + payload + "\"}}");
    for (var it = marks.iterator(); it.hasNext(); ) {
      Object[] mark = it.next();
      if ((long) mark[1] > clock) continue;
      it.remove();
      send(new JsonObject().put("event", "mark").put("sequenceNumber", String.valueOf(++sequence)).put("streamSid", streamSid)
          .put("mark", new JsonObject().put("name", mark[0])).encode());
      if ("greeting".equals(mark[0]) && typingFrom < 0) {
        typingFrom = framesSent + FRAMES_BEFORE_TYPING;
        greetedNanos = now;
      }
    }
  }

  /** What the gateway sends: its audio is queued for playback, its marks wait for that audio. */
  private void received(String message) {
    long clock = framesSent * FRAME;
    int payload = message.indexOf("\"payload\":\"");
    if (message.startsWith("{\"event\":\"media\"") && payload > 0) {
      int from = payload + 11;
      int to = message.indexOf('"', from);
      int bytes = (to - from) / 4 * 3 - (message.charAt(to - 1) == '=' ? message.charAt(to - 2) == '=' ? 2 : 1 : 0);
      playedUntil = Math.max(playedUntil, clock) + bytes;
      return;
    }
    JsonObject frame = new JsonObject(message);
    switch (frame.getString("event", "")) {
      case "media" -> playedUntil = Math.max(playedUntil, clock) + Base64.getDecoder().decode(frame.getJsonObject("media").getString("payload")).length;
      case "mark" -> marks.add(new Object[] {frame.getJsonObject("mark").getString("name"), Math.max(playedUntil, clock)});
      case "clear" -> {
        playedUntil = clock;
        for (Object[] m : marks) m[1] = clock;
      }
      default -> { }
    }
  }

  /** Hangs up on the call's own event loop, where its state lives. */
  void hangUpLater() {
    if (context != null) context.runOnContext(v -> hangUp());
  }

  private void hangUp() {
    if (!running()) return;
    stopped = true;
    send("{\"event\":\"stop\",\"sequenceNumber\":\"" + (++sequence) + "\",\"streamSid\":\"" + streamSid + "\",\"stop\":{\"accountSid\":\""
        + CallLoadClient.ACCOUNT_SID + "\",\"callSid\":\"" + callSid + "\"}}");
    socket.close();
  }

  private void send(String text) {
    if (!socket.isClosed()) socket.writeTextMessage(text);
  }

  private static byte[] silence() {
    byte[] frame = new byte[FRAME];
    Arrays.fill(frame, MuLaw.SILENCE);
    return frame;
  }
}
