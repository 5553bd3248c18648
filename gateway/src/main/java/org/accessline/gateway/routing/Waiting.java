package org.accessline.gateway.routing;

import java.time.Instant;
import org.accessline.gateway.conversation.ConversationId;

/** A conversation in the queue and when it started waiting. */
public record Waiting(ConversationId conversation, Instant since) {}
