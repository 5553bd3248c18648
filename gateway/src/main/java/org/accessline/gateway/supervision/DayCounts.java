package org.accessline.gateway.supervision;

import org.accessline.gateway.report.ServiceLevelTargets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.accessline.gateway.conversation.AgentId;

/**
 * The counts of one day in the center's time zone, per queue, per channel and per agent. Adding the
 * same count twice (heard live and read back from the store while rebuilding) changes nothing, and a
 * count from another day is ignored. Not thread-safe: one owner adds and reads.
 */
public final class DayCounts {
  /** One queue's or channel's day. Answers and abandons are judged against that queue's or channel's own target. */
  public record Tally(long answered, long answeredInTarget, long abandoned, long abandonedAfterTarget, long limitsPassed, long emergencies) {
    public static final Tally NONE = new Tally(0, 0, 0, 0, 0, 0);

    /** The share answered within the target, as answered in target ÷ (answered + abandoned after the target); empty with nothing to count. */
    public java.util.OptionalInt serviceLevelPercent() {
      long offered = answered + abandonedAfterTarget;
      return offered == 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of((int) Math.floor(100.0 * answeredInTarget / offered));
    }

    Tally plus(Count c, ServiceLevelTargets.Target target) {
      boolean inTarget = c.waitMillis() <= target.within().toMillis();
      return switch (c.what()) {
        case ANSWERED -> new Tally(answered + 1, answeredInTarget + (inTarget ? 1 : 0), abandoned, abandonedAfterTarget, limitsPassed, emergencies);
        case ABANDONED -> new Tally(answered, answeredInTarget, abandoned + 1, abandonedAfterTarget + (inTarget ? 0 : 1), limitsPassed, emergencies);
        case LIMIT_PASSED -> new Tally(answered, answeredInTarget, abandoned, abandonedAfterTarget, limitsPassed + 1, emergencies);
        case EMERGENCY -> new Tally(answered, answeredInTarget, abandoned, abandonedAfterTarget, limitsPassed, emergencies + 1);
        case HANDLED -> this;
      };
    }
  }

  public enum What { ANSWERED, ABANDONED, HANDLED, LIMIT_PASSED, EMERGENCY }

  /** One count, its queue already resolved to a queue name. {@code key} tells one count from another (the conversation and its entry's place). */
  public record Count(What what, String key, String queue, String channel, java.util.Optional<AgentId> agent, long waitMillis, Instant at) {}

  private final LocalDate day;
  private final ZoneId zone;
  private final ServiceLevelTargets targets;
  private final Set<String> seen = new HashSet<>();
  private final Map<String, Tally> byQueue = new HashMap<>();
  private final Map<String, Tally> byChannel = new HashMap<>();
  private final Map<AgentId, Long> handled = new HashMap<>();

  public DayCounts(LocalDate day, ZoneId zone, ServiceLevelTargets targets) {
    this.day = day;
    this.zone = zone;
    this.targets = targets;
  }

  public LocalDate day() {
    return day;
  }

  /** @return whether it counted: false for a repeat or another day */
  public boolean add(Count c) {
    if (!c.at().atZone(zone).toLocalDate().equals(day) || !seen.add(c.what() + ":" + c.key())) return false;
    byQueue.put(c.queue(), queue(c.queue()).plus(c, targets.forQueue(c.queue())));
    byChannel.put(c.channel(), channel(c.channel()).plus(c, targets.forChannel(c.channel())));
    if (c.what() == What.HANDLED) c.agent().ifPresent(a -> handled.merge(a, 1L, Long::sum));
    return true;
  }

  public Tally queue(String name) {
    return byQueue.getOrDefault(name, Tally.NONE);
  }

  public Tally channel(String name) {
    return byChannel.getOrDefault(name, Tally.NONE);
  }

  public long handled(AgentId agent) {
    return handled.getOrDefault(agent, 0L);
  }

  public Set<String> queues() {
    return Set.copyOf(byQueue.keySet());
  }

  public Set<String> channels() {
    return Set.copyOf(byChannel.keySet());
  }
}
