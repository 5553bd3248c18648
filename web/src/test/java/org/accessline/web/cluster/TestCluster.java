package org.accessline.web.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.accessline.transcripts.postgres.TestPostgres;
import org.accessline.web.Application;
import org.accessline.web.auth.PasswordHasher;
import org.accessline.web.config.AccesslineConfig;
import org.accessline.web.support.TestGateway;

/**
 * Gateway nodes in this JVM that form one cluster: Hazelcast on loopback with TCP-IP join, a cluster
 * name of their own, fast heartbeats, each node its own HTTP port and data directory, one PostgreSQL
 * schema and one seal key between them.
 */
final class TestCluster implements AutoCloseable {
  private static final String HASH = PasswordHasher.hash(TestGateway.PASSWORD.toCharArray(), 1_000);

  /** One gateway node: its clustered Vert.x and the application on it. */
  record Node(String id, Vertx vertx, Application app) {
    int port() {
      return app.port();
    }

    /** Ends this node's Hazelcast at once, as a lost machine would: no goodbye to the others, its locks freed by their timeout. */
    void loseClusterAbruptly() {
      ((HazelcastClusterManager) ((VertxInternal) vertx).clusterManager()).getHazelcastInstance().getLifecycleService().terminate();
    }
  }

  final String name = "accessline-test-" + UUID.randomUUID().toString().substring(0, 8);
  final String schema = TestPostgres.freshSchema("cluster");
  private final Path dir;
  private final int[] hazelcastPorts;
  private final UnaryOperator<JsonObject> tweak;
  private final List<Node> started = new ArrayList<>();
  private final Vertx probe = Vertx.vertx();
  private final Pool db;

  TestCluster(Path dir, int nodes, UnaryOperator<JsonObject> tweak) {
    this.dir = dir;
    this.tweak = tweak;
    hazelcastPorts = new int[nodes];
    for (int i = 0; i < nodes; i++) hazelcastPorts[i] = freePort();
    db = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(TestPostgres.URI).addProperty("search_path", schema)).using(probe).build();
  }

  Node start(int index) {
    JsonArray members = new JsonArray();
    for (int p : hazelcastPorts) members.add("127.0.0.1:" + p);
    JsonArray agents = new JsonArray();
    for (String who : new String[] {"maria", "lee", "sam"}) {
      agents.add(new JsonObject().put("username", who).put("displayName", Character.toUpperCase(who.charAt(0)) + who.substring(1)).put("passwordHash", HASH)
          .put("capacity", 4).put("role", who.equals("sam") ? "supervisor" : "agent"));
    }
    String id = "node-" + index;
    Path data = dir.resolve(id);
    JsonObject json = new JsonObject().put("nodeId", id).put("httpHost", "127.0.0.1").put("httpPort", 0).put("dataDir", data.toString()).put("agents", agents)
        .put("handbackGraceSeconds", 30).put("routing", new JsonObject().put("autoAccept", true))
        .put("store", new JsonObject().put("url", TestPostgres.URI).put("schema", schema))
        .put("seal", new JsonObject().put("keyFile", dir.resolve("seal.key").toString()).put("checkpointFile", data.resolve("checkpoints.log").toString()))
        .put("cluster", new JsonObject().put("enabled", true).put("name", name).put("members", members).put("host", "127.0.0.1")
            .put("port", hazelcastPorts[index]).put("heartbeatSeconds", 1).put("memberTimeoutSeconds", 4)
            .put("takeoverJitterMillis", 200).put("ownerWaitSeconds", 6));
    AccesslineConfig config = AccesslineConfig.fromJson(tweak.apply(json), Map.of());
    Vertx vertx = ClusterNode.join(config.cluster()).await();
    Node node = new Node(id, vertx, Application.start(vertx, config).await());
    started.add(node);
    return node;
  }

  /** The node the ownership record names, and its epoch; waits until it is {@code node}. */
  long awaitOwner(String node) {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      var rows = db.query("SELECT node, epoch FROM stream_ownership").execute().otherwiseEmpty().await();
      if (rows != null) for (var r : rows) if (r.getString(0).equals(node)) return r.getLong(1);
      sleep(50);
    }
    throw new AssertionError(node + " did not take over the conversations within 30 s");
  }

  /** Stops a node the way SIGTERM does: it hands over its conversations and leaves the cluster. */
  void stopGracefully(Node node) {
    node.app().stop().await();
    node.vertx().close().await();
    started.remove(node);
  }

  /** A node whose cluster is gone is closed without waiting on goodbyes it can no longer say. */
  void closeLost(Node node) {
    try {
      node.app().stop().toCompletionStage().toCompletableFuture().get(20, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // What it could not finish, the survivors already took over.
    }
    node.vertx().close();
    started.remove(node);
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The first column of each row the query gives, as text. */
  List<String> query(String sql) {
    List<String> out = new ArrayList<>();
    for (var r : db.query(sql).execute().await()) out.add(String.valueOf(r.getValue(0)));
    return out;
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    for (Node n : List.copyOf(started)) closeLost(n);
    db.close().await();
    probe.close().await();
    TestPostgres.dropSchema(schema);
  }
}
