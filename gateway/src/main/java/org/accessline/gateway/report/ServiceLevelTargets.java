package org.accessline.gateway.report;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "X% answered within Y s": the answer time each queue and channel aims for, and the share it aims
 * to answer within it. A queue's own target wins over its channel's, which wins over the default.
 * The live dashboard and the reports read the same targets.
 */
public record ServiceLevelTargets(Target fallback, Map<String, Target> byChannel, Map<String, Target> byQueue) {

  /** Answer {@code percent}% of conversations within {@code within}. */
  public record Target(int percent, Duration within) {
    public Target {
      if (percent < 1 || percent > 100) throw new IllegalArgumentException("a service level target is 1-100 percent");
      if (within == null || within.isNegative() || within.isZero() || within.compareTo(Duration.ofHours(24)) > 0) {
        throw new IllegalArgumentException("a service level's answer time is over 0 s and at most 24 hours");
      }
    }
  }

  public ServiceLevelTargets {
    if (fallback == null) throw new IllegalArgumentException("service levels need a default target");
    byChannel = Map.copyOf(byChannel == null ? Map.of() : byChannel);
    byQueue = Map.copyOf(byQueue == null ? Map.of() : byQueue);
  }

  /** 80% in 20 s for chat and text; a TTY or relay conversation takes longer to start, so 80% in 60 s. */
  public static ServiceLevelTargets defaults() {
    Target quick = new Target(80, Duration.ofSeconds(20));
    Target slow = new Target(80, Duration.ofSeconds(60));
    Map<String, Target> channels = new LinkedHashMap<>();
    channels.put("webchat", quick);
    channels.put("sms", quick);
    channels.put("tty", slow);
    channels.put("relay", slow);
    return new ServiceLevelTargets(quick, channels, Map.of());
  }

  /** A channel's target, else the default: what the dashboard's per-channel figures measure against. */
  public Target forChannel(String channel) {
    return byChannel.getOrDefault(channel, fallback);
  }

  /** A queue's own target, else the default: what the dashboard's per-queue figures measure against. */
  public Target forQueue(String queue) {
    return byQueue.getOrDefault(queue, fallback);
  }

  /** The target for a conversation in {@code queue} (its channel's name when it never moved) on {@code channel}. */
  public Target targetFor(String queue, String channel) {
    Target q = byQueue.get(queue);
    if (q != null) return q;
    return byChannel.getOrDefault(channel, fallback);
  }
}
