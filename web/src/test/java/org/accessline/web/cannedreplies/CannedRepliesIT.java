package org.accessline.web.cannedreplies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Canned replies on the real gateway: kept per agent and shared by supervisors, refused when malformed, filled in for a conversation. */
class CannedRepliesIT {
  @TempDir Path dataDir;
  private TestGateway gateway;
  private AgentClient maria;
  private AgentClient lee;
  private AgentClient sam;

  @BeforeEach
  void start() {
    gateway = new TestGateway(dataDir, java.time.Duration.ofSeconds(30), 4, new JsonObject().put("centerName", "Riverside County 311"));
    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria");
    lee = new AgentClient(gateway.vertx, gateway.port()).signedIn("lee");
    sam = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam");
  }

  @AfterEach
  void stop() {
    maria.close();
    lee.close();
    sam.close();
    gateway.close();
  }

  private static JsonObject reply(String scope, String shortcut, String title, String text) {
    return new JsonObject().put("scope", scope).put("shortcut", shortcut).put("title", title).put("text", text);
  }

  private static HttpResponse<Buffer> delete(AgentClient who, String path) {
    return who.request(HttpMethod.DELETE, path).putHeader("Content-Type", "application/json").send().await();
  }

  private static List<String> shortcuts(AgentClient who, String q) {
    JsonArray replies = who.get("/api/canned-replies" + (q == null ? "" : "?q=" + q)).bodyAsJsonObject().getJsonArray("replies");
    return replies.stream().map(JsonObject.class::cast).map(r -> r.getString("shortcut")).toList();
  }

  @Test
  void agentsKeepTheirOwnAndSupervisorsKeepTheSharedOnes() {
    HttpResponse<Buffer> shared = sam.post("/api/canned-replies", reply("shared", "hours", "Opening hours", "{center} is open 8 to 5, {resident}.")
        .put("ttyText", "OPEN 8 TO 5 GA"));
    assertEquals(201, shared.statusCode(), shared.bodyAsString());
    JsonObject saved = shared.bodyAsJsonObject();
    assertEquals("shared", saved.getString("scope"));
    assertNull(saved.getString("owner"));
    assertEquals("sam", saved.getString("updatedBy"));
    assertEquals("OPEN 8 TO 5 GA", saved.getString("ttyText"));
    assertTrue(saved.getString("updatedAt").endsWith("Z"));

    assertEquals(403, maria.post("/api/canned-replies", reply("shared", "x", "X", "x")).statusCode(), "only a supervisor adds a shared reply");
    JsonObject mine = maria.post("/api/canned-replies", reply("personal", "thanks", "Thank you", "Thank you, {resident}. {agent}")).bodyAsJsonObject();
    assertEquals("maria", mine.getString("owner"));
    assertEquals(201, lee.post("/api/canned-replies", reply("personal", "thanks", "Lee's thanks", "Thanks!")).statusCode(), "each agent's set is their own");

    assertEquals(List.of("hours", "thanks"), shortcuts(maria, null));
    assertEquals(List.of("hours"), shortcuts(maria, "open%20hours"), "every word must match the title, shortcut or text");
    assertEquals(List.of("thanks"), shortcuts(maria, "thank"));
    assertEquals(List.of(), shortcuts(maria, "zebra"));

    String mineUrl = "/api/canned-replies/" + mine.getString("id");
    String sharedUrl = "/api/canned-replies/" + saved.getString("id");
    assertEquals(403, lee.put(mineUrl, reply("personal", "thanks", "Mine now", "x")).statusCode(), "another agent's own reply");
    assertEquals(403, maria.put(sharedUrl, reply("shared", "hours", "Hours", "x")).statusCode(), "an agent cannot change a shared one");
    assertEquals(403, delete(lee, mineUrl).statusCode());
    assertEquals(403, delete(maria, sharedUrl).statusCode());
    HttpResponse<Buffer> changed = maria.put(mineUrl, reply("personal", "ty", "Thanks", "Thanks, {resident}."));
    assertEquals(200, changed.statusCode(), changed.bodyAsString());
    assertEquals("ty", changed.bodyAsJsonObject().getString("shortcut"));
    assertEquals(200, sam.put(sharedUrl, reply("shared", "hours", "Hours", "Open 8 to 5.")).statusCode());
    assertEquals(204, delete(maria, mineUrl).statusCode());
    assertEquals(404, delete(maria, mineUrl).statusCode());
    assertEquals(404, delete(maria, "/api/canned-replies/not-an-id").statusCode());
    assertEquals(List.of("hours"), shortcuts(maria, null));

    gateway.restart();
    maria.signedIn("maria");
    assertEquals(List.of("hours"), shortcuts(maria, null), "kept in the store across a restart");
  }

  @Test
  void aMalformedReplyIsRefusedWithTheFieldNamedAndNothingIsKept() {
    String longText = "x".repeat(1601);
    for (JsonObject[] bad : new JsonObject[][] {
        {reply("personal", "ok", "x".repeat(81), "hi"), new JsonObject().put("field", "title")},
        {reply("personal", "ok", "", "hi"), new JsonObject().put("field", "title")},
        {reply("personal", "Has Caps", "T", "hi"), new JsonObject().put("field", "shortcut")},
        {reply("personal", "x".repeat(25), "T", "hi"), new JsonObject().put("field", "shortcut")},
        {reply("personal", "ok", "T", longText), new JsonObject().put("field", "text")},
        {reply("personal", "ok", "T", "  "), new JsonObject().put("field", "text")},
        {reply("personal", "ok", "T", "Hello {name}"), new JsonObject().put("field", "text")},
        {reply("personal", "ok", "T", "Hello").put("ttyText", "HI {caller} GA"), new JsonObject().put("field", "ttyText")},
        {reply("personal", "ok", "T", "Hello").put("ttyText", 7), new JsonObject().put("field", "ttyText")},
        {reply("everyone", "ok", "T", "Hello"), new JsonObject()}}) {
      HttpResponse<Buffer> r = maria.post("/api/canned-replies", bad[0]);
      assertEquals(400, r.statusCode(), bad[0].encode());
      assertEquals("bad_canned_reply", r.bodyAsJsonObject().getString("error"));
      if (bad[1].containsKey("field")) assertEquals(bad[1].getString("field"), r.bodyAsJsonObject().getString("field"), r.bodyAsString());
    }
    assertTrue(maria.post("/api/canned-replies", reply("personal", "ok", "T", "Hello {name}")).bodyAsJsonObject().getString("message").contains("{name}"));
    assertEquals(List.of(), shortcuts(maria, null), "nothing refused was kept");
    assertEquals(415, maria.request(HttpMethod.POST, "/api/canned-replies").putHeader("Content-Type", "text/plain").sendBuffer(Buffer.buffer("{}")).await().statusCode());
    assertEquals(403, maria.request(HttpMethod.POST, "/api/canned-replies").putHeader("Origin", "http://evil.example").sendJsonObject(reply("personal", "ok", "T", "x"))
        .await().statusCode(), "the cross-site guard");
    assertEquals(401, new AgentClient(gateway.vertx, gateway.port()).get("/api/canned-replies").statusCode());
  }

  @Test
  void aShortcutIsUniqueInWhatTheAgentSeesAndTheirOwnHidesASharedOneWithTheSameShortcut() {
    assertEquals(201, sam.post("/api/canned-replies", reply("shared", "hours", "Hours", "Open 8 to 5.")).statusCode());
    assertEquals(409, sam.post("/api/canned-replies", reply("shared", "hours", "Hours again", "x")).statusCode());
    HttpResponse<Buffer> clash = maria.post("/api/canned-replies", reply("personal", "hours", "My hours", "x"));
    assertEquals(409, clash.statusCode(), "a personal shortcut may not shadow a shared one the agent already sees");
    assertEquals("shortcut_taken", clash.bodyAsJsonObject().getString("error"));
    assertEquals(201, maria.post("/api/canned-replies", reply("personal", "ty", "Thanks", "x")).statusCode());
    assertEquals(409, maria.post("/api/canned-replies", reply("personal", "ty", "Thanks again", "x")).statusCode());
    assertEquals(201, sam.post("/api/canned-replies", reply("shared", "ty", "Shared thanks", "y")).statusCode(), "supervisors do not see agents' own sets");
    assertEquals(List.of("hours", "ty"), shortcuts(maria, null), "maria's own ty hides the shared one, so ty means one reply to her");
    assertEquals("personal", maria.get("/api/canned-replies?q=ty").bodyAsJsonObject().getJsonArray("replies").getJsonObject(0).getString("scope"));
  }

  @Test
  void anAgentKeepsAtMostAHundredOfTheirOwn() {
    for (int i = 0; i < CannedReplyRules.PERSONAL_PER_AGENT; i++) {
      assertEquals(201, maria.post("/api/canned-replies", reply("personal", "r" + i, "Reply " + i, "Text " + i)).statusCode());
    }
    HttpResponse<Buffer> over = maria.post("/api/canned-replies", reply("personal", "one-more", "One more", "x"));
    assertEquals(400, over.statusCode());
    assertEquals("too_many_canned_replies", over.bodyAsJsonObject().getString("error"));
    assertEquals(201, lee.post("/api/canned-replies", reply("personal", "one-more", "One more", "x")).statusCode(), "the limit is per agent");
  }

  @Test
  void aConversationsRepliesAreFilledForItsResidentCenterAndAgentAndOnlyForWhoMayWorkIt() {
    sam.post("/api/canned-replies", reply("shared", "hours", "Hours", "Hi {resident}, {center} is open 8 to 5. {agent}").put("ttyText", "OPEN 8 TO 5 GA"));
    maria.available();
    ResidentClient resident = ResidentClient.connect(gateway.vertx, gateway.port());
    try {
      resident.helloNew();
      String conversation = resident.say("r1", "When are you open?").getString("conversationId");
      assertEquals(conversation, maria.awaitAssignment());
      JsonObject listed = maria.get("/api/conversations").bodyAsJsonObject().getJsonArray("conversations").getJsonObject(0);
      String name = listed.getString("residentName");
      assertTrue(name.startsWith("Web chat visitor "), name);

      HttpResponse<Buffer> r = maria.get("/api/conversations/" + conversation + "/canned-replies?q=hours");
      assertEquals(200, r.statusCode(), r.bodyAsString());
      JsonObject filled = r.bodyAsJsonObject().getJsonArray("replies").getJsonObject(0);
      assertEquals("Hi " + name + ", Riverside County 311 is open 8 to 5. Maria", filled.getString("text"), "web chat takes the full wording");
      assertEquals(List.of("id", "scope", "title", "shortcut", "text"), List.copyOf(filled.fieldNames()));
      assertEquals(403, lee.get("/api/conversations/" + conversation + "/canned-replies").statusCode(), "not lee's conversation");
      assertEquals(403, maria.get("/api/conversations/" + java.util.UUID.randomUUID() + "/canned-replies").statusCode(), "a conversation she does not work");
    } finally {
      resident.close();
    }
  }
}
