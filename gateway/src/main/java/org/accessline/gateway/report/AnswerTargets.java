package org.accessline.gateway.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * The part of {@link ServiceLevelTargets} that decides whether a record counts as answered in time:
 * each answer time ("within"), by queue, by channel and by default, in milliseconds. The percent a
 * target aims for does not change any count, so it is not here. A store that keeps service level
 * counts ahead of time keeps them against one of these, and can use them only for reports whose
 * targets have the same answer times.
 */
public record AnswerTargets(long fallbackMs, Map<String, Long> byChannel, Map<String, Long> byQueue) {
  public AnswerTargets {
    if (fallbackMs <= 0) throw new IllegalArgumentException("an answer time is over 0 ms");
    byChannel = Map.copyOf(byChannel);
    byQueue = Map.copyOf(byQueue);
  }

  public static AnswerTargets of(ServiceLevelTargets targets) {
    Map<String, Long> channels = new TreeMap<>();
    targets.byChannel().forEach((k, v) -> channels.put(k, v.within().toMillis()));
    Map<String, Long> queues = new TreeMap<>();
    targets.byQueue().forEach((k, v) -> queues.put(k, v.within().toMillis()));
    return new AnswerTargets(targets.fallback().within().toMillis(), channels, queues);
  }

  /** The answer time for a record last queued in {@code queue} on {@code channel}: as {@link ServiceLevelTargets#targetFor}. */
  public long withinMs(String queue, String channel) {
    Long q = byQueue.get(queue);
    if (q != null) return q;
    return byChannel.getOrDefault(channel, fallbackMs);
  }
}
