package org.accessline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.accessline.channels.webchat.ResidentTokens;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Residents and agents over real sockets against the production wiring and the embedded store. */
class WebChatIT {
  @TempDir Path dataDir;
  private TestGateway gateway;
  private ResidentClient resident;
  private AgentClient maria;
  private AgentClient lee;

  @AfterEach
  void tearDown() {
    for (AutoCloseable c : new AutoCloseable[] {resident, maria, lee}) {
      try {
        if (c != null) c.close();
      } catch (Exception ignored) {
        // already closed by the test
      }
    }
    if (gateway != null) gateway.close();
  }

  private void startGateway() {
    gateway = TestGateway.start(dataDir);
  }

  private static List<Long> seqs(List<JsonObject> entries) {
    return entries.stream().map(e -> e.getLong("seq")).collect(Collectors.toList());
  }

  @Test
  void aResidentsMessageReachesTheAgentAndTheReplyComesBackLive() {
    startGateway();
    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria").available();
    resident = ResidentClient.connect(gateway.vertx, gateway.port());
    resident.helloNew();

    JsonObject ack = resident.say("m1", "The streetlight on Oak St is out");
    assertEquals("ack", ack.getString("type"));
    assertEquals(3, ack.getLong("seq"));
    String conversation = maria.awaitAssignment();
    assertEquals(ack.getString("conversationId"), conversation);
    // What was said before the assignment, the console reads over REST, as the page does.
    JsonArray history = maria.get("/api/conversations/" + conversation + "/entries?after=0").bodyAsJsonObject().getJsonArray("entries");
    assertEquals("The streetlight on Oak St is out", history.getJsonObject(2).getJsonObject("event").getString("text"));
    // What the resident says after it, arrives live.
    resident.say("m2", "It's the one by the school");
    maria.frames.await("live resident message", f -> "entry".equals(f.getString("type"))
        && "It's the one by the school".equals(f.getJsonObject("entry").getJsonObject("event").getString("text")));
    assertEquals("Maria", resident.awaitEntry("assigned", "joined").getString("name"));

    maria.sendConsole(new JsonObject().put("type", "typing").put("conversationId", conversation).put("active", true));
    assertEquals("Maria", resident.frames.awaitType("typing").getString("name"));
    resident.send(new JsonObject().put("type", "typing").put("active", true));
    maria.frames.await("resident typing", f -> "typing".equals(f.getString("type")) && "resident".equals(f.getString("role")));

    HttpResponse<Buffer> reply = maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", "Thanks, I've filed a repair request."));
    assertEquals(201, reply.statusCode(), reply.bodyAsString());
    JsonObject agentLine = resident.frames.await("agent reply", f -> "entry".equals(f.getString("type")) && "agent".equals(f.getString("from")));
    assertEquals("Thanks, I've filed a repair request.", agentLine.getString("text"));
    assertEquals("Maria", agentLine.getString("name"));

    assertEquals(200, maria.post("/api/conversations/" + conversation + "/resolve", new JsonObject().put("disposition", "Service request created")).statusCode());
    resident.awaitEntry("resolved", "after resolution");

    JsonObject record = maria.get("/api/interactions/" + conversation).bodyAsJsonObject();
    assertEquals("Service request created", record.getString("disposition"));
    assertEquals("webchat", record.getString("channel"));
    JsonObject times = record.getJsonObject("timestamps");
    for (String t : List.of("opened", "queued", "firstAssigned", "firstAgentReply", "resolved")) assertTrue(times.containsKey(t), t);
    JsonArray entries = record.getJsonArray("entries");
    for (int i = 0; i < entries.size(); i++) assertEquals(i + 1, entries.getJsonObject(i).getLong("seq"));

    HttpResponse<Buffer> transcript = maria.get("/api/interactions/" + conversation + "/transcript.txt");
    assertTrue(transcript.getHeader("Content-Type").startsWith("text/plain"));
    assertTrue(transcript.bodyAsString().contains("Resident: The streetlight on Oak St is out"));
    assertTrue(transcript.bodyAsString().contains("Maria (agent): Thanks, I've filed a repair request."));
  }

  @Test
  void aReconnectingResidentGetsEveryMissedEntryOnceAndInOrder() {
    startGateway();
    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria").available();
    resident = ResidentClient.connect(gateway.vertx, gateway.port());
    String token = resident.helloNew().getString("token");
    String conversation = resident.say("a", "first").getString("conversationId");
    maria.awaitAssignment();
    resident.awaitEntry("assigned", "before the drop");
    long lastSeen = resident.entries().stream().mapToLong(e -> e.getLong("seq")).max().orElseThrow();
    resident.close();

    for (String text : List.of("reply one", "reply two", "reply three")) {
      assertEquals(201, maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", text)).statusCode());
    }

    resident = ResidentClient.connect(gateway.vertx, gateway.port());
    JsonObject welcome = resident.hello(token, conversation, lastSeen);
    assertTrue(welcome.getBoolean("resumed"));
    assertEquals(conversation, welcome.getString("conversationId"));
    List<JsonObject> missed = resident.frames.awaitCount("agent replies", 3, f -> "entry".equals(f.getString("type")) && "agent".equals(f.getString("from")));
    assertEquals(List.of("reply one", "reply two", "reply three"), missed.stream().map(f -> f.getString("text")).toList());
    resident.say("b", "still here");
    List<Long> seqs = seqs(resident.entries());
    for (int i = 0; i < seqs.size(); i++) assertEquals(lastSeen + 1 + i, seqs.get(i), "no gap and no repeat: " + seqs);

    // A page reload says lastSeq 0 and sees the whole conversation again.
    try (ResidentClient reloaded = ResidentClient.connect(gateway.vertx, gateway.port())) {
      reloaded.hello(token, conversation, 0);
      reloaded.frames.await("the resident's latest message", f -> "still here".equals(f.getString("text")));
      List<Long> all = seqs(reloaded.entries());
      for (int i = 0; i < all.size(); i++) assertEquals(i + 1, all.get(i));
    }
  }

  @Test
  void messagesSentRightAfterAResumingHelloWaitForItsWelcomeAndAreStoredInOrder() {
    startGateway();
    resident = ResidentClient.connect(gateway.vertx, gateway.port());
    String token = resident.helloNew().getString("token");
    JsonObject first = resident.say("before", "Is the pool open today?");
    resident.close();
    resident = ResidentClient.connect(gateway.vertx, gateway.port());
    // A page that does not wait for the welcome: its conversation is still being looked up when these arrive.
    resident.send(new JsonObject().put("type", "hello").put("token", token).put("conversationId", first.getString("conversationId")).put("lastSeq", 0));
    resident.send(new JsonObject().put("type", "message").put("clientId", "early-1").put("text", "And tomorrow?"));
    resident.send(new JsonObject().put("type", "message").put("clientId", "early-2").put("text", "Thanks."));
    assertTrue(resident.frames.awaitType("welcome").getBoolean("resumed"));
    JsonObject one = resident.frames.await("ack for early-1", f -> "ack".equals(f.getString("type")) && "early-1".equals(f.getString("clientId")));
    JsonObject two = resident.frames.await("ack for early-2", f -> "ack".equals(f.getString("type")) && "early-2".equals(f.getString("clientId")));
    assertEquals(first.getString("conversationId"), one.getString("conversationId"));
    assertTrue(one.getLong("seq") < two.getLong("seq"), "in the order sent");
    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam");
    assertEquals(List.of("Is the pool open today?", "And tomorrow?", "Thanks."), maria.residentMessages(first.getString("conversationId")));
  }

  @Test
  void aResentMessageIsAcknowledgedAgainButStoredOnce() {
    startGateway();
    resident = ResidentClient.connect(gateway.vertx, gateway.port());
    String token = resident.helloNew().getString("token");
    JsonObject first = resident.say("same-id", "Is the pool open today?");
    resident.close();
    resident = ResidentClient.connect(gateway.vertx, gateway.port());
    resident.hello(token, first.getString("conversationId"), 0);
    JsonObject again = resident.say("same-id", "Is the pool open today?");
    assertTrue(again.getBoolean("duplicate"));
    assertEquals(first.getLong("seq"), again.getLong("seq"));
    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam"); // no agent held it, so a supervisor reads the record
    assertEquals(1, maria.storedMessages(first.getString("conversationId")).size());
  }

  @Test
  void whenAnAgentsLastConnectionDropsTheirConversationGoesBackToTheQueueAfterTheGracePeriod() {
    gateway = new TestGateway(dataDir, Duration.ofMillis(400), 4);
    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria").available();
    resident = ResidentClient.connect(gateway.vertx, gateway.port());
    resident.helloNew();
    String conversation = resident.say("x", "hello?").getString("conversationId");
    assertEquals(conversation, maria.awaitAssignment());
    maria.dropConsole();
    resident.awaitEntry("unassigned", "after the agent dropped");

    lee = new AgentClient(gateway.vertx, gateway.port()).signedIn("lee").available();
    assertEquals(conversation, lee.awaitAssignment());
    JsonObject joined = resident.frames.await("Lee joining", f -> "assigned".equals(f.getString("kind")) && "Lee".equals(f.getString("name")));
    assertTrue(joined.getLong("seq") > resident.awaitEntry("unassigned", "").getLong("seq"));
  }

  @Test
  void everyAcknowledgedEntryIsStillThereInOrderAfterARestart() {
    startGateway();
    resident = ResidentClient.connect(gateway.vertx, gateway.port());
    String token = resident.helloNew().getString("token");
    String conversation = null;
    for (int i = 0; i < 10; i++) conversation = resident.say("r" + i, "message number " + i).getString("conversationId");
    resident.close();
    gateway.restart();

    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam"); // no agent held it, so a supervisor reads the record
    JsonArray entries = maria.recordEntries(conversation);
    List<String> texts = maria.storedMessages(conversation);
    for (int i = 0; i < 10; i++) assertEquals("message number " + i, texts.get(i));
    for (int i = 0; i < entries.size(); i++) assertEquals(i + 1, entries.getJsonObject(i).getLong("seq"));

    resident = ResidentClient.connect(gateway.vertx, gateway.port());
    assertTrue(resident.hello(token, conversation, 0).getBoolean("resumed"));
    maria.available();
    assertEquals(conversation, maria.awaitAssignment(), "the reopened conversation is still queued and is assigned after restart");
  }

  @Test
  void writingAgainAfterResolutionStartsANewConversationThatTheTokenResumes() {
    startGateway();
    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria").available();
    resident = ResidentClient.connect(gateway.vertx, gateway.port());
    String token = resident.helloNew().getString("token");
    String first = resident.say("a", "Is city hall open?").getString("conversationId");
    maria.awaitAssignment();
    assertEquals(200, maria.post("/api/conversations/" + first + "/resolve", new JsonObject().put("disposition", "Information provided")).statusCode());
    resident.awaitEntry("resolved", "first conversation");

    JsonObject ack = resident.say("b", "One more thing: parking permits?");
    String second = ack.getString("conversationId");
    assertNotEquals(first, second);
    assertEquals(3, ack.getLong("seq"), "the new conversation is numbered from 1");
    assertEquals(second, resident.frames.awaitType("conversation").getString("conversationId"));
    resident.frames.await("the new conversation's first entry", f -> "entry".equals(f.getString("type")) && second.equals(f.getString("conversationId")) && f.getLong("seq") == 1);

    resident.close();
    resident = ResidentClient.connect(gateway.vertx, gateway.port());
    JsonObject welcome = resident.hello(token, first, 99);
    assertEquals(second, welcome.getString("conversationId"), "the token resumes the latest conversation");
    resident.frames.await("the new conversation from the start", f -> "One more thing: parking permits?".equals(f.getString("text")));
    assertTrue(resident.entries().stream().allMatch(e -> second.equals(e.getString("conversationId"))));
  }

  @Test
  void malformedAndUnknownFramesGetAnErrorFrameAndTheSocketStaysOpen() {
    startGateway();
    resident = ResidentClient.connect(gateway.vertx, gateway.port());
    resident.sendRaw("{this is not json");
    assertEquals("bad_json", resident.frames.awaitType("error").getString("code"));
    resident.send(new JsonObject().put("type", "message").put("clientId", "early").put("text", "hi"));
    resident.frames.await("hello_first", f -> "hello_first".equals(f.getString("code")));
    resident.helloNew();
    resident.send(new JsonObject().put("type", "selfdestruct"));
    resident.frames.await("unknown_type", f -> "unknown_type".equals(f.getString("code")));
    assertFalse(resident.isClosed());
    assertEquals("ack", resident.say("ok", "still works").getString("type"));
  }

  @Test
  void aMessageOverTheSizeLimitIsRefusedAndNothingIsStored() {
    startGateway();
    resident = ResidentClient.connect(gateway.vertx, gateway.port());
    resident.helloNew();
    JsonObject refusal = resident.say("big", "x".repeat(4097));
    assertEquals("error", refusal.getString("type"));
    assertEquals("too_long", refusal.getString("code"));
    assertTrue(refusal.getString("message").contains("4096"));
    assertTrue(resident.entries().isEmpty(), "no conversation was opened");
    assertEquals(3, resident.say("small", "x".repeat(4096)).getLong("seq"));
  }

  @Test
  void aFloodIsToldToSlowDownAndOnlyTheAllowedBurstIsStored() {
    startGateway();
    resident = ResidentClient.connect(gateway.vertx, gateway.port());
    resident.helloNew();
    for (int i = 0; i < 15; i++) resident.send(new JsonObject().put("type", "message").put("clientId", "f" + i).put("text", "flood " + i));
    List<JsonObject> answers = resident.frames.awaitCount("answers", 15, f -> "ack".equals(f.getString("type")) || "error".equals(f.getString("type")));
    long acked = answers.stream().filter(f -> "ack".equals(f.getString("type"))).count();
    long slowed = answers.stream().filter(f -> "slow_down".equals(f.getString("code"))).count();
    assertTrue(acked >= 10 && acked <= 11, "the burst is allowed: " + acked);
    assertEquals(15 - acked, slowed);
    String conversation = resident.frames.awaitType("ack").getString("conversationId");
    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam"); // no agent held it, so a supervisor reads the record
    assertEquals(acked, maria.storedMessages(conversation).size(), "refused messages change nothing");
  }

  @Test
  void aForgedOrUnknownTokenStartsAFreshConversationAndNeverShowsAnotherResidents() {
    startGateway();
    resident = ResidentClient.connect(gateway.vertx, gateway.port());
    resident.helloNew();
    String victimConversation = resident.say("v", "my address is 12 Elm St").getString("conversationId");

    try (ResidentClient attacker = ResidentClient.connect(gateway.vertx, gateway.port())) {
      String forged = ResidentTokens.fresh();
      JsonObject welcome = attacker.hello(forged, victimConversation, 0);
      assertEquals("unknown_token", attacker.frames.awaitType("error").getString("code"));
      assertFalse(welcome.getBoolean("resumed"));
      assertNotEquals(forged, welcome.getString("token"));
      JsonObject ack = attacker.say("a", "hello");
      assertNotEquals(victimConversation, ack.getString("conversationId"));
      assertTrue(attacker.entries().stream().noneMatch(e -> e.getString("conversationId").equals(victimConversation)));
      assertTrue(attacker.frames.all().stream().noneMatch(f -> f.encode().contains("12 Elm St")));
    }
    try (ResidentClient garbage = ResidentClient.connect(gateway.vertx, gateway.port())) {
      garbage.hello("../../' OR 1=1 --", victimConversation, 0);
      assertEquals("unknown_token", garbage.frames.awaitType("error").getString("code"));
      assertTrue(garbage.entries().isEmpty());
    }
  }

  @Test
  void aWaitingResidentSeesTheirPlaceInLineWithNoMadeUpWaitWhenNobodyIsOnDuty() {
    startGateway();
    resident = ResidentClient.connect(gateway.vertx, gateway.port());
    resident.helloNew();
    resident.say("q1", "Is city hall open on Monday?");
    JsonObject alone = resident.frames.awaitType("position");
    assertEquals(1, alone.getInteger("position"));
    assertEquals(null, alone.getValue("waitSeconds"), "nobody on duty: no estimate is made up");
    try (ResidentClient second = ResidentClient.connect(gateway.vertx, gateway.port())) {
      second.helloNew();
      second.say("q2", "Where do I pay a parking ticket?");
      assertEquals(2, second.frames.awaitType("position").getInteger("position"));
      maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria");
      maria.put("/api/presence", new JsonObject().put("presence", "available"));
      maria.openConsole();
      resident.frames.await("the first resident assigned", f -> "entry".equals(f.getString("type")) && "assigned".equals(f.getString("kind")));
    }
  }

  /** Places are coalesced a second at a time; a resident still hears each place once (a second look found them told twice). */
  @Test
  void residentsJoiningTogetherEachHearTheirPlaceOnce() throws InterruptedException {
    startGateway();
    List<ResidentClient> line = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        ResidentClient r = ResidentClient.connect(gateway.vertx, gateway.port());
        line.add(r);
        r.helloNew();
        r.say("j" + i, "Question number " + (i + 1) + " about the library");
        assertEquals(i + 1, r.frames.awaitType("position").getInteger("position"));
      }
      // Past the quiet second, when the places that changed meanwhile are published together.
      Thread.sleep(1_500);
      for (int i = 0; i < line.size(); i++) {
        List<Integer> heard = line.get(i).frames.ofType("position").stream().map(f -> f.getInteger("position")).toList();
        assertEquals(List.of(i + 1), heard, "resident " + (i + 1) + " heard");
      }
    } finally {
      line.forEach(ResidentClient::close);
    }
  }

  @Test
  void aReturningResidentGoesBackToTheAgentWhoHelpedThemLast() {
    startGateway();
    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria").available();
    resident = ResidentClient.connect(gateway.vertx, gateway.port());
    resident.helloNew();
    String first = resident.say("a1", "How do I get a recycling bin?").getString("conversationId");
    assertEquals(first, maria.awaitAssignment());
    lee = new AgentClient(gateway.vertx, gateway.port()).signedIn("lee").available();
    assertEquals(200, maria.post("/api/conversations/" + first + "/resolve", new JsonObject().put("disposition", "Information provided")).statusCode());
    // Both have the same free capacity and lee has been idle longer, so without the resident's history lee would get it.
    String second = resident.say("a2", "Sorry, one more question about the bin").getString("conversationId");
    JsonObject assigned = maria.frames.awaitCount("a second assignment", 2, f -> "entry".equals(f.getString("type"))
        && "assigned".equals(f.getJsonObject("entry").getJsonObject("event").getString("kind"))).get(1);
    assertEquals(second, assigned.getJsonObject("entry").getString("conversationId"));
    assertEquals("maria", assigned.getJsonObject("entry").getJsonObject("event").getString("agent"));
  }
}
