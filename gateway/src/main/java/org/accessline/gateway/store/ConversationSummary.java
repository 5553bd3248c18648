package org.accessline.gateway.store;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import org.accessline.gateway.conversation.ConversationId;

/** One line of a contact's history: when a conversation opened, and how it ended. */
public record ConversationSummary(ConversationId id, Instant opened, Optional<Instant> resolved, Optional<String> disposition) {
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id.value()).put("opened", opened.toString());
    resolved.ifPresent(t -> json.put("resolved", t.toString()));
    disposition.ifPresent(d -> json.put("disposition", d));
    return json;
  }
}
