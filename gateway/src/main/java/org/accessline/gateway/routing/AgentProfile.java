package org.accessline.gateway.routing;

import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Participant;

/** What routing needs to know about a signed-in agent. */
public record AgentProfile(AgentId id, String displayName, int capacity) {
  public AgentProfile {
    if (id == null) throw new IllegalArgumentException("profile needs an id");
    if (capacity < 1 || capacity > 50) throw new IllegalArgumentException("capacity must be 1-50");
    if (displayName == null || displayName.isBlank()) displayName = id.value();
  }

  public Participant participant() {
    return Participant.agent(id, displayName);
  }
}
