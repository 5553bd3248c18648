package org.accessline.channels.sms;

import java.time.Duration;
import org.accessline.channels.twilio.TwilioCallFailure;

/**
 * What to do after a try at handing a text to Twilio failed. Pure, so every path is tested without
 * a network: a busy Twilio (429, 5xx of any body) or a failed connection is tried again after a
 * growing pause (never longer than {@code longestWait}), or after Twilio's {@code Retry-After} when
 * that is longer; a refusal (4xx) is final;
 * a request that got no answer is never sent again, since Twilio may have taken it.
 */
public record DeliveryPlan(Duration firstRetry, int attempts, Duration longestWait) {
  public DeliveryPlan {
    if (firstRetry.isNegative()) throw new IllegalArgumentException("sms.firstRetryMillis cannot be negative");
    if (attempts < 1 || attempts > 20) throw new IllegalArgumentException("sms.attempts must be 1-20");
  }

  /** The next step after a failed try. */
  public sealed interface Step {}

  /** Try again after this pause. */
  public record Retry(Duration after) implements Step {}

  /** Not sent, and never will be: record it failed. */
  public record GiveUp(String reason) implements Step {}

  /** Maybe sent: record it unknown, to be settled by Twilio's report. */
  public record Unsettled(String reason) implements Step {}

  /** @param tries how many requests went out for this text, the failed one included */
  public Step after(TwilioCallFailure failure, int tries) {
    String count = " after " + tries + (tries == 1 ? " try." : " tries.");
    if (failure instanceof TwilioCallFailure.NoAnswer) {
      return new Unsettled("Twilio may have taken the text: " + failure.reason() + ". Its delivery report will settle it.");
    }
    if (failure instanceof TwilioCallFailure.Refused) return new GiveUp("Twilio refused the text (" + failure.reason() + ")" + count);
    if (tries >= attempts) {
      return new GiveUp((failure instanceof TwilioCallFailure.Busy ? "Twilio did not take the text (" : "Could not reach Twilio (") + failure.reason() + ")" + count);
    }
    Duration backoff = firstRetry.multipliedBy(1L << Math.min(tries - 1, 20));
    // Doubling twenty times would wait for days; a text still worth sending waits no longer than Twilio may ask us to.
    if (backoff.compareTo(longestWait) > 0) backoff = longestWait;
    if (failure instanceof TwilioCallFailure.Busy busy && busy.retryAfter().isPresent()) {
      Duration asked = busy.retryAfter().get();
      if (asked.compareTo(longestWait) > 0) {
        return new GiveUp("Twilio asked to wait " + asked.toSeconds() + " s, longer than " + longestWait.toSeconds() + " s (" + failure.reason() + ")" + count);
      }
      if (asked.compareTo(backoff) > 0) backoff = asked;
    }
    return new Retry(backoff);
  }
}
