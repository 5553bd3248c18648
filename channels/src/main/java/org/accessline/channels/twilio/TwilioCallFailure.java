package org.accessline.channels.twilio;

import com.twilio.exception.ApiException;
import java.time.Duration;
import java.util.Optional;

/**
 * Why one call to Twilio's REST API gave no usable answer, sorted by what it means for the message:
 * whether Twilio can have taken it, and whether asking again is safe.
 */
public sealed interface TwilioCallFailure {
  String reason();

  /** 429 or a 5xx: Twilio (or a proxy in front of it) did not take the request. Safe to ask again. */
  record Busy(int status, Optional<Duration> retryAfter, String reason) implements TwilioCallFailure {}

  /** No connection was made, so nothing was sent. Safe to ask again. */
  record Unreachable(String reason) implements TwilioCallFailure {}

  /** The request went out and no answer came back: Twilio may have taken it. Asking again could send it twice. */
  record NoAnswer(String reason) implements TwilioCallFailure {}

  /** Twilio answered with a 4xx: asking again gives the same answer. */
  record Refused(int status, Optional<Integer> code, String reason) implements TwilioCallFailure {}

  /** Carries a failure out of the SDK, which passes unchecked exceptions from its HTTP client through. */
  final class Raised extends RuntimeException {
    private final transient TwilioCallFailure failure;

    public Raised(TwilioCallFailure failure) {
      super(failure.reason(), null, false, false);
      this.failure = failure;
    }

    public TwilioCallFailure failure() {
      return failure;
    }
  }

  /** What an exception out of an SDK call means. */
  static TwilioCallFailure of(Throwable e) {
    if (e instanceof Raised raised) return raised.failure();
    if (e instanceof ApiException api && api.getStatusCode() != null) {
      return new Refused(api.getStatusCode(), Optional.ofNullable(api.getCode()), api.getMessage());
    }
    // Anything else happened somewhere we cannot tell whether the request left: treat it as possibly taken.
    return new NoAnswer(String.valueOf(e.getMessage()));
  }
}
