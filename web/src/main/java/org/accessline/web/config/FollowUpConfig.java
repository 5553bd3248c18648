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
 */
public record FollowUpConfig(Duration overdueAfter, RetryPolicy retries, Optional<String> chatLink) {
  public FollowUpConfig {
    if (overdueAfter == null || overdueAfter.isNegative() || overdueAfter.toMinutes() > 7 * 24 * 60) {
      throw new IllegalArgumentException("followUps.overdueMinutes must be 0-10080");
    }
    if (retries == null || chatLink == null) throw new IllegalArgumentException("followUps.attempts and retryMinutes must be given");
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
    return new FollowUpConfig(Duration.ofMinutes(overdue), new RetryPolicy(attempts, Duration.ofSeconds(retrySeconds)), link);
  }
}
