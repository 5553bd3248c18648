package org.accessline.web.config;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.accessline.gateway.followup.RetryPolicy;

/**
 * The {@code followUps} section.
 *
 * @param overdueAfter how long past its due time an undone follow-up alerts supervisors
 * @param retries how often a call that was not answered is tried, and how far apart
 * @param chatLink the web chat's address, carried by a chat-link follow-up's text; empty refuses such follow-ups
 * @param callerNumber the center's TTY number that outbound TTY calls come from (E.164); empty refuses such follow-ups
 * @param callOpening what the gateway types first when the resident answers; empty: "HELLO THIS IS (center) CALLING YOU BACK ABOUT YOUR REQUEST GA"
 * @param callLimit how long after it was placed an outbound TTY call whose end Twilio never reported is ended and counted a failed attempt
 */
public record FollowUpConfig(Duration overdueAfter, RetryPolicy retries, Optional<String> chatLink, Optional<String> callerNumber,
    Optional<String> callOpening, Duration callLimit) {
  public static final Duration DEFAULT_CALL_LIMIT = Duration.ofMinutes(120);

  public FollowUpConfig(Duration overdueAfter, RetryPolicy retries, Optional<String> chatLink) {
    this(overdueAfter, retries, chatLink, Optional.empty(), Optional.empty(), DEFAULT_CALL_LIMIT);
  }

  public FollowUpConfig {
    if (overdueAfter == null || overdueAfter.isNegative() || overdueAfter.toMinutes() > 7 * 24 * 60) {
      throw new IllegalArgumentException("followUps.overdueMinutes must be 0-10080");
    }
    if (retries == null || chatLink == null) throw new IllegalArgumentException("followUps.attempts and retryMinutes must be given");
    if (callerNumber == null || callOpening == null) throw new IllegalArgumentException("followUps.callerNumber and callOpening may be absent, not null");
    callerNumber.filter(n -> !n.matches("\\+[1-9][0-9]{6,14}")).ifPresent(n -> {
      throw new IllegalArgumentException("followUps.callerNumber must be an E.164 number such as +15551230000");
    });
    callOpening.filter(o -> o.isBlank() || o.length() > 300).ifPresent(o -> {
      throw new IllegalArgumentException("followUps.callOpening must be 1-300 characters");
    });
    if (callLimit == null || callLimit.toSeconds() < 1 || callLimit.toMinutes() > 24 * 60) {
      throw new IllegalArgumentException("followUps.callLimitMinutes must be 1-1440 (callLimitSeconds at least 1)");
    }
    chatLink.filter(l -> !l.matches("https://\\S{1,200}")).ifPresent(l -> {
      throw new IllegalArgumentException("followUps.chatLink must be an https address");
    });
  }

  public static FollowUpConfig defaults() {
    return new FollowUpConfig(Duration.ofMinutes(15), new RetryPolicy(3, Duration.ofMinutes(10)), Optional.empty());
  }

  public static FollowUpConfig fromJson(JsonObject json, Function<String, Optional<String>> var) {
    FollowUpConfig d = defaults();
    long overdue = var.apply("FOLLOW_UPS_OVERDUE_MINUTES").map(Long::parseLong).orElse(json.getLong("overdueMinutes", d.overdueAfter().toMinutes()));
    int attempts = var.apply("FOLLOW_UPS_ATTEMPTS").map(Integer::parseInt).orElse(json.getInteger("attempts", d.retries().attempts()));
    // Seconds are accepted too, so a stand-in's retries need not take minutes.
    long retrySeconds = var.apply("FOLLOW_UPS_RETRY_SECONDS").map(Long::parseLong)
        .orElse(json.getLong("retrySeconds", json.getLong("retryMinutes", d.retries().spacing().toMinutes()) * 60));
    Optional<String> link = var.apply("FOLLOW_UPS_CHAT_LINK").or(() -> Optional.ofNullable(json.getString("chatLink")));
    Optional<String> callerNumber = var.apply("FOLLOW_UPS_CALLER_NUMBER").or(() -> Optional.ofNullable(json.getString("callerNumber")));
    Optional<String> opening = var.apply("FOLLOW_UPS_CALL_OPENING").or(() -> Optional.ofNullable(json.getString("callOpening")));
    long callLimitSeconds = var.apply("FOLLOW_UPS_CALL_LIMIT_SECONDS").map(Long::parseLong)
        .orElse(json.getLong("callLimitSeconds", json.getLong("callLimitMinutes", d.callLimit().toMinutes()) * 60));
    return new FollowUpConfig(Duration.ofMinutes(overdue), new RetryPolicy(attempts, Duration.ofSeconds(retrySeconds)), link, callerNumber, opening,
        Duration.ofSeconds(callLimitSeconds));
  }
}
