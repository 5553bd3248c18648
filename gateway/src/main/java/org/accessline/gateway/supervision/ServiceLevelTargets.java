package org.accessline.gateway.supervision;

import java.util.Map;
import java.util.Optional;

/**
 * Service-level targets, "X% answered within Y s": one per queue, else one per channel, else the
 * general one. The defaults follow the common 80/20 for web chat and texts, and give TTY and relay
 * longer, as a TTY types at about six characters a second and relay adds a communications assistant.
 */
public record ServiceLevelTargets(Target general, Map<String, Target> byChannel, Map<String, Target> byQueue) {

  /** {@code percent}% of answered conversations within {@code seconds}. */
  public record Target(int percent, int seconds) {
    public Target {
      if (percent < 1 || percent > 100) throw new IllegalArgumentException("a service-level percent must be 1-100");
      if (seconds < 1 || seconds > 86_400) throw new IllegalArgumentException("a service-level time must be 1-86400 seconds");
    }
  }

  public ServiceLevelTargets {
    if (general == null) throw new IllegalArgumentException("a general target is needed");
    byChannel = Map.copyOf(byChannel);
    byQueue = Map.copyOf(byQueue);
  }

  public static ServiceLevelTargets defaults() {
    Target text = new Target(80, 20);
    return new ServiceLevelTargets(text, Map.of("webchat", text, "sms", text, "tty", new Target(80, 60), "relay", new Target(80, 90)), Map.of());
  }

  public Target forChannel(String channel) {
    return byChannel.getOrDefault(channel, general);
  }

  /** A queue's own target; a queue without one takes the general target. */
  public Target forQueue(String queue) {
    return Optional.ofNullable(byQueue.get(queue)).orElse(general);
  }
}
