package org.accessline.web.http;

import io.vertx.core.json.JsonObject;
import org.accessline.gateway.conversation.ConversationState;

/** One conversation as the console's lists show it; the floor and the escalation queue add their own fields. */
public final class ConversationJson {
  private ConversationJson() {}

  public static JsonObject summary(ConversationState s) {
    return new JsonObject().put("id", s.id().value()).put("channel", s.contact().channel().name())
        .put("contact", s.contact().address()).put("lastSeq", s.lastSeq()).put("resolved", s.resolved());
  }
}
