package org.accessline.gateway.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.routing.AgentView;
import org.accessline.gateway.routing.Presence;
import org.accessline.gateway.routing.RoutingSettings;

/**
 * The floor at one moment: how long the line is, each agent's load, and each open conversation with
 * its queue and age. A pure function of a snapshot and the time, so every view of the floor (the
 * supervisor's page, the live dashboard, reports) counts the same way.
 */
public record FloorSummary(Line line, List<AgentLoad> agents, List<Open> conversations) {

  /**
   * @param waiting open conversations waiting for an agent
   * @param oldestWaitSeconds how long the longest of them has waited; 0 when none waits
   * @param pastTimeLimits open conversations that have run past at least one time limit
   */
  public record Line(long waiting, long oldestWaitSeconds, long pastTimeLimits) {}

  /**
   * @param online whether the agent has a console connection open
   * @param active the open conversations assigned to the agent now
   */
  public record AgentLoad(AgentId id, String name, Presence presence, boolean online, int capacity, long active) {}

  /**
   * @param limitsPassed the time limits it has run past, in name order
   * @param openedSeconds how long ago it opened
   * @param queue the queue it waits in, or would wait in if handed back
   */
  public record Open(ConversationState state, List<String> limitsPassed, long openedSeconds, String queue) {
    public Open {
      limitsPassed = List.copyOf(limitsPassed);
    }

    public Optional<AgentId> agent() {
      return state.assignedAgent();
    }
  }

  public FloorSummary {
    agents = List.copyOf(agents);
    conversations = List.copyOf(conversations);
  }

  /** The summary of {@code conversations} (the open ones) and {@code agents} on the floor at {@code now}. */
  public static FloorSummary of(List<AgentView> agents, List<ConversationState> conversations, RoutingSettings routing, Instant now) {
    List<Open> open = new ArrayList<>(conversations.size());
    Map<AgentId, Long> assigned = new HashMap<>();
    long waiting = 0;
    long oldest = 0;
    long pastLimits = 0;
    for (ConversationState s : conversations) {
      open.add(new Open(s, s.breaches().stream().sorted().toList(), Duration.between(s.opened(), now).toSeconds(),
          routing.queueOf(s.queue(), s.contact().channel()).name()));
      s.assignedAgent().ifPresent(agent -> assigned.merge(agent, 1L, Long::sum));
      if (s.isWaiting()) {
        waiting++;
        oldest = Math.max(oldest, Duration.between(s.queuedSince().orElse(now), now).toSeconds());
      }
      if (!s.breaches().isEmpty()) pastLimits++;
    }
    List<AgentLoad> loads = agents.stream()
        .map(a -> new AgentLoad(a.id(), a.name(), a.presence(), a.connections() > 0, a.capacity(), assigned.getOrDefault(a.id(), 0L)))
        .toList();
    return new FloorSummary(new Line(waiting, oldest, pastLimits), loads, open);
  }
}
