package org.accessline.web.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accessline.transcripts.postgres.TestPostgres;
import org.accessline.web.Main;
import org.accessline.web.support.ResidentClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two forked gateway processes as one cluster under web chat load; the one owning the conversations
 * is killed (SIGKILL) or stopped (SIGTERM). Residents on both nodes keep writing, those on the lost
 * node reconnect to the survivor, and every page sends again what was not acknowledged, as the chat
 * page does. Afterwards each message is stored exactly once, in gap-free records, and the time from
 * the loss to the first message the survivor served is printed.
 */
class ForkedNodesCrashIT {
  private static final Pattern LISTENING = Pattern.compile("Resident chat:\\s+http://[^:]+:(\\d+)/");
  private static final int RESIDENTS_PER_NODE = 2;

  @TempDir Path dir;
  private final Vertx vertx = Vertx.vertx();
  private final String schema = TestPostgres.freshSchema("forked");
  private final List<Process> processes = new ArrayList<>();
  private Pool db;

  @BeforeEach
  void requireServer() {
    TestPostgres.require();
    db = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(TestPostgres.URI).addProperty("search_path", schema)).using(vertx).build();
  }

  @AfterEach
  void cleanUp() {
    processes.forEach(Process::destroyForcibly);
    db.close().await();
    vertx.close().await();
    TestPostgres.dropSchema(schema);
  }

  @Test
  void killingTheOwnerUnderLoadLosesAndDuplicatesNothing() throws Exception {
    runUnderLoad(true);
  }

  @Test
  void stoppingTheOwnerUnderLoadLosesAndDuplicatesNothing() throws Exception {
    runUnderLoad(false);
  }

  /**
   * The owner is paused (SIGSTOP) long enough to be taken for lost, then goes on (SIGCONT) still
   * sure, in its own stale view of the cluster, that it holds the lock. It must not take the
   * conversations back from the survivor: the survivor renews its ownership in the database, so
   * the old owner's writes are refused and its claims too, and the survivor keeps serving.
   */
  @Test
  void aPausedOwnerThatComesBackDoesNotTakeTheConversationsBack() throws Exception {
    Pair nodes = startPair();
    Process owner = nodes.owner();
    Process survivor = nodes.survivor();
    int ownerPort = nodes.ownerPort();
    int survivorPort = nodes.survivorPort();
    Page early = new Page(ownerPort);
    early.send("m0", "before the pause");

    signal(owner, "STOP");
    try {
      long pausedAt = System.currentTimeMillis();
      awaitOwner("node-1");
      probe(survivorPort, pausedAt);
    } finally {
      signal(owner, "CONT");
    }
    long epoch = ownership().getLong(1);
    // The resumed node is asked to write at once: a web chat on it, which it may serve by forwarding, or answer as not saved.
    Page late = new Page(ownerPort);
    for (int i = 0; i < 10; i++) {
      late.send("r" + i, "after the pause " + i);
      TestCluster.sleep(1_000);
      Row now = ownership();
      assertEquals("node-1", now.getString(0), "the survivor keeps the conversations");
      assertEquals(epoch, now.getLong(1), "nobody claimed them again");
    }
    probe(survivorPort, System.currentTimeMillis());
    assertTrue(owner.isAlive() && survivor.isAlive());
    early.client.close();
    late.client.close();
  }

  private record Pair(Process owner, int ownerPort, Process survivor, int survivorPort) {}

  /** Node 0 started and owning the conversations, then node 1 joined. */
  private Pair startPair() throws Exception {
    int[] hazelcast = {freePort(), freePort()};
    Process owner = fork(0, hazelcast);
    int ownerPort = awaitPort(owner);
    awaitOwner("node-0");
    Process survivor = fork(1, hazelcast);
    return new Pair(owner, ownerPort, survivor, awaitPort(survivor));
  }

  private Row ownership() {
    return db.query("SELECT node, epoch FROM stream_ownership").execute().await().iterator().next();
  }

  private static void signal(Process process, String signal) throws Exception {
    assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor());
  }

  /** One resident's page: its socket (replaced when its node is lost), what it sent and what was acknowledged. */
  private final class Page {
    ResidentClient client;
    String token;
    final Map<String, String> sent = new LinkedHashMap<>();
    final java.util.Set<String> acked = new java.util.HashSet<>();
    String conversation;

    Page(int port) {
      client = ResidentClient.connect(vertx, port);
      token = client.helloNew().getString("token");
    }

    void send(String clientId, String text) {
      sent.put(clientId, text);
      try {
        client.send(new JsonObject().put("type", "message").put("clientId", clientId).put("text", text));
      } catch (RuntimeException closed) {
        // Its node is gone; the text goes again after reconnecting.
      }
    }

    void collectAcks() {
      for (JsonObject ack : client.frames.ofType("ack")) {
        acked.add(ack.getString("clientId"));
        conversation = ack.getString("conversationId");
      }
    }

    void moveTo(int port) {
      collectAcks();
      client.close();
      client = ResidentClient.connect(vertx, port);
      client.hello(token, conversation, 0);
    }
  }

  private void runUnderLoad(boolean kill) throws Exception {
    Pair nodes = startPair();
    Process owner = nodes.owner();
    Process survivor = nodes.survivor();
    int ownerPort = nodes.ownerPort();
    int survivorPort = nodes.survivorPort();

    List<Page> onOwner = new ArrayList<>();
    List<Page> onSurvivor = new ArrayList<>();
    for (int i = 0; i < RESIDENTS_PER_NODE; i++) {
      onOwner.add(new Page(ownerPort));
      onSurvivor.add(new Page(survivorPort));
    }
    List<Page> pages = new ArrayList<>(onOwner);
    pages.addAll(onSurvivor);

    int n = 0;
    for (; n < 40; n++) sendRound(pages, n, 20);
    long lostAt = System.currentTimeMillis();
    if (kill) owner.destroyForcibly();
    else owner.destroy();
    // A resident on the survivor writes at once, and again whenever told it was not saved, as the page does.
    long firstServed = probe(survivorPort, lostAt);
    long ownedAgain = awaitOwner("node-1");
    owner.waitFor(30, TimeUnit.SECONDS);
    // The lost node's residents reconnect to the survivor; everyone writes on.
    for (Page p : onOwner) p.moveTo(survivorPort);
    for (int end = n + 40; n < end; n++) sendRound(pages, n, 20);

    // Every page sends again what was not acknowledged, with the same client id, until all are.
    long deadline = System.currentTimeMillis() + 60_000;
    for (boolean done = false; !done && System.currentTimeMillis() < deadline; ) {
      TestCluster.sleep(1_000);
      done = true;
      for (Page p : pages) {
        p.collectAcks();
        for (Map.Entry<String, String> e : p.sent.entrySet()) {
          if (p.acked.contains(e.getKey())) continue;
          done = false;
          p.send(e.getKey(), e.getValue());
        }
      }
    }
    System.out.printf("%s of the owning node: the survivor claimed the conversations after %d ms; the first message written after the loss"
        + " was acknowledged after %d ms%n", kill ? "SIGKILL" : "SIGTERM", ownedAgain - lostAt, firstServed - lostAt);
    // Calls waiting on the lost owner fail when it is seen gone, not when they time out (cluster.ownerWaitSeconds here: 10).
    assertTrue(firstServed - lostAt < 8_000, "the survivor served a message within 8 s of the loss");

    for (Page p : pages) {
      assertEquals(p.sent.keySet(), p.acked, "every message is acknowledged in the end");
      List<Row> rows = new ArrayList<>();
      db.preparedQuery("SELECT e.seq, e.kind, e.event FROM entries e JOIN conversations c ON c.num = e.conversation_num WHERE c.id = $1 ORDER BY e.seq")
          .execute(Tuple.of(UUID.fromString(p.conversation))).await().forEach(rows::add);
      List<String> stored = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        assertEquals(i + 1, rows.get(i).getLong(0), "gap-free record");
        JsonObject event = new JsonObject(rows.get(i).getString(2));
        if ("message".equals(rows.get(i).getString(1)) && event.getString("text", "").startsWith(p.token.substring(0, 6))) stored.add(event.getString("text"));
      }
      // A text in flight when its node was lost is stored when it is sent again, after later ones: once, not in its first place.
      assertEquals(p.sent.values().stream().sorted().toList(), stored.stream().sorted().toList(), "each message stored exactly once");
      p.client.close();
    }
    assertTrue(survivor.isAlive());
  }

  /** Writes one message from a fresh resident on {@code port} until it is acknowledged; answers when it was. */
  private long probe(int port, long since) {
    try (ResidentClient resident = ResidentClient.connect(vertx, port)) {
      resident.helloNew();
      for (int answers = 0; System.currentTimeMillis() < since + 60_000; ) {
        resident.send(new JsonObject().put("type", "message").put("clientId", "probe").put("text", "Is anyone there?"));
        List<JsonObject> toProbe = List.of();
        for (long wait = System.currentTimeMillis() + 30_000; toProbe.size() <= answers && System.currentTimeMillis() < wait; TestCluster.sleep(5)) {
          toProbe = resident.frames.all().stream().filter(f -> "probe".equals(f.getString("clientId"))).toList();
        }
        if (toProbe.size() <= answers) throw new AssertionError("the probe got no answer within 30 s");
        answers = toProbe.size();
        if ("ack".equals(toProbe.get(answers - 1).getString("type"))) return System.currentTimeMillis();
        TestCluster.sleep(100);
      }
      throw new AssertionError("no message was served within 60 s of the loss");
    }
  }

  private static void sendRound(List<Page> pages, int n, long pauseMillis) {
    for (Page p : pages) p.send("m" + n, p.token.substring(0, 6) + " message " + n);
    TestCluster.sleep(pauseMillis);
  }

  private Process fork(int index, int[] hazelcast) throws IOException {
    Path data = dir.resolve("node-" + index);
    Path config = dir.resolve("node-" + index + ".json");
    JsonArray members = new JsonArray().add("127.0.0.1:" + hazelcast[0]).add("127.0.0.1:" + hazelcast[1]);
    Files.writeString(config, new JsonObject().put("nodeId", "node-" + index).put("httpHost", "127.0.0.1").put("httpPort", 0).put("dataDir", data.toString())
        .put("residentBurst", 10_000).put("residentMessagesPerSecond", 10_000).put("residentAddressBurst", 100_000)
        .put("residentAddressMessagesPerSecond", 100_000)
        .put("store", new JsonObject().put("url", TestPostgres.URI).put("schema", schema))
        .put("seal", new JsonObject().put("keyFile", dir.resolve("seal.key").toString()).put("checkpointFile", data.resolve("checkpoints.log").toString()))
        .put("cluster", new JsonObject().put("enabled", true).put("name", "forked-" + schema).put("members", members).put("host", "127.0.0.1")
            .put("port", hazelcast[index]).put("heartbeatSeconds", 1).put("memberTimeoutSeconds", 3)
            .put("takeoverJitterMillis", 200).put("ownerWaitSeconds", 10)).encode());
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "--config", config.toString()).redirectErrorStream(true).start();
    processes.add(p);
    return p;
  }

  private long awaitOwner(String node) {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      var rows = db.query("SELECT node FROM stream_ownership").execute().otherwiseEmpty().await();
      if (rows != null) for (Row r : rows) if (r.getString(0).equals(node)) return System.currentTimeMillis();
      TestCluster.sleep(20);
    }
    throw new AssertionError(node + " did not own the conversations within 60 s");
  }

  private static int awaitPort(Process process) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    long deadline = System.currentTimeMillis() + 60_000;
    String line;
    while (System.currentTimeMillis() < deadline && (line = out.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        // Who owned when, as the nodes saw it: what a failed run needs to be read.
        Thread drain = new Thread(() -> out.lines().filter(l -> l.contains("StreamOwnership") || l.contains("suspected to be dead"))
            .forEach(l -> System.out.println("forked: " + l)));
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(m.group(1));
      }
    }
    throw new AssertionError("the forked gateway did not start:\n" + seen);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
