package org.accessline.gateway.rules;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.rules.FloorState.Desk;
import org.accessline.gateway.rules.FloorState.Need;
import org.accessline.gateway.rules.FloorState.Place;
import org.accessline.gateway.rules.FloorState.Ready;

/**
 * One routing decision on the floor's own index, with the same outcome as
 * {@link org.accessline.gateway.routing.Router}: the conversation first in service order that some
 * qualified, accepting agent has room for, to the agent who served the resident last if they can
 * take it, else to the one with the most free units, ties to whoever has been idle longest. It looks
 * at the head of each group of conversations with the same need, and walks agents from the most free.
 */
final class FloorRouting {
  private FloorRouting() {}

  record Pick(ConversationId conversation, AgentId agent) {}

  static Optional<Pick> next(FloorChange c) {
    Place chosen = null;
    AgentId chosenAgent = null;
    for (Map.Entry<Need, Ranked<Place, ConversationId>> group : c.groups.entrySet()) {
      for (Map.Entry<Place, ConversationId> waiting : group.getValue()) {
        Place place = waiting.getKey();
        if (chosen != null && FloorState.SERVICE_ORDER.compare(place, chosen) > 0) break;
        Set<AgentId> notAgain = c.coolingDown(place.conversation());
        AgentId agent = bestFor(c, group.getKey(), notAgain, c.preferred.get(place.conversation()));
        if (agent != null) {
          chosen = place;
          chosenAgent = agent;
          break;
        }
        // Nobody qualified has room: the rest of the group fares no better, unless someone here was kept from an agent.
        if (notAgain.isEmpty()) break;
      }
    }
    return chosen == null ? Optional.empty() : Optional.of(new Pick(chosen.conversation(), chosenAgent));
  }

  private static AgentId bestFor(FloorChange c, Need need, Set<AgentId> notAgain, AgentId preferred) {
    if (preferred != null && !notAgain.contains(preferred)) {
      Desk desk = c.desks.get(preferred);
      if (desk != null && desk.accepting() && desk.profile().skills().containsAll(need.skills())
          && desk.profile().capacity() - c.load(preferred).units() >= need.weight()) {
        return preferred;
      }
    }
    for (Map.Entry<Ready, AgentId> e : c.ready) {
      Ready agent = e.getKey();
      if (agent.free() < need.weight()) return null;
      if (agent.skills().containsAll(need.skills()) && !notAgain.contains(agent.agent())) return agent.agent();
    }
    return null;
  }
}
