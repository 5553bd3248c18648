package org.accessline.gateway.routing;

import org.accessline.gateway.conversation.AgentId;

/** An agent as assignment sees them: whether they can take work now, and how much they carry. */
public record AgentLoad(AgentId agent, boolean accepting, int capacity, int active) {
  public AgentLoad {
    if (agent == null) throw new IllegalArgumentException("load needs an agent");
    if (capacity < 0 || active < 0) throw new IllegalArgumentException("capacity and load cannot be negative");
  }

  public int free() {
    return accepting ? Math.max(0, capacity - active) : 0;
  }
}
