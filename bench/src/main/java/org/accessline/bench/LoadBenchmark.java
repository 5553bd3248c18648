package org.accessline.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.accessline.web.Application;
import org.accessline.web.auth.PasswordHasher;
import org.accessline.web.config.AccesslineConfig;
import org.accessline.web.ops.NodeMetrics;

/**
 * Opens resident chat sockets and agent consoles on loopback against a real gateway with the
 * embedded store, sends resident messages at a fixed rate (open loop, so a slow server cannot hide
 * its own latency), and reports throughput, resident-to-agent latency, time to the durable
 * acknowledgement, and whether every acknowledged message is in the stored records.
 *
 * <p>Options: --residents N (200), --agents M (50), --rate msgs/s (2000), --seconds S (30).
 */
public final class LoadBenchmark {
  private static final String PASSWORD = "bench-password";

  private final int residents;
  private final int agents;
  private final int rate;
  private final int seconds;
  private final int warmup;

  private final Vertx clients = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
  private final WebSocketClient sockets;
  private final WebClient http = WebClient.create(clients);
  private final List<WebSocket> residentSockets = new ArrayList<>();
  private static final String AUDITOR = "auditor";
  private final List<String> conversations = new ArrayList<>();
  private final Latencies toAgent = new Latencies();
  private final Latencies toAck = new Latencies();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong acked = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private volatile boolean measuring;
  private final AtomicLong warmupAcked = new AtomicLong();
  private int port;
  private final boolean metricsOn;
  private int cursor;

  /** {@code metrics}: whether Vert.x and the gateway record metrics (the production default), so their cost can be measured. */
  LoadBenchmark(int residents, int agents, int rate, int seconds, int warmup, boolean metrics) {
    this.metricsOn = metrics;
    this.warmup = warmup;
    this.residents = residents;
    this.agents = agents;
    this.rate = rate;
    this.seconds = seconds;
    // The client's default pool is 50 sockets per host; every resident and agent needs its own.
    this.sockets = clients.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(residents + agents + 16));
  }

  public static void main(String[] args) throws Exception {
    Map<String, Integer> o = new java.util.HashMap<>(Map.of("residents", 200, "agents", 50, "rate", 2000, "seconds", 30, "warmup", 10, "metrics", 1));
    for (int i = 0; i + 1 < args.length; i += 2) o.put(args[i].replaceFirst("^--", ""), Integer.parseInt(args[i + 1]));
    new LoadBenchmark(o.get("residents"), o.get("agents"), o.get("rate"), o.get("seconds"), o.get("warmup"), o.get("metrics") != 0).run();
  }

  void run() throws Exception {
    Path data = Files.createTempDirectory("accessline-bench");
    int capacity = Math.max(4, (residents + agents - 1) / agents);
    AccesslineConfig config = config(data, capacity);
    NodeMetrics metrics = NodeMetrics.of(config);
    Vertx server = metrics.vertx();
    Application app = Application.start(server, config, metrics).await();
    port = app.port();
    System.out.printf("Gateway on 127.0.0.1:%d, embedded store in %s; %d residents, %d agents (capacity %d), %d msgs/s for %d s; metrics %s%n",
        port, data, residents, agents, capacity, rate, seconds, metricsOn ? "on" : "off");
    try {
      connectAgents();
      connectResidents();
      measure();
      verifyDurability();
    } finally {
      clients.close().await();
      app.stop().await();
      server.close().await();
    }
  }

  private AccesslineConfig config(Path data, int capacity) {
    // Cheap hashes so that signing in fifty agents does not dominate the set-up.
    String hash = PasswordHasher.hash(PASSWORD.toCharArray(), 1_000);
    JsonArray accounts = new JsonArray();
    for (int a = 0; a < agents; a++) accounts.add(new JsonObject().put("username", "agent" + a).put("passwordHash", hash).put("capacity", capacity));
    // Records are read back by a supervisor: agents read only their own live work.
    accounts.add(new JsonObject().put("username", AUDITOR).put("passwordHash", hash).put("role", "supervisor"));
    // Each simulated resident sends about ten messages a second, far above a person's pace, and all
    // of them come from one loopback address, so the per-resident and per-address limits are lifted
    // (the limits are still checked on every message); the load is what is being measured.
    return AccesslineConfig.fromJson(new JsonObject().put("httpHost", "127.0.0.1").put("httpPort", 0).put("dataDir", data.toString())
        .put("routing", new JsonObject().put("autoAccept", true))
        .put("agentCapacity", capacity).put("residentBurst", 10_000).put("residentMessagesPerSecond", 10_000)
        .put("residentAddressBurst", 100_000).put("residentAddressMessagesPerSecond", 100_000).put("residentConversationsPerAddress", 100_000)
        .put("metrics", new JsonObject().put("enabled", metricsOn))
        .put("agents", accounts), Map.of());
  }

  private void connectAgents() {
    List<Future<?>> ready = new ArrayList<>();
    for (int a = 0; a < agents; a++) {
      String name = "agent" + a;
      ready.add(http.post(port, "127.0.0.1", "/api/session").sendJsonObject(new JsonObject().put("username", name).put("password", PASSWORD))
          .compose(r -> {
            String cookie = r.cookies().get(0).split(";", 2)[0];
            ClientWebSocket console = sockets.webSocket();
            console.textMessageHandler(this::onAgentFrame);
            return console.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/agent/socket").addHeader("Cookie", cookie))
                .compose(ws -> http.put(port, "127.0.0.1", "/api/presence").putHeader("Cookie", cookie).sendJsonObject(new JsonObject().put("presence", "available")));
          }));
    }
    Future.all(ready).await();
  }

  private void onAgentFrame(String text) {
    if (!measuring || !text.contains("\"bench|")) return;
    JsonObject frame = new JsonObject(text);
    String body = frame.getJsonObject("entry").getJsonObject("event").getString("text", "");
    long sentAt = Long.parseLong(body.split("\\|")[1]);
    long micros = (System.nanoTime() - sentAt) / 1000;
    synchronized (toAgent) {
      toAgent.record(micros);
    }
  }

  private void connectResidents() throws InterruptedException {
    CountDownLatch assigned = new CountDownLatch(residents);
    for (int r = 0; r < residents; r++) {
      WebSocket ws = sockets.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/chat/socket")).await();
      ws.textMessageHandler(text -> onResidentFrame(text, assigned));
      ws.writeTextMessage(new JsonObject().put("type", "hello").encode());
      ws.writeTextMessage(new JsonObject().put("type", "message").put("clientId", "open").put("text", "hello, I need help").encode());
      residentSockets.add(ws);
    }
    if (!assigned.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("not every resident was assigned an agent");
  }

  private void onResidentFrame(String text, CountDownLatch assigned) {
    JsonObject frame = new JsonObject(text);
    switch (frame.getString("type")) {
      case "entry" -> {
        if ("assigned".equals(frame.getString("kind"))) {
          synchronized (conversations) {
            conversations.add(frame.getString("conversationId"));
          }
          assigned.countDown();
        }
      }
      case "ack" -> {
        String clientId = frame.getString("clientId");
        if (!clientId.startsWith("b")) return;
        long micros = (System.nanoTime() - Long.parseLong(clientId.substring(1).split("_")[0])) / 1000;
        if (!measuring) {
          warmupAcked.incrementAndGet();
          return;
        }
        acked.incrementAndGet();
        synchronized (toAck) {
          toAck.record(micros);
        }
      }
      case "error" -> errors.incrementAndGet();
      default -> { }
    }
  }

  private void measure() throws InterruptedException {
    if (warmup > 0) {
      System.out.printf("Warming up for %d s (not measured)%n", warmup);
      long warm = send(warmup, "w");
      for (int i = 0; i < 200 && warmupAcked.get() < warm; i++) Thread.sleep(50);
    }
    measuring = true;
    long started = System.nanoTime();
    send(seconds, "b");
    long sendSeconds = System.nanoTime() - started;
    for (int i = 0; i < 200 && acked.get() + errors.get() < sent.get(); i++) Thread.sleep(50);
    Thread.sleep(500);
    measuring = false;
    double elapsed = sendSeconds / 1e9;
    System.out.printf("Sent %d messages in %.1f s: %.0f msgs/s offered, %.0f msgs/s acknowledged durable%n",
        sent.get(), elapsed, sent.get() / elapsed, acked.get() / elapsed);
    System.out.println("Resident -> agent console: " + toAgent.summary());
    System.out.println("Resident -> durable ack:   " + toAck.summary());
    System.out.println("Errors: " + errors.get());
  }

  /** Sends at the configured rate for {@code duration} seconds, in 10 ms ticks; returns how many were sent. */
  private long send(int duration, String prefix) throws InterruptedException {
    long perTick = Math.max(1, rate / 100);
    long started = System.nanoTime();
    long end = started + TimeUnit.SECONDS.toNanos(duration);
    long count = 0;
    long tick = started;
    while (System.nanoTime() < end) {
      for (int i = 0; i < perTick; i++) {
        WebSocket ws = residentSockets.get(cursor++ % residentSockets.size());
        long now = System.nanoTime();
        String id = "b" + now + "_" + prefix + (++count);
        if (measuring) sent.incrementAndGet();
        String tag = measuring ? "bench|" : "warm|";
        ws.writeTextMessage(new JsonObject().put("type", "message").put("clientId", id).put("text", tag + now + "|pothole report").encode());
      }
      tick += TimeUnit.MILLISECONDS.toNanos(10);
      long sleep = tick - System.nanoTime();
      if (sleep > 0) TimeUnit.NANOSECONDS.sleep(sleep);
    }
    return count;
  }

  private void verifyDurability() {
    long stored = 0;
    String cookie = http.post(port, "127.0.0.1", "/api/session").sendJsonObject(new JsonObject().put("username", AUDITOR).put("password", PASSWORD)).await()
        .cookies().get(0).split(";", 2)[0];
    for (String id : conversations) {
      JsonArray entries = http.get(port, "127.0.0.1", "/api/interactions/" + id).putHeader("Cookie", cookie).send().await().bodyAsJsonObject().getJsonArray("entries");
      for (int i = 0; i < entries.size(); i++) {
        JsonObject event = entries.getJsonObject(i).getJsonObject("event");
        if ("message".equals(event.getString("kind")) && event.getString("text", "").startsWith("bench|")) stored++;
      }
    }
    System.out.printf("Durability: %d acknowledged, %d in the stored records: %s%n", acked.get(), stored, stored == acked.get() ? "all present" : "MISMATCH");
  }
}
