package org.accessline.web.residents;

import static org.accessline.web.support.SmsTexts.INBOUND;
import static org.accessline.web.support.SmsTexts.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.transcripts.postgres.TestPostgres;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.SmsGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent sees the resident's earlier records on every channel the same person used (one phone
 * number by text, TTY and relay), with the same need-to-know rule and audit as before, on both stores.
 */
class HistoryAcrossChannelsIT {
  private static final String NUMBER = "+15551230001";
  private static final Instant LONG_AGO = Instant.parse("2026-01-05T15:00:00Z");
  @TempDir Path dataDir;

  @Test
  void onTheEmbeddedStore() {
    try (SmsGateway sms = new SmsGateway(dataDir, 4, new JsonObject())) {
      check(sms);
    }
  }

  @Test
  void onPostgres() {
    TestPostgres.require();
    String schema = TestPostgres.freshSchema("history");
    try (SmsGateway sms = new SmsGateway(dataDir, 4, new JsonObject(),
        new JsonObject().put("store", new JsonObject().put("url", TestPostgres.URI).put("schema", schema)))) {
      check(sms);
    } finally {
      TestPostgres.dropSchema(schema);
    }
  }

  private static ConversationId earlier(InteractionStore store, Contact contact, Instant at, String agent, String disposition, Optional<String> category) {
    ConversationId id = ConversationId.random();
    List<Entry> entries = new ArrayList<>(List.of(
        new Entry(id, 1, at, Participant.resident(contact), new ConversationEvent.Opened(contact), Optional.empty()),
        new Entry(id, 2, at, Participant.SYSTEM, new ConversationEvent.Queued(at, "waiting"), Optional.empty()),
        new Entry(id, 3, at.plusSeconds(1), Participant.resident(contact), new ConversationEvent.MessagePosted("PLS HELP WITH WATER BILL GA"), Optional.empty()),
        new Entry(id, 4, at.plusSeconds(5), Participant.SYSTEM, new ConversationEvent.Assigned(new AgentId(agent), agent.substring(0, 1).toUpperCase() + agent.substring(1)),
            Optional.empty())));
    category.ifPresent(c -> entries.add(new Entry(id, 5, at.plusSeconds(30), Participant.agent(new AgentId(agent), agent),
        new ConversationEvent.DetailsSet(Optional.of(c), List.of("billing"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
        Optional.empty())));
    entries.add(new Entry(id, entries.size() + 1, at.plusSeconds(60), Participant.SYSTEM, new ConversationEvent.Resolved(disposition), Optional.empty()));
    store.append(entries).await();
    return id;
  }

  private static void check(SmsGateway sms) {
    InteractionStore store = sms.gateway.store();
    ConversationId byTty = earlier(store, new Contact(Channel.TTY, NUMBER), LONG_AGO, "lee", "Information provided", Optional.of("Water and sewer"));
    ConversationId byRelay = earlier(store, new Contact(Channel.RELAY, NUMBER), LONG_AGO.plusSeconds(3600), "maria", "Service request created", Optional.empty());
    earlier(store, new Contact(Channel.SMS, "+15559990000"), LONG_AGO.plusSeconds(7200), "maria", "Other person", Optional.empty());
    earlier(store, new Contact(Channel.WEBCHAT, "web:" + NUMBER), LONG_AGO.plusSeconds(7300), "maria", "Not the same contact", Optional.empty());

    sms.maria.available();
    sms.webhooks.post(INBOUND, text(sms.nextSid(), NUMBER, "Is my water bill paid?"));
    String now = sms.maria.awaitAssignment();
    JsonObject answer = sms.maria.get("/api/conversations/" + now + "/history").bodyAsJsonObject();
    assertEquals("Texter \u20260001", answer.getString("residentName"));
    JsonArray history = answer.getJsonArray("conversations");
    assertEquals(List.of(byRelay.value(), byTty.value()), history.stream().map(JsonObject.class::cast).map(h -> h.getString("id")).toList(),
        "newest first, the open conversation itself left out, another number and a web chat left out");
    JsonObject tty = history.getJsonObject(1);
    assertEquals("tty", tty.getString("channel"));
    assertEquals(LONG_AGO.toString(), tty.getString("openedAt"));
    assertEquals(LONG_AGO.plusSeconds(60).toString(), tty.getString("resolvedAt"));
    assertEquals("Information provided", tty.getString("disposition"));
    assertEquals("Water and sewer", tty.getString("category"));
    assertEquals(new JsonArray().add("billing"), tty.getJsonArray("tags"));
    assertEquals(new JsonArray().add("Lee"), tty.getJsonArray("agentNames"));
    assertEquals(tty.getString("openedAt"), tty.getString("opened"), "the fields earlier pages read are kept");
    assertEquals("relay", history.getJsonObject(0).getString("channel"));

    try (AgentClient lee = new AgentClient(sms.gateway.vertx, sms.gateway.port()).signedIn("lee");
        AgentClient sam = new AgentClient(sms.gateway.vertx, sms.gateway.port()).signedIn("sam")) {
      assertEquals(403, lee.get("/api/conversations/" + now + "/history").statusCode(), "need-to-know: not lee's conversation now");
      assertEquals(200, sam.get("/api/conversations/" + now + "/history").statusCode());
      List<JsonObject> trail = sam.get("/api/audit?record=" + now).bodyAsJsonObject().getJsonArray("events").stream().map(JsonObject.class::cast).toList();
      assertTrue(trail.stream().anyMatch(e -> "refused".equals(e.getString("action")) && "lee".equals(e.getString("actor"))), trail.toString());
      assertTrue(trail.stream().anyMatch(e -> "read".equals(e.getString("action")) && "sam".equals(e.getString("actor"))
          && e.getString("detail").contains("/history")), trail.toString());
      for (ConversationId shown : List.of(byRelay, byTty)) {
        List<JsonObject> itsTrail = sam.get("/api/audit?record=" + shown.value()).bodyAsJsonObject().getJsonArray("events").stream()
            .map(JsonObject.class::cast).toList();
        for (String reader : List.of("maria", "sam")) {
          assertTrue(itsTrail.stream().anyMatch(e -> "read".equals(e.getString("action")) && reader.equals(e.getString("actor"))
              && e.getString("detail").contains(now + "/history")), "each earlier record served in a history is logged as read under its own id: " + itsTrail);
        }
      }
      assertTrue(sam.get("/api/audit?record=" + byRelay.value()).bodyAsJsonObject().getJsonArray("events").stream().map(JsonObject.class::cast)
          .noneMatch(e -> "lee".equals(e.getString("actor")) && "read".equals(e.getString("action"))), "a refused history reads nothing");
    }
  }
}
