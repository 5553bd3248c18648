package org.accessline.gateway.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.Channel;

/**
 * TTY and relay residents type slowly, and a turn is over only when they say so (GA, SK). Closing
 * such a conversation while the resident may still be typing warns the agent first. Pure.
 */
public final class SlowChannels {
  public static final Set<Channel> SLOW = Set.of(Channel.TTY, Channel.RELAY);
  /** No TTY or relay conversation is ever closed for inactivity in less than this. */
  public static final Duration PATIENCE = Duration.ofMinutes(10);

  private SlowChannels() {}

  /**
   * @param lastResidentText the resident's latest message, if any
   * @param lineOpen for a live call: whether the caller's carrier is up or a turn is half typed
   * @return why the agent should wait, if they should
   */
  public static Optional<String> warnBeforeClosing(Channel channel, Optional<String> lastResidentText, Optional<Instant> lastResidentAt,
      Optional<Boolean> lineOpen, Instant now) {
    if (!SLOW.contains(channel)) return Optional.empty();
    if (lineOpen.orElse(false)) return Optional.of("The caller is typing right now.");
    if (channel == Channel.TTY && lineOpen.isEmpty()) return Optional.empty();
    if (lastResidentText.isEmpty() || lastResidentAt.isEmpty()) return Optional.empty();
    if (Duration.between(lastResidentAt.get(), now).compareTo(PATIENCE) >= 0) return Optional.empty();
    String last = lastResidentText.get().toUpperCase(Locale.ROOT).replaceAll("[\\s.!]+$", "");
    if (last.matches("(?s).*\\b(GA|SK|SKSK|SK SK|GA OR SK)")) return Optional.empty();
    return Optional.of("The resident's last turn did not end with GA or SK, less than " + PATIENCE.toMinutes() + " minutes ago; they may still be typing.");
  }
}
