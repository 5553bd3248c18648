package org.accessline.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Web chat load spread over one or more gateway nodes: agents sign in and open consoles on the
 * nodes in turn, residents open the resident socket on the nodes in turn, and messages go out
 * round-robin over the residents at a fixed rate (open loop) in steps. Each message's client id
 * names its step, so a late acknowledgement is still counted where it belongs.
 */
final class ChatLoad implements AutoCloseable {
  /** What one step at one rate gave. */
  static final class Step {
    final int rate;
    final AtomicLong sent = new AtomicLong();
    final AtomicLong acked = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final Latencies toAck = new Latencies();
    final Latencies toAgent = new Latencies();
    /** Time to the ack by the node the resident is connected to (index as in the ports given). */
    final Latencies[] toAckOn;
    volatile long startedAt;
    volatile long sentUntil;
    volatile long lastAckAt;

    Step(int rate, int nodes) {
      this.rate = rate;
      this.toAckOn = new Latencies[nodes];
      for (int i = 0; i < nodes; i++) toAckOn[i] = new Latencies();
    }

    double sendSeconds() {
      return (sentUntil - startedAt) / 1e9;
    }

    /** Acknowledged per second, from the step's first send to its last acknowledgement (at least the sending time). */
    double ackedPerSecond() {
      return acked.get() * 1e9 / (Math.max(lastAckAt, sentUntil) - startedAt);
    }

    boolean settled() {
      return acked.get() + errors.get() >= sent.get();
    }
  }

  private final String password;
  private final Vertx clients = Vertx.vertx(new io.vertx.core.VertxOptions().setEventLoopPoolSize(2));
  private final WebSocketClient sockets;
  private final WebClient http = WebClient.create(clients);
  private final List<WebSocket> residents = new ArrayList<>();
  private final List<Step> steps = new ArrayList<>();
  /** Every client id acknowledged in this run, with how often: an id acknowledged twice is a duplicate. */
  final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
  final Set<String> conversations = ConcurrentHashMap.newKeySet();
  private int cursor;
  private int nodes = 1;

  ChatLoad(String password, int connections) {
    this.password = password;
    this.sockets = clients.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(connections + 16));
  }

  WebClient http() {
    return http;
  }

  /** Signs agent i in on {@code ports[i % n]}, opens a console there and makes the agent available. */
  void connectAgents(int agents, int[] ports) {
    List<Future<?>> ready = new ArrayList<>();
    for (int a = 0; a < agents; a++) {
      int port = ports[a % ports.length];
      ready.add(http.post(port, "127.0.0.1", "/api/session").sendJsonObject(new JsonObject().put("username", "agent" + a).put("password", password))
          .compose(r -> {
            if (r.statusCode() != 200) return Future.failedFuture("sign-in answered " + r.statusCode());
            String cookie = r.cookies().get(0).split(";", 2)[0];
            ClientWebSocket console = sockets.webSocket();
            console.textMessageHandler(this::onAgentFrame);
            return console.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/agent/socket").addHeader("Cookie", cookie))
                .compose(ws -> http.put(port, "127.0.0.1", "/api/presence").putHeader("Cookie", cookie).sendJsonObject(new JsonObject().put("presence", "available")));
          }));
    }
    try {
      Future.all(ready).await(90, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the agents were not signed in and available within 90 s", e);
    }
  }

  /** Opens resident r's chat on {@code ports[r % n]} and waits until every one is assigned an agent. */
  void connectResidents(int count, int[] ports) throws InterruptedException {
    nodes = ports.length;
    CountDownLatch assigned = new CountDownLatch(count);
    for (int r = 0; r < count; r++) {
      int port = ports[r % ports.length];
      WebSocket ws = sockets.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/chat/socket")).await();
      ws.textMessageHandler(text -> onResidentFrame(text, assigned));
      ws.writeTextMessage(new JsonObject().put("type", "hello").encode());
      ws.writeTextMessage(new JsonObject().put("type", "message").put("clientId", "open").put("text", "hello, I need help").encode());
      residents.add(ws);
    }
    if (!assigned.await(90, TimeUnit.SECONDS)) throw new IllegalStateException(assigned.getCount() + " residents were not assigned an agent within 90 s");
  }

  private void onAgentFrame(String text) {
    if (!text.contains("\"bench|")) return;
    JsonObject entry = new JsonObject(text).getJsonObject("entry");
    // Only the entry itself: other frames (a conversation's preview, for one) may quote its text cut short.
    String body = entry == null ? "" : entry.getJsonObject("event", new JsonObject()).getString("text", "");
    String[] parts = body.split("\\|");
    if (parts.length < 4) return;
    long micros = (System.nanoTime() - Long.parseLong(parts[1])) / 1000;
    Step step = stepOf(parts[2]);
    synchronized (step) {
      step.toAgent.record(micros);
    }
  }

  private void onResidentFrame(String text, CountDownLatch assigned) {
    JsonObject frame = new JsonObject(text);
    switch (frame.getString("type")) {
      case "entry" -> {
        if ("assigned".equals(frame.getString("kind"))) {
          conversations.add(frame.getString("conversationId"));
          assigned.countDown();
        }
      }
      case "ack" -> {
        String clientId = frame.getString("clientId");
        if (!clientId.startsWith("s")) return;
        long now = System.nanoTime();
        Step step = stepOf(clientId);
        String[] parts = clientId.split("_");
        long micros = (now - Long.parseLong(parts[1])) / 1000;
        acknowledged.merge(clientId, 1, Integer::sum);
        step.acked.incrementAndGet();
        step.lastAckAt = now;
        synchronized (step) {
          step.toAck.record(micros);
          step.toAckOn[Integer.parseInt(parts[3])].record(micros);
        }
      }
      case "error" -> {
        String clientId = frame.getString("clientId", "");
        if (clientId.startsWith("s")) stepOf(clientId).errors.incrementAndGet();
        else System.out.println("  error frame: " + text);
      }
      default -> { }
    }
  }

  /** The step named at the start of a client id, {@code s<step>_<nanos>_<n>_<node>}. */
  private Step stepOf(String clientId) {
    int end = clientId.indexOf('_');
    synchronized (steps) {
      return steps.get(Integer.parseInt(clientId.substring(1, end)));
    }
  }

  /** Sends at {@code rate} msgs/s for {@code seconds}, in 10 ms ticks, then waits up to {@code drainSeconds} for the answers. */
  Step run(int rate, int seconds, int drainSeconds) throws InterruptedException {
    Step step = new Step(rate, nodes);
    int index;
    synchronized (steps) {
      index = steps.size();
      steps.add(step);
    }
    long perTick = Math.max(1, rate / 100);
    long started = System.nanoTime();
    step.startedAt = started;
    long end = started + TimeUnit.SECONDS.toNanos(seconds);
    long tick = started;
    long n = 0;
    while (System.nanoTime() < end) {
      for (int i = 0; i < perTick; i++) {
        int r = cursor++ % residents.size();
        WebSocket ws = residents.get(r);
        long now = System.nanoTime();
        String id = "s" + index + "_" + now + "_" + (++n) + "_" + (r % nodes);
        step.sent.incrementAndGet();
        ws.writeTextMessage(new JsonObject().put("type", "message").put("clientId", id).put("text", "bench|" + now + "|" + id + "|pothole report").encode());
      }
      tick += TimeUnit.MILLISECONDS.toNanos(10);
      long sleep = tick - System.nanoTime();
      if (sleep > 0) TimeUnit.NANOSECONDS.sleep(sleep);
    }
    step.sentUntil = System.nanoTime();
    long drainEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
    while (!step.settled() && System.nanoTime() < drainEnd) Thread.sleep(20);
    // Deliveries to consoles trail the acknowledgements a little.
    Thread.sleep(300);
    return step;
  }

  @Override
  public void close() {
    clients.close().await();
  }
}
