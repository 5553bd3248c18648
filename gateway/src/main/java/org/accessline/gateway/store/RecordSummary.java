package org.accessline.gateway.store;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import org.accessline.gateway.conversation.ConversationId;

/** A record as a search result lists it. */
public record RecordSummary(ConversationId id, String channel, String contact, Instant opened, Optional<Instant> resolved, Optional<String> disposition) {
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id.value()).put("channel", channel).put("contact", contact).put("opened", opened.toString());
    resolved.ifPresent(t -> json.put("resolved", t.toString()));
    disposition.ifPresent(d -> json.put("disposition", d));
    return json;
  }
}
