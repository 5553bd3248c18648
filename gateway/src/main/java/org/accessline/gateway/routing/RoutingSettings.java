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
    java.time.Duration affinityWindow, java.util.List<QueueDefinition> queues, Map<Channel, String> channelQueues, java.util.Optional<String> overflowQueue,
    ContentSkills contentSkills) {
  public static final String GENERAL = "general";

  public RoutingSettings {
    weights = Map.copyOf(weights);
    if (acceptTimeout == null || acceptTimeout.toMillis() < 100 || declineCooldown == null || declineCooldown.isNegative()) {
      throw new IllegalArgumentException("routing.acceptTimeoutSeconds must be positive and the cool-down not negative");
    }
    if (affinityWindow == null || affinityWindow.isNegative()) throw new IllegalArgumentException("routing.affinityHours cannot be negative");
    if (contentSkills == null) contentSkills = ContentSkills.none();
    queues = java.util.List.copyOf(queues);
    channelQueues = Map.copyOf(channelQueues);
    java.util.Set<String> names = new java.util.HashSet<>();
    for (QueueDefinition q : queues) if (!names.add(q.name())) throw new IllegalArgumentException("queue " + q.name() + " is defined twice");
    if (!names.contains(GENERAL)) throw new IllegalArgumentException("a queue named general must exist: it takes what no other queue does");
    for (String q : channelQueues.values()) if (!names.contains(q)) throw new IllegalArgumentException("routing.channelQueues names an unknown queue: " + q);
    overflowQueue.filter(q -> !names.contains(q)).ifPresent(q -> {
      throw new IllegalArgumentException("routing.overflowQueue names an unknown queue: " + q);
    });
    weights.forEach((channel, weight) -> {
      if (weight < 1 || weight > 50) throw new IllegalArgumentException("routing.weights." + channel + " must be 1-50");
    });
  }

  public static RoutingSettings defaults() {
    return new RoutingSettings(Map.of(Channel.TTY, 2, Channel.RELAY, 2), false, java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(60),
        java.time.Duration.ofHours(24), java.util.List.of(new QueueDefinition(GENERAL, 0, Set.of())), Map.of(), java.util.Optional.empty(), ContentSkills.none());
  }

  public RoutingSettings withAutoAccept(boolean on) {
    return new RoutingSettings(weights, on, acceptTimeout, declineCooldown, affinityWindow, queues, channelQueues, overflowQueue, contentSkills);
  }

  public java.util.Optional<QueueDefinition> queue(String name) {
    return queues.stream().filter(q -> q.name().equals(name)).findFirst();
  }

  /** The queue a conversation is in: the one it was moved to, else its channel's, else general. */
  public QueueDefinition queueOf(String movedTo, Channel channel) {
    String name = movedTo.isEmpty() ? channelQueues.getOrDefault(channel, GENERAL) : movedTo;
    return queue(name).orElseGet(() -> queue(GENERAL).orElseThrow());
  }

  public int weight(Channel channel) {
    return weights.getOrDefault(channel, 1);
  }

  public Set<String> skillsFor(Channel channel) {
    return channel.equals(Channel.TTY) || channel.equals(Channel.RELAY) ? Set.of(channel.name()) : Set.of();
  }
}
