package org.accessline.gateway.routing;

import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Participant;

/**
 * What routing needs to know about a signed-in agent: their capacity in units and their skills
 * (tty, relay, languages, topics).
 */
public record AgentProfile(AgentId id, String displayName, int capacity, java.util.Set<String> skills) {
  /** Everyone on a small center's floor takes TTY and relay calls unless their account says otherwise. */
  public static final java.util.Set<String> DEFAULT_SKILLS = java.util.Set.of("tty", "relay");

  public AgentProfile(AgentId id, String displayName, int capacity) {
    this(id, displayName, capacity, DEFAULT_SKILLS);
  }

  public AgentProfile {
    skills = skills == null ? DEFAULT_SKILLS : java.util.Set.copyOf(skills);
    if (id == null) throw new IllegalArgumentException("profile needs an id");
    if (capacity < 1 || capacity > 50) throw new IllegalArgumentException("capacity must be 1-50");
    if (displayName == null || displayName.isBlank()) displayName = id.value();
  }

  public Participant participant() {
    return Participant.agent(id, displayName);
  }
}
