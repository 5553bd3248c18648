package org.accessline.gateway.routing;

import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.routing.Presence;

/** What a supervisor sees of an agent on the floor. */
public record AgentView(AgentId id, String name, Presence presence, int connections, int capacity) {}
