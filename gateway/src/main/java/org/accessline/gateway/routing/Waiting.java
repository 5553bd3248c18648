package org.accessline.gateway.routing;

import java.time.Instant;
import org.accessline.gateway.conversation.ConversationId;

/** A conversation in the queue, when it started waiting, and its priority (higher goes first; an emergency is highest). */
public record Waiting(ConversationId conversation, Instant since, int priority) {
  public Waiting(ConversationId conversation, Instant since) {
    this(conversation, since, 0);
  }
}
