package org.accessline.gateway.stream;

import org.accessline.gateway.routing.AgentView;

import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.routing.AgentProfile;
import org.accessline.gateway.routing.Presence;

/** The stream's live view of one agent. Used only on the stream's context. */
final class AgentDesk {
  final AgentId id;
  AgentProfile profile;
  Presence presence = Presence.AWAY;
  int connections;
  long handbackTimer = -1;
  /** When the agent was last given a conversation: ties go to whoever has waited longest. */
  java.time.Instant idleSince = java.time.Instant.EPOCH;

  AgentDesk(AgentProfile profile) {
    this.id = profile.id();
    this.profile = profile;
  }

  AgentView view() {
    return new AgentView(id, profile.displayName(), presence, connections, profile.capacity());
  }

  boolean accepting() {
    return presence == Presence.AVAILABLE && connections > 0;
  }
}
