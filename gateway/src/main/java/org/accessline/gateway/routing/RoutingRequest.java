package org.accessline.gateway.routing;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.ConversationId;

/**
 * A waiting conversation as routing sees it.
 *
 * @param priority higher goes first (an emergency, then time limits passed)
 * @param skills what an agent must have to take it (tty, relay, a language, a topic)
 * @param weight the capacity units it takes
 * @param preferred the agent who handled this resident last, if recent enough
 * @param notAgain agents who just let an offer of it go
 */
public record RoutingRequest(ConversationId id, int priority, Instant since, Set<String> skills, int weight, Optional<AgentId> preferred,
    Set<AgentId> notAgain) {
  public RoutingRequest {
    skills = Set.copyOf(skills);
    notAgain = Set.copyOf(notAgain);
    if (weight < 1) throw new IllegalArgumentException("a conversation weighs at least one unit");
  }
}
