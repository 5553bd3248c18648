package org.accessline.gateway.routing;

import java.util.Map;
import java.util.Set;
import org.accessline.gateway.conversation.Channel;

/**
 * How conversations count against an agent's capacity, and what each channel needs of an agent.
 * By default a TTY or relay conversation weighs two units and needs the matching skill; the rest
 * weigh one and need none. An offer is a reservation the agent accepts within {@code acceptTimeout};
 * one that is declined or lapses goes back to the queue and is not offered to that agent again
 * for {@code declineCooldown}. With {@code autoAccept} every offer is taken at once. A resident whose
 * last conversation ended within {@code affinityWindow} goes back to the agent who had it, if that
 * agent qualifies and has room.
 */
public record RoutingSettings(Map<Channel, Integer> weights, boolean autoAccept, java.time.Duration acceptTimeout, java.time.Duration declineCooldown,
    java.time.Duration affinityWindow) {
  public RoutingSettings {
    weights = Map.copyOf(weights);
    if (acceptTimeout == null || acceptTimeout.toMillis() < 100 || declineCooldown == null || declineCooldown.isNegative()) {
      throw new IllegalArgumentException("routing.acceptTimeoutSeconds must be positive and the cool-down not negative");
    }
    if (affinityWindow == null || affinityWindow.isNegative()) throw new IllegalArgumentException("routing.affinityHours cannot be negative");
    weights.forEach((channel, weight) -> {
      if (weight < 1 || weight > 50) throw new IllegalArgumentException("routing.weights." + channel + " must be 1-50");
    });
  }

  public static RoutingSettings defaults() {
    return new RoutingSettings(Map.of(Channel.TTY, 2, Channel.RELAY, 2), false, java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(60),
        java.time.Duration.ofHours(24));
  }

  public RoutingSettings withAutoAccept(boolean on) {
    return new RoutingSettings(weights, on, acceptTimeout, declineCooldown, affinityWindow);
  }

  public int weight(Channel channel) {
    return weights.getOrDefault(channel, 1);
  }

  public Set<String> skillsFor(Channel channel) {
    return channel.equals(Channel.TTY) || channel.equals(Channel.RELAY) ? Set.of(channel.name()) : Set.of();
  }
}
