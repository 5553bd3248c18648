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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.accessline.web.Application;
import org.accessline.web.auth.PasswordHasher;
import org.accessline.web.config.AccesslineConfig;

/**
 * What open dashboards cost web chat. One gateway (embedded store) with 500 agents online and a
 * steady web chat load; the load runs in rounds alternating between no dashboard open (the
 * baseline) and 50 supervisors' dashboards open, while agents' presence keeps changing so that
 * every dashboard gets a fresh frame as often as the feed sends one. Reports, per round, the
 * resident-to-agent p99 and the dashboard frames and bytes fanned out.
 *
 * <p>Options: --agents N (500), --supervisors S (50), --residents R (200), --rate msgs/s (300),
 * --seconds per round (15), --rounds pairs of rounds (2), --churn presence changes/s (4).
 */
public final class DashboardBenchmark {
  private static final String PASSWORD = "bench-password";
  private final Map<String, Integer> o;
  private final Vertx clients = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
  private final WebSocketClient sockets;
  private final WebClient http = WebClient.create(clients);
  private final List<WebSocket> residents = new ArrayList<>();
  private final List<String> agentCookies = new ArrayList<>();
  private final List<String> supervisorCookies = new ArrayList<>();
  private final List<WebSocket> dashboards = new ArrayList<>();
  private final AtomicLong frames = new AtomicLong();
  private final AtomicLong frameBytes = new AtomicLong();
  private volatile Latencies toAgent = new Latencies();
  private volatile boolean measuring;
  private int port;
  private int cursor;

  DashboardBenchmark(Map<String, Integer> options) {
    this.o = options;
    int total = options.get("agents") + options.get("supervisors") + options.get("residents") + 16;
    this.sockets = clients.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(total));
  }

  public static void main(String[] args) throws Exception {
    Map<String, Integer> o = new HashMap<>(Map.of("agents", 500, "supervisors", 50, "residents", 200, "rate", 300, "seconds", 15, "rounds", 2,
        "churn", 4, "warmup", 5));
    for (int i = 0; i + 1 < args.length; i += 2) o.put(args[i].replaceFirst("^--", ""), Integer.parseInt(args[i + 1]));
    new DashboardBenchmark(o).run();
  }

  void run() throws Exception {
    Path data = Files.createTempDirectory("accessline-dashboard-bench");
    Vertx server = Vertx.vertx();
    Application app = Application.start(server, config(data), org.accessline.web.ops.NodeMetrics.off()).await();
    port = app.port();
    System.out.printf("Gateway on 127.0.0.1:%d, embedded store; %d agents online, %d residents, %d msgs/s, %d s rounds, %d presence changes/s%n",
        port, o.get("agents"), o.get("residents"), o.get("rate"), o.get("seconds"), o.get("churn"));
    try {
      connectAgents();
      connectResidents();
      signInSupervisors();
      send(o.get("warmup"), "warm|");
      List<double[]> results = new ArrayList<>();
      // Every sample of each kind of round, so one stall in one round weighs as its samples do, not as a whole round's p99.
      Latencies allBase = new Latencies();
      Latencies allWith = new Latencies();
      for (int round = 0; round < o.get("rounds") * 2; round++) {
        boolean withDashboards = round % 2 == 1;
        if (withDashboards) openDashboards();
        frames.set(0);
        frameBytes.set(0);
        toAgent = new Latencies();
        measuring = true;
        long churned = churnWhile(() -> send(o.get("seconds"), "bench|"));
        Thread.sleep(1000);
        measuring = false;
        double p99 = toAgent.percentileMillis(0.99);
        System.out.printf("Round %d, %s: resident -> agent %s; %d presence changes; %d dashboard frames (%.1f MB) fanned out%n", round + 1,
            withDashboards ? o.get("supervisors") + " dashboards open" : "no dashboard (baseline)", toAgent.summary(), churned, frames.get(),
            frameBytes.get() / 1e6);
        results.add(new double[] {withDashboards ? 1 : 0, p99});
        (withDashboards ? allWith : allBase).addAll(toAgent);
        if (withDashboards) closeDashboards();
      }
      double base = results.stream().filter(r -> r[0] == 0).mapToDouble(r -> r[1]).average().orElse(0);
      double with = results.stream().filter(r -> r[0] == 1).mapToDouble(r -> r[1]).average().orElse(0);
      System.out.printf("Mean p99: baseline %.1f ms, with dashboards %.1f ms: %+.1f%%%n", base, with, 100 * (with - base) / base);
      double pooledBase = allBase.percentileMillis(0.99);
      double pooledWith = allWith.percentileMillis(0.99);
      System.out.printf("p99 of all samples: baseline %.1f ms (%d), with dashboards %.1f ms (%d): %+.1f%%%n", pooledBase, allBase.count(), pooledWith,
          allWith.count(), 100 * (pooledWith - pooledBase) / pooledBase);
    } finally {
      clients.close().await();
      app.stop().await();
      server.close().await();
    }
  }

  private AccesslineConfig config(Path data) {
    String hash = PasswordHasher.hash(PASSWORD.toCharArray(), 1_000);
    JsonArray accounts = new JsonArray();
    for (int a = 0; a < o.get("agents"); a++) accounts.add(new JsonObject().put("username", "agent" + a).put("passwordHash", hash).put("capacity", 4));
    for (int s = 0; s < o.get("supervisors"); s++) accounts.add(new JsonObject().put("username", "super" + s).put("passwordHash", hash).put("role", "supervisor"));
    // One loopback address and a pace far above a person's: the resident limits are lifted, still checked on every message.
    return AccesslineConfig.fromJson(new JsonObject().put("httpHost", "127.0.0.1").put("httpPort", 0).put("dataDir", data.toString())
        .put("routing", new JsonObject().put("autoAccept", true)).put("residentBurst", 10_000).put("residentMessagesPerSecond", 10_000)
        .put("residentAddressBurst", 100_000).put("residentAddressMessagesPerSecond", 100_000).put("residentConversationsPerAddress", 100_000)
        .put("metrics", new JsonObject().put("enabled", false)).put("agents", accounts), Map.of());
  }

  /** Each sign-in checks a full-strength hash (the gateway upgrades the cheap one on first use), so set-up signs in many at once. */
  private Future<String> signIn(String name) {
    return http.post(port, "127.0.0.1", "/api/session").sendJsonObject(new JsonObject().put("username", name).put("password", PASSWORD))
        .map(r -> r.cookies().get(0).split(";", 2)[0]);
  }

  private void connectAgents() {
    for (int batch = 0; batch < o.get("agents"); batch += 50) {
      List<Future<?>> ready = new ArrayList<>();
      for (int a = batch; a < Math.min(o.get("agents"), batch + 50); a++) {
        ready.add(signIn("agent" + a).compose(cookie -> {
          synchronized (agentCookies) {
            agentCookies.add(cookie);
          }
          ClientWebSocket console = sockets.webSocket();
          console.textMessageHandler(this::onAgentFrame);
          return console.connect(options("/agent/socket", cookie)).compose(ws -> presence(cookie, "available"));
        }));
      }
      Future.all(ready).await();
      System.out.printf("%d agents online%n", agentCookies.size());
    }
  }

  private Future<?> presence(String cookie, String presence) {
    return http.put(port, "127.0.0.1", "/api/presence").putHeader("Cookie", cookie).sendJsonObject(new JsonObject().put("presence", presence));
  }

  private WebSocketConnectOptions options(String uri, String cookie) {
    return new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri).addHeader("Cookie", cookie);
  }

  private void onAgentFrame(String text) {
    if (!measuring || !text.contains("\"bench|")) return;
    String body = new JsonObject(text).getJsonObject("entry").getJsonObject("event").getString("text", "");
    long micros = (System.nanoTime() - Long.parseLong(body.split("\\|")[1])) / 1000;
    Latencies into = toAgent;
    synchronized (into) {
      into.record(micros);
    }
  }

  private void connectResidents() throws InterruptedException {
    CountDownLatch assigned = new CountDownLatch(o.get("residents"));
    for (int r = 0; r < o.get("residents"); r++) {
      WebSocket ws = sockets.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/chat/socket")).await();
      ws.textMessageHandler(text -> {
        if (text.contains("\"assigned\"")) assigned.countDown();
      });
      ws.writeTextMessage(new JsonObject().put("type", "hello").encode());
      ws.writeTextMessage(new JsonObject().put("type", "message").put("clientId", "open").put("text", "hello, I need help").encode());
      residents.add(ws);
    }
    if (!assigned.await(120, TimeUnit.SECONDS)) throw new IllegalStateException("not every resident was assigned an agent");
  }

  private void signInSupervisors() {
    List<Future<String>> signedIn = new ArrayList<>();
    for (int s = 0; s < o.get("supervisors"); s++) signedIn.add(signIn("super" + s));
    Future.all(signedIn).await();
    signedIn.forEach(f -> supervisorCookies.add(f.result()));
  }

  private void openDashboards() {
    CountDownLatch first = new CountDownLatch(supervisorCookies.size());
    for (String cookie : supervisorCookies) {
      ClientWebSocket ws = sockets.webSocket();
      ws.textMessageHandler(text -> {
        if (!text.startsWith("{\"type\":\"dashboard\"")) return;
        first.countDown();
        if (measuring) {
          frames.incrementAndGet();
          frameBytes.addAndGet(text.length());
        }
      });
      dashboards.add(ws.connect(options("/agent/socket?view=dashboard", cookie)).await());
    }
    try {
      if (!first.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("not every dashboard got its first frame");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void closeDashboards() {
    dashboards.forEach(ws -> ws.close().await());
    dashboards.clear();
  }

  /** Flips agents between away and available while {@code load} runs; returns how many flips were made. */
  private long churnWhile(Runnable load) throws InterruptedException {
    AtomicLong flips = new AtomicLong();
    long every = Math.max(1, 1000 / Math.max(1, o.get("churn")));
    long timer = clients.setPeriodic(every, t -> {
      long n = flips.getAndIncrement();
      String cookie = agentCookies.get((int) ((n / 2) % agentCookies.size()));
      presence(cookie, n % 2 == 0 ? "away" : "available");
    });
    try {
      load.run();
    } finally {
      clients.cancelTimer(timer);
    }
    return flips.get();
  }

  /** Sends at the configured rate for {@code duration} seconds in 10 ms ticks (open loop). */
  private void send(int duration, String tag) {
    long perTick = Math.max(1, o.get("rate") / 100);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(duration);
    long tick = System.nanoTime();
    long count = 0;
    while (System.nanoTime() < end) {
      for (int i = 0; i < perTick; i++) {
        WebSocket ws = residents.get(cursor++ % residents.size());
        long now = System.nanoTime();
        ws.writeTextMessage(new JsonObject().put("type", "message").put("clientId", "c" + now + "_" + (++count)).put("text", tag + now + "|pothole report").encode());
      }
      tick += TimeUnit.MILLISECONDS.toNanos(10);
      long sleep = tick - System.nanoTime();
      try {
        if (sleep > 0) TimeUnit.NANOSECONDS.sleep(sleep);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
