package org.accessline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accessline.transcripts.postgres.TestPostgres;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gateway process killed with SIGKILL while messages are in flight loses none it acknowledged. */
class CrashRecoveryIT {
  private static final Pattern LISTENING = Pattern.compile("Resident chat:\\s+http://[^:]+:(\\d+)/");

  @TempDir Path dir;
  private final Vertx vertx = Vertx.vertx();
  private Process server;

  @AfterEach
  void cleanUp() {
    if (server != null) server.destroyForcibly();
    vertx.close().await();
  }

  @Test
  void everyAcknowledgedEntrySurvivesAKill9() throws Exception {
    killMidStreamAndCheck(new JsonObject());
  }

  @Test
  void everyAcknowledgedEntrySurvivesAKill9OnPostgres() throws Exception {
    TestPostgres.require();
    String schema = TestPostgres.freshSchema("crash");
    try {
      killMidStreamAndCheck(new JsonObject().put("store", new JsonObject().put("url", TestPostgres.URI).put("schema", schema)));
    } finally {
      TestPostgres.dropSchema(schema);
    }
  }

  /** Kills a forked gateway (on the given store options) with messages in flight, then checks every acknowledged one after restart. */
  private void killMidStreamAndCheck(JsonObject storeOptions) throws Exception {
    Path data = dir.resolve("data");
    Path config = dir.resolve("accessline.json");
    // The send limit is lifted: this test needs many messages in flight from one resident.
    Files.writeString(config, new JsonObject().put("httpHost", "127.0.0.1").put("httpPort", 0).put("dataDir", data.toString())
        .put("residentBurst", 10_000).put("residentMessagesPerSecond", 10_000).mergeIn(storeOptions).encode());
    server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--config", config.toString())
        .redirectErrorStream(true).start();
    int port = awaitPort(server);

    Map<String, String> acknowledged = new HashMap<>();
    String conversation;
    try (ResidentClient resident = ResidentClient.connect(vertx, port)) {
      resident.helloNew();
      for (int i = 0; i < 30; i++) {
        JsonObject ack = resident.say("c" + i, "before the crash " + i);
        acknowledged.put(ack.getString("clientId"), "before the crash " + i);
      }
      conversation = resident.frames.awaitType("ack").getString("conversationId");
      for (int i = 30; i < 200; i++) resident.send(new JsonObject().put("type", "message").put("clientId", "c" + i).put("text", "in flight " + i));
      resident.frames.await("a few in-flight acks", f -> "ack".equals(f.getString("type")) && "c35".equals(f.getString("clientId")));
      server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      for (JsonObject ack : resident.frames.ofType("ack")) {
        int n = Integer.parseInt(ack.getString("clientId").substring(1));
        acknowledged.put(ack.getString("clientId"), n < 30 ? "before the crash " + n : "in flight " + n);
      }
    }
    assertTrue(acknowledged.size() > 30, "some in-flight messages were acknowledged before the kill");

    try (TestGateway restarted = new TestGateway(data, java.time.Duration.ofSeconds(30), 4, storeOptions);
        AgentClient maria = new AgentClient(restarted.vertx, restarted.port()).signedIn("sam")) { // no agent held it: a supervisor reads the record
      JsonArray entries = maria.recordEntries(conversation);
      List<String> stored = maria.storedMessages(conversation);
      for (String text : acknowledged.values()) assertTrue(stored.contains(text), "acknowledged but lost: " + text);
      for (int i = 0; i < entries.size(); i++) assertEquals(i + 1, entries.getJsonObject(i).getLong("seq"), "gap-free after recovery");
      assertEquals("intact", maria.get("/api/interactions/" + conversation + "/verify").bodyAsJsonObject().getString("status"),
          "and every entry still matches its hash");
    }
  }

  private static int awaitPort(Process process) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    long deadline = System.currentTimeMillis() + 30_000;
    String line;
    while (System.currentTimeMillis() < deadline && (line = out.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(m.group(1));
      }
    }
    throw new AssertionError("the forked gateway did not start:\n" + seen);
  }
}
