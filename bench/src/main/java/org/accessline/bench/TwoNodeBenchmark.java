package org.accessline.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.accessline.web.auth.PasswordHasher;

/**
 * Web chat throughput and latency of forked gateway processes on one shared PostgreSQL schema:
 * (a) one process in cluster mode (a cluster of one), (b) two processes in one cluster with
 * residents and agents spread over both, so the messages of the non-owning node cross the event bus
 * to the owner, and (c) one process with cluster mode off. The configurations alternate (a, b, c,
 * a, b, c, ...) so drift in the machine's other load shows. Each round ramps the rate up in short
 * open-loop steps until a step misses (ack p99 over the limit, or not every message acknowledged),
 * then checks in PostgreSQL that every acknowledged message is stored exactly once.
 *
 * <p>Options: --rounds R (2), --residents N (200), --agents M (50), --rates list (500,1000,1500,2000,3000,4000),
 * --step S seconds per rate (6), --warmup S (5), --p99 limit in ms (250), --db URI
 * (postgresql://postgres@127.0.0.1:5432/test), --port first HTTP port (18010; Hazelcast uses +10), --setups which of
 * a, b, c to run (abc), --spread 0 to connect every client to the first node (1: spread over all).
 */
public final class TwoNodeBenchmark {
  private static final String PASSWORD = "bench-password";

  /** One way of running the gateway. */
  private enum Setup {
    A("a: 1 process, cluster on", 1, true),
    B("b: 2 processes, one cluster", 2, true),
    C("c: 1 process, cluster off", 1, false);

    final String label;
    final int nodes;
    final boolean cluster;

    Setup(String label, int nodes, boolean cluster) {
      this.label = label;
      this.nodes = nodes;
      this.cluster = cluster;
    }
  }

  private final Map<String, String> options;
  private final List<String> summary = new ArrayList<>();

  private TwoNodeBenchmark(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new HashMap<>(Map.of("rounds", "2", "residents", "200", "agents", "50", "rates", "500,1000,1500,2000,3000,4000",
        "step", "6", "warmup", "5", "p99", "250", "db", "postgresql://postgres@127.0.0.1:5432/test", "port", "18010", "setups", "abc"));
    o.put("spread", "1");
    for (int i = 0; i + 1 < args.length; i += 2) o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    new TwoNodeBenchmark(o).run();
    System.exit(0);
  }

  private int option(String name) {
    return Integer.parseInt(options.get(name));
  }

  private void run() throws Exception {
    long began = System.nanoTime();
    System.out.printf("%d cores; load average at start %s; %s residents, %s agents; rates %s msgs/s, %s s each after a %s s warm-up; ack p99 limit %s ms%n",
        Runtime.getRuntime().availableProcessors(), loadAverage(), options.get("residents"), options.get("agents"), options.get("rates"),
        options.get("step"), options.get("warmup"), options.get("p99"));
    for (int r = 1; r <= option("rounds"); r++) {
      for (Setup setup : Setup.values()) if (options.get("setups").contains(setup.name().toLowerCase())) round(r, setup);
    }
    System.out.printf("%nSummary (whole run %.0f s, load average at end %s):%n", (System.nanoTime() - began) / 1e9, loadAverage());
    summary.forEach(System.out::println);
  }

  private void round(int number, Setup setup) throws Exception {
    String schema = "bench_twonode_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Path dir = Files.createTempDirectory("accessline-twonode");
    int residents = option("residents");
    int agents = option("agents");
    int capacity = Math.max(4, (residents + agents - 1) / agents);
    System.out.printf("%nRound %d, %s (schema %s, load average %s)%n", number, setup.label, schema, loadAverage());
    List<ForkedGateway> nodes = new ArrayList<>();
    Vertx db = Vertx.vertx();
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(options.get("db")).addProperty("search_path", schema)).using(db).build();
    try (ChatLoad load = new ChatLoad(PASSWORD, residents + agents)) {
      JsonArray members = new JsonArray();
      for (int i = 0; i < setup.nodes; i++) members.add("127.0.0.1:" + (option("port") + 10 + i));
      // The first node starts alone, so it takes the conversations; the second joins it.
      for (int i = 0; i < setup.nodes; i++) nodes.add(ForkedGateway.start("node-" + i, config(setup, i, schema, dir, members, capacity), dir, load.http()));
      // --spread 0 puts every client on node-0 (the owner): the second node is then only a member.
      int[] ports = nodes.stream().mapToInt(n -> n.port).limit(option("spread") == 0 ? 1 : nodes.size()).toArray();
      load.connectAgents(agents, ports);
      load.connectResidents(residents, ports);
      int[] rates = Arrays.stream(options.get("rates").split(",")).mapToInt(Integer::parseInt).toArray();
      load.run(rates[0], option("warmup"), 10);
      int sustained = 0;
      String atSustained = "none";
      for (int rate : rates) {
        String load0 = loadAverage();
        double[] cpuBefore = cpu(nodes);
        ChatLoad.Step step = load.run(rate, option("step"), 10);
        double[] cpuAfter = cpu(nodes);
        String line = describe(step, nodes, cpuBefore, cpuAfter, load0);
        System.out.println(line);
        boolean held = step.acked.get() == step.sent.get() && step.toAck.percentileMillis(0.99) <= option("p99");
        if (!held) break;
        sustained = rate;
        atSustained = line.trim();
      }
      String stored = verify(pool, load);
      System.out.println("  " + stored);
      summary.add(String.format("round %d, %-30s highest sustained %5d msgs/s; there: %s; %s", number, setup.label, sustained, atSustained, stored));
    } finally {
      for (ForkedGateway n : nodes) n.stop();
      pool.query("DROP SCHEMA IF EXISTS " + schema + " CASCADE").execute().await();
      pool.close().await();
      db.close().await();
    }
  }

  private JsonObject config(Setup setup, int index, String schema, Path dir, JsonArray members, int capacity) {
    // Cheap hashes so that signing in fifty agents does not dominate the set-up.
    String hash = PasswordHasher.hash(PASSWORD.toCharArray(), 1_000);
    JsonArray accounts = new JsonArray();
    for (int a = 0; a < option("agents"); a++) accounts.add(new JsonObject().put("username", "agent" + a).put("passwordHash", hash).put("capacity", capacity));
    Path data = dir.resolve("node-" + index);
    // As in the single-process load benchmark, every simulated resident writes far above a person's
    // pace from one loopback address, so the per-resident and per-address limits are lifted.
    JsonObject config = new JsonObject().put("nodeId", "node-" + index).put("httpHost", "127.0.0.1").put("httpPort", option("port") + index)
        .put("dataDir", data.toString()).put("routing", new JsonObject().put("autoAccept", true)).put("agentCapacity", capacity)
        .put("residentBurst", 10_000).put("residentMessagesPerSecond", 10_000).put("residentAddressBurst", 100_000)
        .put("residentAddressMessagesPerSecond", 100_000).put("residentConversationsPerAddress", 100_000)
        .put("store", new JsonObject().put("url", options.get("db")).put("schema", schema))
        .put("seal", new JsonObject().put("keyFile", dir.resolve("seal.key").toString()).put("checkpointFile", data.resolve("checkpoints.log").toString()))
        .put("agents", accounts);
    if (setup.cluster) {
      config.put("cluster", new JsonObject().put("enabled", true).put("name", "bench-" + schema).put("members", members).put("host", "127.0.0.1")
          .put("port", option("port") + 10 + index));
    }
    return config;
  }

  private static double[] cpu(List<ForkedGateway> nodes) {
    double[] out = new double[nodes.size() + 1];
    for (int i = 0; i < nodes.size(); i++) out[i] = nodes.get(i).cpuSeconds();
    out[nodes.size()] = ForkedGateway.cpuSeconds(ProcessHandle.current().pid());
    return out;
  }

  private static String describe(ChatLoad.Step s, List<ForkedGateway> nodes, double[] before, double[] after, String load) {
    double wall = Math.max(s.lastAckAt, s.sentUntil) - s.startedAt;
    StringBuilder cpu = new StringBuilder();
    for (int i = 0; i <= nodes.size(); i++) {
      String who = i < nodes.size() ? nodes.get(i).name : "clients";
      cpu.append(String.format(" %s %.0f%%", who, (after[i] - before[i]) / (wall / 1e9) * 100));
    }
    StringBuilder perNode = new StringBuilder();
    if (s.toAckOn.length > 1 && s.toAckOn[1].count() > 0) {
      for (int i = 0; i < s.toAckOn.length; i++) {
        perNode.append(String.format("%s %s p50/p99 %.1f/%.1f ms", i == 0 ? "; ack via" : ",", nodes.get(i).name,
            s.toAckOn[i].percentileMillis(0.50), s.toAckOn[i].percentileMillis(0.99)));
      }
    }
    return String.format("  %5d offered: %6.0f acked/s (%d/%d, %d errors); ack p50/p95/p99 %.1f/%.1f/%.1f ms%s; to agent p99 %.1f ms; cpu of a core:%s; load %s",
        s.rate, s.ackedPerSecond(), s.acked.get(), s.sent.get(), s.errors.get(), s.toAck.percentileMillis(0.50), s.toAck.percentileMillis(0.95),
        s.toAck.percentileMillis(0.99), perNode, s.toAgent.percentileMillis(0.99), cpu, load);
  }

  /** Every acknowledged message stored exactly once, read straight from PostgreSQL. */
  private static String verify(Pool pool, ChatLoad load) {
    // Taken before reading: every ack comes after its entry is durable, so each of these must be in the store.
    Map<String, Integer> acknowledged = new HashMap<>(load.acknowledged);
    Map<String, Long> stored = new LinkedHashMap<>();
    for (Row row : pool.query("SELECT e.event FROM entries e WHERE e.kind = 'message'").execute().await()) {
      String text = new JsonObject(row.getString(0)).getString("text", "");
      if (text.startsWith("bench|")) stored.merge(text.split("\\|")[2], 1L, Long::sum);
    }
    long duplicated = stored.values().stream().filter(c -> c > 1).count();
    long ackedTwice = acknowledged.values().stream().filter(c -> c > 1).count();
    long missing = acknowledged.keySet().stream().filter(id -> !stored.containsKey(id)).count();
    long unacknowledged = stored.keySet().stream().filter(id -> !acknowledged.containsKey(id)).count();
    boolean ok = duplicated == 0 && missing == 0 && ackedTwice == 0;
    return String.format("stored %d / acknowledged %d: %d missing, %d stored twice, %d acknowledged twice, %d stored without an ack (%s)",
        stored.size(), acknowledged.size(), missing, duplicated, ackedTwice, unacknowledged, ok ? "exactly once" : "WRONG");
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
