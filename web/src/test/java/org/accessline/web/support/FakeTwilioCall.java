package org.accessline.web.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accessline.channels.tty.AudioTools;
import org.accessline.channels.tty.MuLaw;
import org.accessline.channels.tty.WavAudio;

/**
 * Twilio's side of a TTY call, on loopback: it posts the signed voice webhook, opens the media
 * stream the TwiML names, and streams the caller's audio in 20 ms μ-law frames, {@link #SPEED}
 * times faster than real time. It plays back what the gateway sends on the same audio clock,
 * echoes each mark once the audio before it has played, and returns some of that audio as line
 * echo, as a real phone line does.
 */
public final class FakeTwilioCall implements AutoCloseable {
  public static final String ACCOUNT_SID = TwilioWebhookClient.ACCOUNT_SID;
  public static final String AUTH_TOKEN = TwilioWebhookClient.AUTH_TOKEN;
  public static final String PUBLIC_BASE = TwilioWebhookClient.PUBLIC_BASE;
  static final int SPEED = 8;
  private static final int FRAME = 160;
  private static final double ECHO = 0.3;
  /** 200 ms of the call's audio. */
  private static final int JITTER = 1_600;
  private static final Pattern STREAM_URL = Pattern.compile("<Stream url=\"([^\"]+)\"");
  private static final Pattern PARAMETER = Pattern.compile("<Parameter name=\"([^\"]+)\" value=\"([^\"]*)\"");

  private final Vertx vertx;
  private int port;
  private final TwilioWebhookClient webhooks;
  private final WebSocketClient sockets;
  public final String callSid;
  public final String from;
  public final FrameLog frames = new FrameLog();

  private WebSocket stream;
  private long timer = -1;
  // Guarded by this: the pump runs on a Vert.x thread, the test on its own.
  private final ArrayDeque<Byte> callerAudio = new ArrayDeque<>();
  private final ByteArrayOutputStream played = new ByteArrayOutputStream();
  private final ArrayDeque<byte[]> toPlay = new ArrayDeque<>();
  private final List<Object[]> marks = new ArrayList<>();
  private long clock;
  private final List<Long> playbackStarts = new ArrayList<>();
  private long playFrom;
  private long queuedUntil;
  private int sequence;

  public FakeTwilioCall(Vertx vertx, int port, String callSid, String from) {
    this.vertx = vertx;
    this.port = port;
    this.webhooks = new TwilioWebhookClient(vertx, port);
    this.sockets = vertx.createWebSocketClient();
    this.callSid = callSid;
    this.from = from;
  }

  public static Map<String, String> voiceFields(String callSid, String from) {
    return voiceFields(callSid, from, "+15550003110");
  }

  /** The voice webhook's fields for a call to {@code to}. */
  public static Map<String, String> voiceFields(String callSid, String from, String to) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("AccountSid", ACCOUNT_SID);
    fields.put("ApiVersion", "2010-04-01");
    fields.put("CallSid", callSid);
    fields.put("CallStatus", "ringing");
    fields.put("Direction", "inbound");
    fields.put("From", from);
    fields.put("To", to);
    return fields;
  }

  public HttpResponse<Buffer> post(String path, Map<String, String> fields, String signedUrl, String authToken) {
    return webhooks.post(path, fields, signedUrl, authToken);
  }

  public HttpResponse<Buffer> postWithSignature(String path, Map<String, String> fields, String signature) {
    return webhooks.postWithSignature(path, fields, signature);
  }

  /** Rings the center: the voice webhook's TwiML. */
  public String answer() {
    HttpResponse<Buffer> r = post("/channels/tty/twilio/voice", voiceFields(callSid, from), PUBLIC_BASE + "/channels/tty/twilio/voice", AUTH_TOKEN);
    if (r.statusCode() != 200) throw new IllegalStateException("voice webhook answered " + r.statusCode() + ": " + r.bodyAsString());
    return r.bodyAsString();
  }

  /** Opens the stream the TwiML names, signed as Twilio signs it, and starts the call's audio. */
  public FakeTwilioCall connect(String twiml) {
    return connect(twiml, new JsonObject().put("encoding", "audio/x-mulaw").put("sampleRate", 8000).put("channels", 1));
  }

  /**
   * Opens the stream but sends no audio by itself: the test moves the call's clock with
   * {@link #advance}, as fast as the gateway takes it, for calls of many minutes.
   */
  public FakeTwilioCall connectUnpaced(String twiml) {
    connect(twiml, new JsonObject().put("encoding", "audio/x-mulaw").put("sampleRate", 8000).put("channels", 1));
    stopPump();
    return this;
  }

  /** Sends {@code millis} of the call's audio at once (whatever the caller plays, else silence), in 20 ms frames. */
  public void advance(long millis) {
    for (long t = 0; t < millis; t += 20) pump();
  }

  public FakeTwilioCall connect(String twiml, JsonObject mediaFormat) {
    Matcher url = STREAM_URL.matcher(twiml);
    if (!url.find()) throw new IllegalStateException("no Stream in " + twiml);
    JsonObject parameters = new JsonObject();
    Matcher p = PARAMETER.matcher(twiml);
    while (p.find()) parameters.put(p.group(1), p.group(2).replace("&#43;", "+"));
    stream = openStream(url.group(1), TwilioSigner.sign(AUTH_TOKEN, url.group(1), Map.of()));
    send(new JsonObject().put("event", "connected").put("protocol", "Call").put("version", "1.1.0"));
    String streamSid = "MZ" + callSid.substring(2);
    send(new JsonObject().put("event", "start").put("streamSid", streamSid).put("start", new JsonObject()
        .put("streamSid", streamSid).put("accountSid", ACCOUNT_SID).put("callSid", callSid)
        .put("tracks", new JsonArray().add("inbound")).put("mediaFormat", mediaFormat).put("customParameters", parameters)));
    timer = vertx.setPeriodic(20 / SPEED > 0 ? 20 / SPEED : 1, t -> pump());
    return this;
  }

  /** A WebSocket to the stream path, with whatever signature header is given (none if null). */
  public WebSocket openStream(String signedUrl, String signature) {
    String path = signedUrl.replaceFirst("^wss?://[^/]+", "");
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(path);
    if (signature != null) options.addHeader("X-Twilio-Signature", signature);
    WebSocket ws = sockets.connect(options).await();
    ws.textMessageHandler(text -> received(new JsonObject(text)));
    ws.closeHandler(v -> frames.add(new JsonObject().put("event", "closed").put("code", ws.closeStatusCode())));
    return ws;
  }

  /** The caller types {@code text} on their TTY: minimodem's TDD transmitter makes the audio. */
  public void types(String text, Path work) throws Exception {
    Path wav = work.resolve("caller-" + System.nanoTime() + ".wav");
    AudioTools.minimodemTx(text, 1.5, wav);
    short[] pcm = WavAudio.read(wav).samples();
    byte[] ulaw = MuLaw.encode(pcm);
    synchronized (this) {
      for (byte b : ulaw) callerAudio.add(b);
    }
  }

  /** The μ-law audio of the caller typing {@code text}, made by minimodem, to play later with {@link #typesAt}. */
  public static byte[] typing(String text, Path work) throws Exception {
    Path wav = work.resolve("caller-" + System.nanoTime() + ".wav");
    AudioTools.minimodemTx(text, 1.5, wav);
    return MuLaw.encode(WavAudio.read(wav).samples());
  }

  /** The caller starts typing when the call's audio clock, counted from the stream's start, reaches {@code atMs}. */
  public synchronized void typesAt(long atMs, byte[] typing) {
    long startSample = atMs * 8;
    long queuedTo = clock + callerAudio.size();
    if (queuedTo > startSample) throw new IllegalStateException("the call's clock is already past " + atMs + " ms");
    for (long i = queuedTo; i < startSample; i++) callerAudio.add(MuLaw.SILENCE);
    for (byte b : typing) callerAudio.add(b);
  }

  /** When, on the call's clock in milliseconds, the {@code n}th burst of the gateway's audio (counting from 0) began to play; −1 if not yet. */
  public synchronized long playbackStartMs(int n) {
    return n < playbackStarts.size() ? playbackStarts.get(n) / 8 : -1;
  }

  /** The call's audio clock, in milliseconds since the stream started. */
  public synchronized long clockMs() {
    return clock / 8;
  }

  public synchronized boolean callerDone() {
    return callerAudio.isEmpty();
  }

  /** Everything the gateway sent, decoded by minimodem. */
  public String heardByMinimodem(Path work) throws Exception {
    byte[] audio;
    synchronized (this) {
      audio = played.toByteArray();
    }
    short[] pcm = new short[audio.length];
    for (int i = 0; i < audio.length; i++) pcm[i] = MuLaw.decode(audio[i]);
    Path wav = work.resolve("heard-" + System.nanoTime() + ".wav");
    WavAudio.write(wav, 8000, pcm);
    return AudioTools.minimodemRx(wav);
  }

  public static boolean isMedia(JsonObject message) {
    return "media".equals(message.getString("event"));
  }

  /** Waits, on the call's clock, for the gateway to mark {@code name} as played. */
  public JsonObject awaitMarkEchoed(String name) {
    return frames.await("mark " + name + " played", f -> "mark-echoed".equals(f.getString("event")) && name.equals(f.getString("name")), 60_000);
  }

  /**
   * The stream's far end is gone (the node carrying it lost): the socket closes with no stop, and
   * Twilio goes on to the TwiML after the {@code <Connect>}, holding the call.
   */
  public void streamDropped() {
    stopPump();
    if (stream != null && !stream.isClosed()) stream.close().await();
  }

  /** Twilio follows new TwiML for the call: its stream opens to the URL there, reaching the node on {@code nodePort} (wherever the load balancer sends it). */
  public void follow(String twiml, int nodePort) {
    synchronized (this) {
      port = nodePort;
      followed.add(twiml);
    }
    connect(twiml);
  }

  private final List<String> followed = new ArrayList<>();

  /** The TwiML of each Calls API update the call followed. */
  public synchronized List<String> followed() {
    return List.copyOf(followed);
  }

  public void hangUp() {
    send(new JsonObject().put("event", "stop").put("streamSid", "MZ" + callSid.substring(2))
        .put("stop", new JsonObject().put("accountSid", ACCOUNT_SID).put("callSid", callSid)));
    stopPump();
    stream.close().await();
  }

  public void send(JsonObject message) {
    message.put("sequenceNumber", String.valueOf(++sequence));
    stream.writeTextMessage(message.encode()).await();
  }

  /** Exactly this text on the call's stream, for messages Twilio would never send. */
  public void sendText(String text) {
    stream.writeTextMessage(text).await();
  }

  private synchronized void received(JsonObject message) {
    frames.add(message);
    switch (message.getString("event", "")) {
      case "media" -> {
        byte[] audio = Base64.getDecoder().decode(message.getJsonObject("media").getString("payload"));
        if (queuedUntil <= clock) {
          // A burst starts: like Twilio's jitter buffer, hold it briefly so frames still on their way
          // play on time (at SPEED times real time, a frame's slot is only a few milliseconds).
          queuedUntil = clock + JITTER;
          playFrom = queuedUntil;
          playbackStarts.add(queuedUntil);
        }
        toPlay.add(audio);
        queuedUntil += audio.length;
      }
      case "mark" -> marks.add(new Object[] {message.getJsonObject("mark").getString("name"), Math.max(queuedUntil, clock)});
      case "clear" -> {
        toPlay.clear();
        queuedUntil = clock;
        for (Object[] m : marks) m[1] = clock;
      }
      default -> { }
    }
  }

  /** One 20 ms frame each way: the caller's audio (plus echo of what plays now) in, our playback advanced. */
  private synchronized void pump() {
    if (stream == null || stream.isClosed()) return;
    byte[] out = toPlay.isEmpty() || clock < playFrom ? null : toPlay.poll();
    if (out != null) played.writeBytes(out);
    byte[] frame = new byte[FRAME];
    for (int i = 0; i < FRAME; i++) {
      int caller = callerAudio.isEmpty() ? 0 : MuLaw.decode(callerAudio.poll());
      int echo = out == null || i >= out.length ? 0 : (int) (MuLaw.decode(out[i]) * ECHO);
      frame[i] = MuLaw.encode((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, caller + echo)));
    }
    clock += FRAME;
    String streamSid = "MZ" + callSid.substring(2);
    stream.writeTextMessage(new JsonObject().put("event", "media").put("sequenceNumber", String.valueOf(++sequence)).put("streamSid", streamSid)
        .put("media", new JsonObject().put("track", "inbound").put("timestamp", String.valueOf(clock / 8))
            .put("payload", Base64.getEncoder().encodeToString(frame))).encode());
    for (var it = marks.iterator(); it.hasNext(); ) {
      Object[] m = it.next();
      if ((long) m[1] > clock) continue;
      it.remove();
      stream.writeTextMessage(new JsonObject().put("event", "mark").put("sequenceNumber", String.valueOf(++sequence)).put("streamSid", streamSid)
          .put("mark", new JsonObject().put("name", m[0])).encode());
      frames.add(new JsonObject().put("event", "mark-echoed").put("name", m[0]));
    }
  }

  private void stopPump() {
    if (timer >= 0) vertx.cancelTimer(timer);
    timer = -1;
  }

  @Override
  public void close() {
    stopPump();
    if (stream != null && !stream.isClosed()) stream.close().await();
    webhooks.close();
    sockets.close().await();
  }

  public static void require() {
    AudioTools.require("minimodem", "sox");
  }

  /** Everything the gateway's audio that has played so far, as 8 kHz samples. */
  public synchronized short[] playedAudio() {
    byte[] ulaw = played.toByteArray();
    short[] pcm = new short[ulaw.length];
    for (int i = 0; i < ulaw.length; i++) pcm[i] = MuLaw.decode(ulaw[i]);
    return pcm;
  }

  /** The caller's line carries this audio from now on, mixed with whatever it already carries (line noise, typing). */
  public synchronized void plays(short[] pcm) {
    int overlap = Math.min(pcm.length, callerAudio.size());
    byte[] mixed = new byte[pcm.length];
    for (int i = 0; i < pcm.length; i++) {
      int queued = i < overlap ? MuLaw.decode(callerAudio.poll()) : 0;
      mixed[i] = MuLaw.encode((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, queued + pcm[i])));
    }
    for (int i = pcm.length - 1; i >= 0; i--) callerAudio.addFirst(mixed[i]);
  }
}
