package org.accessline.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accessline.channels.tty.BaudotModulator;
import org.accessline.channels.tty.ModemSettings;
import org.accessline.channels.tty.MuLaw;
import org.accessline.web.support.FakeTwilioCall;
import org.accessline.web.support.TwilioSigner;
import org.accessline.web.support.TwilioWebhookClient;

/**
 * The load side of {@link CallBenchmark}, in its own JVM: it signs agents in on the console socket,
 * then rings the gateway's signed voice webhook for each call, opens the signed media stream the
 * TwiML names (passing the TwiML's stream parameters back in {@code start}, as Twilio does), and
 * streams each caller's distinct text in real time. It reports whether each text reached an agent
 * exactly, the turn latency from the caller's last character to the agent's console, and how late
 * its own 20 ms frames went out. Its last line is {@code RESULT key=value ...}.
 *
 * <p>Options: --port P, --calls N, --agents A, --password W, --ramp-ms R, --turn-end-ms T, --loops L.
 */
public final class CallLoadClient {
  static final String ACCOUNT_SID = TwilioWebhookClient.ACCOUNT_SID;
  private static final String VOICE_PATH = "/channels/tty/twilio/voice";
  private static final Pattern STREAM_URL = Pattern.compile("<Stream url=\"([^\"]+)\"");
  private static final Pattern PARAMETER = Pattern.compile("<Parameter name=\"([^\"]+)\" value=\"([^\"]*)\"");
  private static final Pattern CALLER_NUMBER = Pattern.compile("CALLER (\\d+) ");

  private final Map<String, String> o;
  private final int port;
  private final int calls;
  private final Vertx vertx;
  private final WebClient http;
  private final WebSocketClient sockets;
  private final List<SimulatedCall> all = new ArrayList<>();
  private final Map<Integer, Boolean> arrived = new ConcurrentHashMap<>();
  private final Latencies turnLatency = new Latencies();
  private final Latencies afterQuiet = new Latencies();
  private final AtomicInteger garbled = new AtomicInteger();
  private final AtomicInteger duplicates = new AtomicInteger();
  private final AtomicInteger failedCalls = new AtomicInteger();
  private final List<String> samplesOfGarbled = new ArrayList<>();

  private CallLoadClient(Map<String, String> o) {
    this.o = o;
    this.port = Integer.parseInt(o.get("port"));
    this.calls = Integer.parseInt(o.get("calls"));
    // One event loop more than the calls use: the agents' consoles get their own, so that a console
    // frame is timed when it arrives, not when the calls' frames let it through.
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Integer.parseInt(o.get("loops")) + 1));
    this.http = WebClient.create(vertx);
    this.sockets = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(calls + Integer.parseInt(o.get("agents")) + 16));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new HashMap<>(Map.of("calls", "100", "agents", "3", "password", "bench-password", "ramp-ms", "5000", "turn-end-ms", "1200", "loops", "2"));
    for (int i = 0; i + 1 < args.length; i += 2) o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    new CallLoadClient(o).run();
    System.exit(0);
  }

  private void run() throws Exception {
    signInAgents(Integer.parseInt(o.get("agents")), o.get("password"));
    BaudotModulator modulator = new BaudotModulator(ModemSettings.US_TTY);
    long longest = 0;
    for (int i = 0; i < calls; i++) {
      String text = "CALLER " + i + " NEEDS A BULK PICKUP ON ELM ST GA";
      byte[] audio = MuLaw.encode(modulator.modulate(text));
      longest = Math.max(longest, audio.length / 8);
      all.add(new SimulatedCall(i, text, audio, Long.parseLong(o.get("turn-end-ms"))));
    }
    int loops = Integer.parseInt(o.get("loops"));
    long ramp = Long.parseLong(o.get("ramp-ms"));
    List<Latencies> lateness = new ArrayList<>();
    long began = System.nanoTime();
    for (int l = 0; l < loops; l++) {
      Context context = vertx.getOrCreateContext();
      Latencies late = new Latencies();
      lateness.add(late);
      List<SimulatedCall> mine = new ArrayList<>();
      for (int i = l; i < calls; i += loops) mine.add(all.get(i));
      context.runOnContext(v -> {
        vertx.setPeriodic(5, t -> {
          long now = System.nanoTime();
          for (SimulatedCall call : mine) call.tick(now, late);
        });
        for (SimulatedCall call : mine) vertx.setTimer(1 + ramp * call.index / calls, t -> place(call));
      });
    }
    // Every text has arrived, or every caller has finished typing and had ample time for it to
    // arrive; a hard limit covers a gateway that never greets.
    long hardLimit = began + TimeUnit.MILLISECONDS.toNanos(ramp + longest + 180_000);
    while (arrived.size() + failedCalls.get() < calls && System.nanoTime() < hardLimit) {
      long lastTyped = 0;
      boolean allTyped = true;
      for (SimulatedCall call : all) {
        if (call.textEndNanos == 0 && !call.failed) allTyped = false;
        lastTyped = Math.max(lastTyped, call.textEndNanos);
      }
      if (allTyped && System.nanoTime() - lastTyped > TimeUnit.SECONDS.toNanos(20)) break;
      Thread.sleep(100);
    }
    Thread.sleep(1500);
    for (SimulatedCall call : all) call.hangUpLater();
    Thread.sleep(1000);
    report(lateness);
  }

  private void place(SimulatedCall call) {
    Map<String, String> fields = FakeTwilioCall.voiceFields(call.callSid, String.format("+1555%07d", call.index));
    StringBuilder body = new StringBuilder();
    fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    String signature = TwilioSigner.sign(TwilioWebhookClient.AUTH_TOKEN, TwilioWebhookClient.PUBLIC_BASE + VOICE_PATH, fields);
    http.post(port, "127.0.0.1", VOICE_PATH).putHeader("Content-Type", "application/x-www-form-urlencoded").putHeader("X-Twilio-Signature", signature)
        .sendBuffer(Buffer.buffer(body.toString()))
        .compose(answer -> {
          if (answer.statusCode() != 200) return Future.failedFuture("the voice webhook answered " + answer.statusCode());
          String twiml = answer.bodyAsString();
          Matcher url = STREAM_URL.matcher(twiml);
          if (!url.find()) return Future.failedFuture("no <Stream> in " + twiml);
          JsonObject parameters = new JsonObject();
          Matcher p = PARAMETER.matcher(twiml);
          while (p.find()) parameters.put(unescape(p.group(1)), unescape(p.group(2)));
          String streamUrl = unescape(url.group(1));
          WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
              .setURI(streamUrl.replaceFirst("^wss?://[^/]+", "")).addHeader("X-Twilio-Signature", TwilioSigner.sign(TwilioWebhookClient.AUTH_TOKEN, streamUrl, Map.of()));
          return sockets.connect(options).map(ws -> {
            call.started(ws, parameters, System.nanoTime());
            return ws;
          });
        })
        .onFailure(e -> {
          call.failed = true;
          failedCalls.incrementAndGet();
          System.out.println("  call " + call.index + " failed: " + e.getMessage());
        });
  }

  private void signInAgents(int agents, String password) throws Exception {
    List<Future<?>> ready = new ArrayList<>();
    java.util.concurrent.CompletableFuture<List<Future<?>>> signedIn = new java.util.concurrent.CompletableFuture<>();
    Context consoles = vertx.getOrCreateContext();
    consoles.runOnContext(v -> {
      for (int a = 0; a < agents; a++) {
        ready.add(http.post(port, "127.0.0.1", "/api/session").sendJsonObject(new JsonObject().put("username", "agent" + a).put("password", password))
            .compose(r -> {
              if (r.statusCode() != 200 || r.cookies().isEmpty()) return Future.failedFuture("sign-in answered " + r.statusCode());
              String cookie = r.cookies().get(0).split(";", 2)[0];
              ClientWebSocket console = sockets.webSocket();
              console.textMessageHandler(this::onConsoleFrame);
              return console.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/agent/socket").addHeader("Cookie", cookie))
                  .compose(ws -> http.put(port, "127.0.0.1", "/api/presence").putHeader("Cookie", cookie).sendJsonObject(new JsonObject().put("presence", "available")));
            }));
      }
      signedIn.complete(ready);
    });
    Future.all(signedIn.get(60, TimeUnit.SECONDS)).await();
  }

  /** A caller's message on an agent's console: which call it is, whether it is exact, and how long it took. */
  private void onConsoleFrame(String text) {
    long now = System.nanoTime();
    if (!text.contains("\"resident\"")) return;
    JsonObject frame = new JsonObject(text);
    if (!"entry".equals(frame.getString("type"))) return;
    JsonObject entry = frame.getJsonObject("entry");
    JsonObject event = entry.getJsonObject("event");
    if (!"message".equals(event.getString("kind")) || !"resident".equals(entry.getJsonObject("actor").getString("role"))) return;
    String said = event.getString("text", "");
    Matcher number = CALLER_NUMBER.matcher(said);
    SimulatedCall call = number.lookingAt() ? byIndex(number.group(1)) : null;
    synchronized (this) {
      if (call == null || !call.text.equals(said)) {
        garbled.incrementAndGet();
        if (samplesOfGarbled.size() < 5) samplesOfGarbled.add(said);
      } else if (arrived.putIfAbsent(call.index, true) != null) {
        duplicates.incrementAndGet();
      } else {
        turnLatency.record((now - call.textEndNanos) / 1000);
        if (call.quietEndNanos != 0) afterQuiet.record(Math.max(0, now - call.quietEndNanos) / 1000);
      }
    }
  }

  private SimulatedCall byIndex(String digits) {
    int i = Integer.parseInt(digits);
    return i < all.size() ? all.get(i) : null;
  }

  private void report(List<Latencies> lateness) {
    Latencies late = new Latencies();
    for (Latencies l : lateness) late.addAll(l);
    int exact = arrived.size();
    int missing = calls - exact - failedCalls.get();
    double cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(-1.0);
    long greeted = all.stream().filter(c -> c.greetedNanos != 0).count();
    long typed = all.stream().filter(c -> c.textEndNanos != 0).count();
    System.out.printf("  calls %d: greeting played %d, text typed in full %d%n", calls, greeted, typed);
    System.out.printf("  calls %d: exact at an agent's console %d, garbled %d, duplicated %d, missing %d, failed to connect %d%n",
        calls, exact, garbled.get(), duplicates.get(), missing, failedCalls.get());
    if (!samplesOfGarbled.isEmpty()) System.out.println("  garbled, for example: " + samplesOfGarbled);
    System.out.println("  turn latency, caller's last character sent -> agent's console: " + turnLatency.summary());
    System.out.println("  gateway's own part, from the frame that completes the turn-end quiet -> agent's console: " + afterQuiet.summary());
    System.out.println("  load client's own pacing, frame sent after its due time: " + late.summary());
    System.out.printf("  load client CPU: %.1f s%n", cpu);
    System.out.printf("RESULT calls=%d exact=%d garbled=%d duplicated=%d missing=%d failed=%d p50=%.0f p99=%.0f max=%.0f own50=%.0f own99=%.0f ownMax=%.0f "
        + "lagP50=%.1f lagP99=%.1f lagMax=%.1f clientCpu=%.1f%n",
        calls, exact, garbled.get(), duplicates.get(), missing, failedCalls.get(),
        pct(turnLatency, 0.50), pct(turnLatency, 0.99), pct(turnLatency, 1.0), pct(afterQuiet, 0.50), pct(afterQuiet, 0.99), pct(afterQuiet, 1.0),
        pct(late, 0.50), pct(late, 0.99), pct(late, 1.0), cpu);
  }

  private static double pct(Latencies l, double q) {
    return l.count() == 0 ? Double.NaN : l.percentileMillis(q);
  }

  private static String unescape(String xml) {
    Matcher m = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(xml.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">"));
    StringBuilder out = new StringBuilder();
    while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16))));
    return m.appendTail(out).toString().replace("&amp;", "&");
  }
}
