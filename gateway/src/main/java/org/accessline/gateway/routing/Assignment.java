package org.accessline.gateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * First assignment rule: the highest priority first (an emergency, then conversations past a time limit), and within it the
 * longest-waiting conversation goes to the accepting agent with the most
 * free capacity. Ties go to the agent carrying fewer conversations, then by id, so the outcome does
 * not depend on map order.
 */
public final class Assignment {
  private Assignment() {}

  public static List<Offer> decide(List<AgentLoad> agents, List<Waiting> queue) {
    List<AgentLoad> loads = new ArrayList<>(agents);
    List<Waiting> oldestFirst = new ArrayList<>(queue);
    oldestFirst.sort(Comparator.comparingInt((Waiting w) -> -w.priority()).thenComparing(Waiting::since).thenComparing(w -> w.conversation().value()));
    Comparator<AgentLoad> best = Comparator.comparingInt(AgentLoad::free).reversed()
        .thenComparingInt(AgentLoad::active)
        .thenComparing(a -> a.agent().value());
    List<Offer> offers = new ArrayList<>();
    for (Waiting waiting : oldestFirst) {
      AgentLoad chosen = loads.stream().filter(a -> a.free() > 0).min(best).orElse(null);
      if (chosen == null) break;
      offers.add(new Offer(waiting.conversation(), chosen.agent()));
      loads.set(loads.indexOf(chosen), new AgentLoad(chosen.agent(), chosen.accepting(), chosen.capacity(), chosen.active() + 1));
    }
    return offers;
  }
}
