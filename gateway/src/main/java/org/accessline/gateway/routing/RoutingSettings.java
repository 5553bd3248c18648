package org.accessline.gateway.routing;

import java.util.Map;
import java.util.Set;
import org.accessline.gateway.conversation.Channel;

/**
 * How conversations count against an agent's capacity, and what each channel needs of an agent.
 * By default a TTY or relay conversation weighs two units and needs the matching skill; the rest
 * weigh one and need none.
 */
public record RoutingSettings(Map<Channel, Integer> weights) {
  public RoutingSettings {
    weights = Map.copyOf(weights);
    weights.forEach((channel, weight) -> {
      if (weight < 1 || weight > 50) throw new IllegalArgumentException("routing.weights." + channel + " must be 1-50");
    });
  }

  public static RoutingSettings defaults() {
    return new RoutingSettings(Map.of(Channel.TTY, 2, Channel.RELAY, 2));
  }

  public int weight(Channel channel) {
    return weights.getOrDefault(channel, 1);
  }

  public Set<String> skillsFor(Channel channel) {
    return channel.equals(Channel.TTY) || channel.equals(Channel.RELAY) ? Set.of(channel.name()) : Set.of();
  }
}
