package org.accessline.gateway.escalation;

import org.accessline.gateway.conversation.Breach;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.ConversationState;

/**
 * The time limits per channel and per queue (a queue's own limits win over its channel's), and the
 * rule that finds which have just run out. Pure.
 */
public record LimitPolicy(TimeLimits general, Map<Channel, TimeLimits> byChannel, Map<String, TimeLimits> byQueue, Duration checkEvery) {
  public LimitPolicy(TimeLimits general, Map<Channel, TimeLimits> byChannel, Duration checkEvery) {
    this(general, byChannel, Map.of(), checkEvery);
  }

  public LimitPolicy {
    byChannel = Map.copyOf(byChannel);
    byQueue = Map.copyOf(byQueue);
    if (general == null || checkEvery == null || checkEvery.isNegative() || checkEvery.isZero()) {
      throw new IllegalArgumentException("time limits need defaults and a positive check interval");
    }
  }

  public static LimitPolicy standard() {
    return new LimitPolicy(TimeLimits.defaults(),
        Map.of(Channel.TTY, TimeLimits.slowChannelDefaults(), Channel.RELAY, TimeLimits.slowChannelDefaults()), Duration.ofSeconds(5));
  }

  public TimeLimits forChannel(Channel channel) {
    return byChannel.getOrDefault(channel, general);
  }

  /** The limits for a conversation: its queue's if that queue has its own, else its channel's. */
  public TimeLimits forConversation(Channel channel, String queue) {
    TimeLimits own = byQueue.get(queue);
    return own != null ? own : forChannel(channel);
  }

  /** The limits the conversation has run past at {@code now} and not yet recorded. */
  public List<Breach> due(ConversationState s, Instant now) {
    return due(s, now, s.queue());
  }

  /** As {@link #due(ConversationState, Instant)}, for a conversation known to be in {@code queue}. */
  public List<Breach> due(ConversationState s, Instant now, String queue) {
    if (s.resolved()) return List.of();
    TimeLimits limits = forConversation(s.contact().channel(), queue);
    List<Breach> out = new ArrayList<>(1);
    Duration age = Duration.between(s.opened(), now);
    String id = s.id().value();
    if (s.isWaiting() && on(limits.queueWait()) && age.compareTo(limits.queueWait()) >= 0 && !s.breaches().contains(Breach.QUEUE_WAIT)) {
      out.add(new Breach(Breach.QUEUE_WAIT, "No agent has taken it in " + minutes(age) + " (limit " + minutes(limits.queueWait()) + ").",
          "limit:" + id + ":" + Breach.QUEUE_WAIT));
    }
    if (s.firstAgentReplySeq() == 0 && on(limits.firstResponse()) && age.compareTo(limits.firstResponse()) >= 0
        && !s.breaches().contains(Breach.FIRST_RESPONSE)) {
      out.add(new Breach(Breach.FIRST_RESPONSE, "No agent has answered in " + minutes(age) + " (limit " + minutes(limits.firstResponse()) + ").",
          "limit:" + id + ":" + Breach.FIRST_RESPONSE));
    }
    if (s.firstAgentReplySeq() > 0 && s.lastResidentSeq() > s.lastAgentReplySeq() && s.nextResponseBreachedSeq() != s.lastResidentSeq()
        && on(limits.nextResponse())) {
      Duration unanswered = Duration.between(s.lastResidentAt().orElse(now), now);
      if (unanswered.compareTo(limits.nextResponse()) >= 0) {
        out.add(new Breach(Breach.NEXT_RESPONSE, "The resident's message #" + s.lastResidentSeq() + " has waited " + minutes(unanswered)
            + " for an answer (limit " + minutes(limits.nextResponse()) + ").", "limit:" + id + ":" + Breach.NEXT_RESPONSE + ":" + s.lastResidentSeq()));
      }
    }
    return out;
  }

  /**
   * When the next time limit the conversation has not yet run past will pass, as {@link #due} would
   * find it; empty when none is running (resolved, answered, or every limit off or already passed).
   */
  public java.util.Optional<Instant> nextLimitAt(ConversationState s) {
    if (s.resolved()) return java.util.Optional.empty();
    TimeLimits limits = forConversation(s.contact().channel(), s.queue());
    List<Instant> running = new ArrayList<>(3);
    if (s.isWaiting() && on(limits.queueWait()) && !s.breaches().contains(Breach.QUEUE_WAIT)) running.add(s.opened().plus(limits.queueWait()));
    if (s.firstAgentReplySeq() == 0 && on(limits.firstResponse()) && !s.breaches().contains(Breach.FIRST_RESPONSE)) {
      running.add(s.opened().plus(limits.firstResponse()));
    }
    if (s.firstAgentReplySeq() > 0 && s.lastResidentSeq() > s.lastAgentReplySeq() && s.nextResponseBreachedSeq() != s.lastResidentSeq()
        && on(limits.nextResponse()) && s.lastResidentAt().isPresent()) {
      running.add(s.lastResidentAt().get().plus(limits.nextResponse()));
    }
    return running.stream().min(Instant::compareTo);
  }

  private static boolean on(Duration limit) {
    return !limit.isZero();
  }

  private static String minutes(Duration d) {
    long s = d.toSeconds();
    return s < 120 ? s + " s" : (s / 60) + " min";
  }
}
