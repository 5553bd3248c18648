package org.accessline.gateway.routing;

import java.time.Instant;
import java.util.Set;
import org.accessline.gateway.conversation.AgentId;

/**
 * An agent as routing sees them: their skills, their capacity in units (a TTY conversation may weigh
 * more than a text one), the units in use, whether they take work now, and since when they have had
 * nothing new.
 */
public record AgentSlot(AgentId id, Set<String> skills, int capacityUnits, int usedUnits, boolean accepting, Instant idleSince) {
  public AgentSlot {
    skills = Set.copyOf(skills);
    if (capacityUnits < 0 || usedUnits < 0) throw new IllegalArgumentException("capacity cannot be negative");
  }

  public int free() {
    return capacityUnits - usedUnits;
  }
}
