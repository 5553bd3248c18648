package org.accessline.web.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.ResidentClient;
import org.accessline.web.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Need-to-know: an agent's reads of another agent's live conversation and of a resolved record,
 * through every route that serves entries, are refused or audited exactly as the README's rule says;
 * whispers are shown only to those they may be shown to.
 */
class RecordAccessIT {
  @TempDir Path dataDir;

  private static List<String> paths(String id) {
    return List.of("/api/conversations/" + id + "/entries", "/api/conversations/" + id + "/history", "/api/interactions/" + id,
        "/api/interactions/" + id + "/transcript.txt", "/api/interactions/" + id + "/verify");
  }

  private static JsonArray trail(AgentClient supervisor, String target) {
    return supervisor.get("/api/audit?record=" + URLEncoder.encode(target, StandardCharsets.UTF_8)).bodyAsJsonObject().getJsonArray("events");
  }

  private static long count(JsonArray events, String actor, String action) {
    return events.stream().map(JsonObject.class::cast).filter(e -> actor.equals(e.getString("actor")) && action.equals(e.getString("action"))).count();
  }

  private static JsonObject whisper(JsonArray entries) {
    return entries.stream().map(JsonObject.class::cast).filter(e -> "whisper".equals(e.getJsonObject("event").getString("kind"))).findFirst().orElseThrow()
        .getJsonObject("event");
  }

  @Test
  void agentsReadOnlyWhatTheyNeedAndEveryOtherReadIsAudited() {
    try (TestGateway gateway = TestGateway.start(dataDir);
        AgentClient maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria").available();
        AgentClient lee = new AgentClient(gateway.vertx, gateway.port()).signedIn("lee");
        AgentClient sam = new AgentClient(gateway.vertx, gateway.port()).signedIn("sam");
        ResidentClient resident = ResidentClient.connect(gateway.vertx, gateway.port())) {
      resident.helloNew();
      String first = resident.say("a1", "The streetlight on Elm is out").getString("conversationId");
      assertEquals(first, maria.awaitAssignment());
      assertEquals(201, sam.post("/api/conversations/" + first + "/whisper", new JsonObject().put("text", "coach maria: ask for the pole number")).statusCode());
      String contact = maria.get("/api/conversations").bodyAsJsonObject().getJsonArray("conversations").getJsonObject(0).getString("contact");

      // Another agent's live conversation: refused on every route, and each refusal is in the audit log.
      for (String path : paths(first)) {
        var refused = lee.get(path);
        assertEquals(403, refused.statusCode(), path);
        assertEquals("not_yours", refused.bodyAsJsonObject().getString("error"), path);
      }
      assertEquals(403, lee.get("/api/interactions/" + first + "/export.json").statusCode());
      assertEquals(403, lee.get("/api/interactions/" + first + "/transcript.html").statusCode());
      for (String search : List.of("", "?contact=" + URLEncoder.encode(contact, StandardCharsets.UTF_8), "?agent=maria", "?q=streetlight")) {
        assertEquals(403, lee.get("/api/interactions" + search).statusCode(), search);
      }
      assertEquals(paths(first).size() + 2, count(trail(sam, first), "lee", "refused"), "supervisor-only routes log the refusal too");

      // Her own live conversation: the console serves it whole, whisper included, without a records read.
      JsonArray live = maria.get("/api/conversations/" + first + "/entries").bodyAsJsonObject().getJsonArray("entries");
      assertEquals("coach maria: ask for the pole number", whisper(live).getString("text"));
      assertEquals(0, count(trail(sam, first), "maria", "read"), "an agent's own live work is not a records read");
      // A supervisor reads any conversation, audited.
      assertEquals("coach maria: ask for the pole number",
          whisper(sam.get("/api/conversations/" + first + "/entries").bodyAsJsonObject().getJsonArray("entries")).getString("text"));
      assertEquals(1, count(trail(sam, first), "sam", "read"));

      // Resolved: the console no longer serves it to her; the records API does, because she took part, and logs it first.
      assertEquals(200, maria.post("/api/conversations/" + first + "/resolve", new JsonObject().put("disposition", "Service request created")).statusCode());
      resident.awaitEntry("resolved", "the first conversation");
      assertEquals(403, maria.get("/api/conversations/" + first + "/entries").statusCode());
      JsonObject hers = maria.get("/api/interactions/" + first).bodyAsJsonObject();
      assertEquals("coach maria: ask for the pole number", whisper(hers.getJsonArray("entries")).getString("text"), "the whisper was for her");
      assertEquals(1, count(trail(sam, first), "maria", "read"));
      assertTrue(trail(sam, first).getJsonObject(0).getString("detail").contains("took_part"), trail(sam, first).encode());
      assertEquals(403, lee.get("/api/interactions/" + first).statusCode(), "lee has no part in it and is not working the resident");

      // The resident writes again and Lee takes it: now he may read her earlier record, but not Maria's whisper.
      assertEquals(200, maria.put("/api/presence", new JsonObject().put("presence", "away")).statusCode());
      lee.available();
      String second = resident.say("a2", "Also the one on Pine").getString("conversationId");
      assertEquals(second, lee.awaitAssignment());
      JsonObject earlier = lee.get("/api/interactions/" + first).bodyAsJsonObject();
      assertEquals(true, whisper(earlier.getJsonArray("entries")).getBoolean("withheld"));
      assertFalse(earlier.encode().contains("coach maria"), earlier.encode());
      String transcript = lee.get("/api/interactions/" + first + "/transcript.txt").bodyAsString();
      assertTrue(transcript.contains("The streetlight on Elm is out") && !transcript.contains("coach maria"), transcript);
      assertTrue(count(trail(sam, first), "lee", "read") == 2 && trail(sam, first).getJsonObject(0).getString("detail").contains("same_resident"));
      assertEquals(403, lee.get("/api/conversations/" + first + "/entries").statusCode(), "a past record is read through the records API only");
      JsonArray found = lee.get("/api/interactions?contact=" + URLEncoder.encode(contact, StandardCharsets.UTF_8)).bodyAsJsonObject().getJsonArray("records");
      assertEquals(2, found.size());
      assertEquals(1, count(trail(sam, "search: contact=" + contact + " limit=50 offset=0"), "lee", "search"), "the search is logged as it ran");
      assertEquals(200, lee.get("/api/conversations/" + second + "/history").statusCode());
      assertEquals(403, maria.get("/api/interactions/" + second).statusCode(), "maria is neither in the new record nor working the resident");
      assertEquals(200, sam.get("/api/interactions/" + second).statusCode());
      // A one-record export is logged with what was asked, so a redacted copy is told apart from a whole one.
      assertEquals(200, sam.get("/api/interactions/" + second + "/export.json?redact=true").statusCode());
      assertTrue(trail(sam, second).stream().map(JsonObject.class::cast)
          .anyMatch(e -> "export".equals(e.getString("action")) && e.getString("detail").endsWith("?redact=true")), trail(sam, second).encode());
    }
  }
}
