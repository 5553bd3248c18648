package org.accessline.web.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.accessline.transcripts.postgres.TestPostgres;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.ResidentClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway nodes over one PostgreSQL: a web chat conversation owned by node A goes on on node B
 * when A leaves, gracefully or abruptly, with every acknowledged entry kept once, and the resident
 * and the agent, reconnecting to B, resume where they were.
 */
class FailoverIT {
  @TempDir Path dir;

  @BeforeEach
  void requireServer() {
    TestPostgres.require();
  }

  @Test
  void aConversationGoesOnOnTheSurvivorWhenItsOwnerStopsGracefully() {
    try (TestCluster cluster = new TestCluster(dir, 2, UnaryOperator.identity())) {
      runFailover(cluster, false);
    }
  }

  @Test
  void aConversationGoesOnOnTheSurvivorWhenItsOwnerIsLostAbruptly() {
    try (TestCluster cluster = new TestCluster(dir, 2, UnaryOperator.identity())) {
      runFailover(cluster, true);
    }
  }

  /** A node that cannot reach an owner (another process holds the lease and renews it) says it is down, in time for a monitor. */
  @Test
  void aNodeWithNoOwnerToReachAnswersHealthDownWithinSeconds() {
    try (TestCluster cluster = new TestCluster(dir, 1, UnaryOperator.identity())) {
      TestCluster.Node a = cluster.start(0);
      cluster.awaitOwner("node-0");
      var store = a.app().store();
      org.accessline.gateway.store.OwnerClaim elsewhere = org.accessline.gateway.store.OwnerClaim.outright("elsewhere");
      long epoch = store.claimOwnership(elsewhere).await();
      long renewing = a.vertx().setPeriodic(100, t -> store.renewOwnership(elsewhere, epoch));
      try {
        io.vertx.ext.web.client.WebClient http = io.vertx.ext.web.client.WebClient.create(a.vertx());
        long deadline = System.currentTimeMillis() + 20_000;
        int status = 200;
        long took = 0;
        while (status == 200 && System.currentTimeMillis() < deadline) {
          long began = System.currentTimeMillis();
          status = http.get(a.port(), "127.0.0.1", "/health").send().await().statusCode();
          took = System.currentTimeMillis() - began;
          TestCluster.sleep(200);
        }
        assertEquals(503, status, "the node's stream was taken over and it cannot take it back");
        assertTrue(took < 5_000, "answered in " + took + " ms, not after cluster.ownerWaitSeconds");
        http.close();
      } finally {
        a.vertx().cancelTimer(renewing);
      }
    }
  }

  private void runFailover(TestCluster cluster, boolean abrupt) {
    TestCluster.Node a = cluster.start(0);
    long first = cluster.awaitOwner("node-0");
    TestCluster.Node b = cluster.start(1);
    // Lee's console is on B from the start: the floor on A knows Lee through B, and must know Lee again once B owns it.
    AgentClient lee = new AgentClient(b.vertx(), b.port()).signedIn("lee");
    lee.openConsole();

    List<String> acknowledged = new ArrayList<>();
    String token;
    String conversation;
    String cookie;
    long residentSeen;
    long agentSeen;
    // On A: the resident writes, the agent (signed in on A) is assigned and answers.
    try (ResidentClient resident = ResidentClient.connect(a.vertx(), a.port()); AgentClient maria = new AgentClient(a.vertx(), a.port()).signedIn("maria").available()) {
      token = resident.helloNew().getString("token");
      conversation = say(resident, "r1", "The streetlight on Elm is out.", acknowledged);
      assertEquals(conversation, maria.awaitAssignment());
      assertEquals(201, maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", "Thanks, which block?").put("clientId", "a1"))
          .statusCode());
      acknowledged.add("Thanks, which block?");
      say(resident, "r2", "The 400 block.", acknowledged);
      resident.frames.await("the agent's reply", f -> "entry".equals(f.getString("type")) && "Thanks, which block?".equals(text(f)));
      residentSeen = lastSeq(resident.entries());
      agentSeen = maria.frames.await("the resident's second message", f -> "entry".equals(f.getString("type"))
          && "The 400 block.".equals(f.getJsonObject("entry").getJsonObject("event").getString("text"))).getJsonObject("entry").getLong("seq");
      cookie = maria.cookie();
    }
    assertEquals(200, lee.put("/api/presence", new JsonObject().put("presence", "available")).statusCode());

    if (abrupt) {
      a.loseClusterAbruptly();
    } else {
      cluster.stopGracefully(a);
    }
    long second = cluster.awaitOwner("node-1");
    assertTrue(second > first, "the survivor claims a later epoch");
    if (abrupt) {
      // A still runs its stream and its sockets, cut off from the cluster: whatever reaches it is not stored.
      try (ResidentClient stale = ResidentClient.connect(a.vertx(), a.port())) {
        stale.send(new JsonObject().put("type", "hello").put("token", token).put("conversationId", conversation).put("lastSeq", residentSeen));
        try {
          stale.send(new JsonObject().put("type", "message").put("clientId", "stale").put("text", "Written to the old owner"));
        } catch (RuntimeException closed) {
          // A closed the socket first: it cannot follow the conversation without the cluster.
        }
        TestCluster.sleep(3_000);
        assertTrue(stale.frames.all().stream().noneMatch(f -> "ack".equals(f.getString("type"))), "the node that was taken over acknowledges nothing");
      }
      cluster.closeLost(a);
    }

    // Lee never reconnected, yet the new floor offers Lee the next resident (Maria's console is not back yet).
    try (ResidentClient other = ResidentClient.connect(b.vertx(), b.port())) {
      other.helloNew();
      String another = other.say("o1", "Where do I pay a parking ticket?").getString("conversationId");
      assertEquals(another, lee.awaitAssignment());
    } finally {
      lee.close();
    }

    // On B: both reconnect with what they last saw and carry on.
    try (ResidentClient resident = ResidentClient.connect(b.vertx(), b.port()); AgentClient maria = new AgentClient(b.vertx(), b.port()).withCookie(cookie)) {
      JsonObject welcome = resident.hello(token, conversation, residentSeen);
      assertTrue(welcome.getBoolean("resumed"), welcome.encode());
      JsonObject snapshot = maria.openConsole();
      assertTrue(snapshot.encode().contains(conversation), "the agent's console on B holds the conversation: " + snapshot.encode());
      assertEquals(200, maria.put("/api/presence", new JsonObject().put("presence", "available")).statusCode());
      say(resident, "r3", "It has been out for a week.", acknowledged);
      assertEquals(201, maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", "A crew is on its way.").put("clientId", "b1"))
          .statusCode());
      acknowledged.add("A crew is on its way.");
      resident.frames.await("the reply from B", f -> "entry".equals(f.getString("type")) && "A crew is on its way.".equals(text(f)));
      List<JsonObject> afterResume = resident.entries();
      assertGapFree(residentSeen, afterResume);

      // Every acknowledged message is stored once, in order, and the record's chain verifies.
      assertEquals(acknowledged, maria.storedMessages(conversation));
      JsonArray entries = maria.recordEntries(conversation);
      for (int i = 0; i < entries.size(); i++) assertEquals(i + 1, entries.getJsonObject(i).getLong("seq"), "gap-free sequence numbers");
      assertEquals("intact", maria.get("/api/interactions/" + conversation + "/verify").bodyAsJsonObject().getString("status"));
      assertTrue(agentSeen < entries.size());
    }
  }

  private static String say(ResidentClient resident, String clientId, String text, List<String> acknowledged) {
    JsonObject ack = resident.say(clientId, text);
    assertEquals("ack", ack.getString("type"), ack.encode());
    acknowledged.add(text);
    return ack.getString("conversationId");
  }

  /** A resident's page gets each entry flat: its kind, who wrote it, its text. */
  private static String text(JsonObject frame) {
    return frame.getString("text");
  }

  private static long lastSeq(List<JsonObject> entryFrames) {
    return entryFrames.stream().mapToLong(f -> f.getLong("seq")).max().orElse(0);
  }

  /** After resuming from {@code seen}, the resident's page gets every later entry once, in order. */
  private static void assertGapFree(long seen, List<JsonObject> entryFrames) {
    long expected = seen + 1;
    for (JsonObject f : entryFrames) {
      long seq = f.getLong("seq");
      if (seq <= seen) continue;
      assertEquals(expected, seq, "entries after the resume arrive once each and in order");
      expected++;
    }
  }
}
