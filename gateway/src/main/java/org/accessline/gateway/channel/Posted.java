package org.accessline.gateway.channel;

import org.accessline.gateway.conversation.ConversationId;

/** The acknowledgement an adapter may pass on: the entry is durable at {@code seq}. */
public record Posted(ConversationId conversation, long seq, boolean duplicate) {}
