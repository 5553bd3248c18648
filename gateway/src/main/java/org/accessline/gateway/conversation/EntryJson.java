package org.accessline.gateway.conversation;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** The one JSON shape of an entry, used on the event bus, in the REST API and in stored records. */
public final class EntryJson {
  private EntryJson() {}

  public static JsonObject participantToJson(Participant p) {
    return new JsonObject().put("role", p.role().name().toLowerCase(Locale.ROOT)).put("id", p.id()).put("name", p.displayName());
  }

  public static Participant participantFromJson(JsonObject json) {
    return new Participant(Role.valueOf(json.getString("role").toUpperCase(Locale.ROOT)), json.getString("id"), json.getString("name"));
  }

  public static JsonObject toJson(Entry entry) {
    JsonObject json = new JsonObject()
        .put("conversationId", entry.conversationId().value())
        .put("seq", entry.seq())
        .put("at", entry.at().toString())
        .put("actor", participantToJson(entry.actor()))
        .put("event", entry.event().toJson());
    entry.dedupeKey().ifPresent(k -> json.put("dedupeKey", k));
    return json;
  }

  public static Entry fromJson(JsonObject json) {
    return new Entry(
        new ConversationId(json.getString("conversationId")),
        json.getLong("seq"),
        Instant.parse(json.getString("at")),
        participantFromJson(json.getJsonObject("actor")),
        ConversationEvent.fromJson(json.getJsonObject("event")),
        Optional.ofNullable(json.getString("dedupeKey")));
  }
}
