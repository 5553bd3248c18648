package org.accessline.channels.webchat;

import io.vertx.core.json.JsonObject;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Role;

/**
 * What a resident may see of an entry. Every entry is sent so the page can check that numbering has
 * no gaps, but staff-only details (agent ids, dispositions, delivery reports) are left out.
 */
public final class ResidentView {
  private ResidentView() {}

  public static JsonObject of(Entry entry) {
    JsonObject json = new JsonObject()
        .put("type", "entry")
        .put("conversationId", entry.conversationId().value())
        .put("seq", entry.seq())
        .put("at", entry.at().toString())
        .put("kind", entry.event().kind());
    ConversationEvent event = entry.event();
    if (event instanceof ConversationEvent.MessagePosted m) {
      json.put("from", entry.actor().isStaff() ? "agent" : entry.actor().role() == Role.RESIDENT ? "resident" : "center").put("text", m.text());
      if (entry.actor().isStaff()) json.put("name", entry.actor().displayName());
    } else if (event instanceof ConversationEvent.Assigned a) {
      json.put("name", a.agentName());
    }
    return json;
  }
}
