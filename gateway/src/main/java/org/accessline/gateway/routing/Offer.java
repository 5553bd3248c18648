package org.accessline.gateway.routing;

import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.ConversationId;

public record Offer(ConversationId conversation, AgentId agent) {}
