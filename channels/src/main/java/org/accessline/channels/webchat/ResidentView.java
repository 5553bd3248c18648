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

  /** Entries that mean nothing to the resident, or would tell them what staff keep among themselves. */
  private static boolean staffOnly(ConversationEvent event) {
    return event instanceof ConversationEvent.Whispered || event instanceof ConversationEvent.Offered;
  }

  public static JsonObject of(Entry entry) {
    JsonObject json = new JsonObject()
        .put("type", "entry")
        .put("conversationId", entry.conversationId().value())
        .put("seq", entry.seq())
        .put("at", entry.at().toString())
        .put("kind", staffOnly(entry.event()) ? "internal" : entry.event().kind());
    ConversationEvent event = entry.event();
    if (event instanceof ConversationEvent.MessagePosted m) {
      // A supervisor who steps in speaks for the center, not under a private name.
      Role role = entry.actor().role();
      json.put("from", role == Role.AGENT ? "agent" : role == Role.RESIDENT ? "resident" : "center").put("text", m.text());
      if (role == Role.AGENT) json.put("name", entry.actor().displayName());
    } else if (event instanceof ConversationEvent.Assigned a) {
      json.put("name", a.agentName());
    }
    return json;
  }
}
