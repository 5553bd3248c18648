package org.accessline.gateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who gets which waiting conversation. Within the highest priority the longest-waiting conversation
 * goes first; it goes to the agent who last served the resident if they qualify and have room, else
 * to the qualified agent with the most free capacity, ties to the one idle longest. An agent who
 * just let an offer go is not offered it again. Pure: the same snapshot gives the same offers.
 *
 * <p>Waiting conversations are grouped by what they need (skills and weight), so one decision looks
 * at the head of each group rather than at every conversation.
 */
public final class Router {
  private static final Comparator<RoutingRequest> SERVICE_ORDER = Comparator.comparingInt((RoutingRequest r) -> -r.priority())
      .thenComparing(RoutingRequest::since).thenComparing(r -> r.id().value());
  private static final Comparator<AgentSlot> BEST_AGENT = Comparator.comparingInt((AgentSlot a) -> -a.free())
      .thenComparing(AgentSlot::idleSince).thenComparing(a -> a.id().value());

  private record Need(Set<String> skills, int weight) {}

  private final List<AgentSlot> agents;
  private final java.time.Instant now;
  private final Map<Need, TreeSet<RoutingRequest>> groups = new HashMap<>();
  private final Map<Need, List<Integer>> qualified = new HashMap<>();

  public Router(List<AgentSlot> agents, List<RoutingRequest> waiting, java.time.Instant now) {
    this.now = now;
    this.agents = new ArrayList<>(agents);
    for (RoutingRequest r : waiting) groups.computeIfAbsent(new Need(r.skills(), r.weight()), n -> new TreeSet<>(SERVICE_ORDER)).add(r);
    for (Need need : groups.keySet()) {
      List<Integer> able = new ArrayList<>();
      for (int i = 0; i < this.agents.size(); i++) if (this.agents.get(i).skills().containsAll(need.skills())) able.add(i);
      qualified.put(need, able);
    }
  }

  /** Every offer that can be made now, in the order made. */
  public static List<Offer> decide(List<AgentSlot> agents, List<RoutingRequest> waiting, java.time.Instant now) {
    Router router = new Router(agents, waiting, now);
    List<Offer> offers = new ArrayList<>();
    for (Optional<Offer> next = router.next(); next.isPresent(); next = router.next()) offers.add(next.get());
    return offers;
  }

  /** One decision: the next conversation served and its agent, with the board updated; empty when nothing can be served. */
  public Optional<Offer> next() {
    RoutingRequest chosen = null;
    int chosenAgent = -1;
    for (Map.Entry<Need, TreeSet<RoutingRequest>> group : groups.entrySet()) {
      for (RoutingRequest r : group.getValue()) {
        if (chosen != null && SERVICE_ORDER.compare(r, chosen) > 0) break;
        int agent = bestFor(r, group.getKey());
        if (agent >= 0) {
          chosen = r;
          chosenAgent = agent;
          break;
        }
        if (r.notAgain().isEmpty()) break; // nobody qualified has room: the rest of the group fares no better
      }
    }
    if (chosen == null) return Optional.empty();
    groups.get(new Need(chosen.skills(), chosen.weight())).remove(chosen);
    AgentSlot a = agents.get(chosenAgent);
    agents.set(chosenAgent, new AgentSlot(a.id(), a.skills(), a.capacityUnits(), a.usedUnits() + chosen.weight(), a.accepting(), now));
    return Optional.of(new Offer(chosen.id(), a.id()));
  }

  private int bestFor(RoutingRequest r, Need need) {
    int best = -1;
    for (int i : qualified.get(need)) {
      AgentSlot a = agents.get(i);
      if (!a.accepting() || a.free() < r.weight() || r.notAgain().contains(a.id())) continue;
      if (r.preferred().filter(a.id()::equals).isPresent()) return i;
      if (best < 0 || BEST_AGENT.compare(a, agents.get(best)) < 0) best = i;
    }
    return best;
  }
}
