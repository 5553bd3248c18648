package org.accessline.gateway.routing;

import java.time.Instant;
import org.accessline.gateway.conversation.ConversationId;

/** A conversation in the queue, when it started waiting, and whether it is urgent (an emergency goes first). */
public record Waiting(ConversationId conversation, Instant since, boolean urgent) {
  public Waiting(ConversationId conversation, Instant since) {
    this(conversation, since, false);
  }
}
