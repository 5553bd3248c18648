package org.accessline.gateway.followup;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.accessline.gateway.conversation.ConversationId;

/** What happens to a follow-up, decided over data alone. Pure. */
public final class FollowUpRules {
  public static final String NO_CONSENT = "Not sent: this number has not given consent to texts from the center on the consent ledger.";
  public static final String CONSENT_REVOKED = "Not sent: the resident revoked consent to texts (they texted STOP or another way of saying it).";

  private FollowUpRules() {}

  /** Where the follow-up stands at {@code now}; a scheduled one becomes overdue {@code overdueAfter} past its due time. */
  public static Phase phase(FollowUp f, Instant now, Duration overdueAfter) {
    return switch (f.state()) {
      case IN_PROGRESS -> Phase.IN_PROGRESS;
      case DONE -> Phase.DONE;
      case FAILED -> Phase.FAILED;
      case CANCELLED -> Phase.CANCELLED;
      case SCHEDULED -> {
        if (now.isBefore(f.nextAttemptAt())) yield Phase.SCHEDULED;
        yield now.isBefore(f.due().plus(overdueAfter)) ? Phase.DUE : Phase.OVERDUE;
      }
    };
  }

  /** The next moment the follow-up's phase changes by the clock alone (due, then overdue), if any is after {@code now}. */
  public static Optional<Instant> nextChange(FollowUp f, Instant now, Duration overdueAfter) {
    if (f.state() != FollowUpState.SCHEDULED) return Optional.empty();
    Instant overdue = f.due().plus(overdueAfter);
    if (now.isBefore(f.nextAttemptAt())) return Optional.of(f.nextAttemptAt());
    if (now.isBefore(overdue)) return Optional.of(overdue);
    return Optional.empty();
  }

  /** Whether staff may start it now, or why not. */
  public sealed interface Start {
    record Go(FollowUp started) implements Start {}

    record Refused(String code, String message) implements Start {}
  }

  /**
   * Starting an attempt: only a scheduled follow-up, and one that texts only with the number's
   * consent on the ledger and no opt-out in its records since.
   *
   * @param latestConsent the ledger's latest line for the follow-up's number
   * @param optedOutInRecords whether the number's latest consent entry in its records is an opt-out
   */
  public static Start start(FollowUp f, Optional<ConsentChange> latestConsent, boolean optedOutInRecords, Instant now) {
    if (f.state() == FollowUpState.IN_PROGRESS) return new Start.Refused("in_progress", "This follow-up is already being done.");
    if (f.state().finished()) return new Start.Refused("finished", "This follow-up is " + f.state().wireName() + ".");
    if (f.channel().needsTextConsent()) {
      Optional<Start.Refused> refused = consentRefusal(latestConsent, optedOutInRecords);
      if (refused.isPresent()) return refused.get();
    }
    return new Start.Go(f.with(FollowUpState.IN_PROGRESS, f.attempts() + 1, f.lastOutcome(), f.nextAttemptAt(), f.conversation(), now));
  }

  /** Why a text may not go to the number, if it may not. */
  public static Optional<Start.Refused> consentRefusal(Optional<ConsentChange> latestConsent, boolean optedOutInRecords) {
    if (optedOutInRecords) return Optional.of(new Start.Refused("consent_revoked", CONSENT_REVOKED));
    if (latestConsent.isEmpty()) return Optional.of(new Start.Refused("no_consent", NO_CONSENT));
    if (!latestConsent.get().granted()) return Optional.of(new Start.Refused("consent_revoked", CONSENT_REVOKED));
    return Optional.empty();
  }

  /** The resident was reached: the follow-up is done, in {@code conversation} if one was opened. */
  public static FollowUp done(FollowUp f, Optional<ConversationId> conversation, String outcome, Instant now) {
    return f.with(FollowUpState.DONE, f.attempts(), Optional.of(outcome), f.nextAttemptAt(), conversation.or(f::conversation), now);
  }

  /**
   * An attempt did not reach the resident (no answer, busy, the call failed): tried again after the
   * policy's spacing, or failed for good once its attempts are spent. A refusal before any contact
   * (no consent) is not an attempt and is {@link #refused}.
   */
  public static FollowUp attemptFailed(FollowUp f, String outcome, RetryPolicy retries, Instant now) {
    if (f.attempts() >= retries.attempts()) return f.with(FollowUpState.FAILED, f.attempts(), Optional.of(outcome), f.nextAttemptAt(), f.conversation(), now);
    return f.with(FollowUpState.SCHEDULED, f.attempts(), Optional.of(outcome), now.plus(retries.spacing()), f.conversation(), now);
  }

  /** Doing it was refused before anyone was contacted: it stays where it was, with the reason noted. */
  public static FollowUp refused(FollowUp f, String reason, Instant now) {
    return f.with(f.state(), f.attempts(), Optional.of(reason), f.nextAttemptAt(), f.conversation(), now);
  }

  /** An attempt that was started could not be carried out (the store or the stream did not answer): scheduled again as it was, the attempt not counted. */
  public static FollowUp interrupted(FollowUp started, String reason, Instant now) {
    return started.with(FollowUpState.SCHEDULED, Math.max(0, started.attempts() - 1), Optional.of(reason), started.nextAttemptAt(), started.conversation(), now);
  }

  /**
   * A TTY call attempt whose end was never reported: once {@code limit} has passed since the attempt
   * was recorded (before the carrier was asked to place it), it counts as failed, retried as the
   * policy allows. Empty while within the limit, or when the attempt already ended or another began.
   */
  public static Optional<FollowUp> callOverran(FollowUp f, int attempt, Duration limit, RetryPolicy retries, Instant now) {
    if (f.state() != FollowUpState.IN_PROGRESS || f.channel() != FollowUpChannel.TTY_CALL || f.attempts() != attempt) return Optional.empty();
    if (now.isBefore(f.updatedAt().plus(limit))) return Optional.empty();
    return Optional.of(attemptFailed(f, "no end of the call was reported within " + (limit.toMinutes() >= 1 ? limit.toMinutes() + " min" : limit.toSeconds() + " s") + "; it was ended", retries, now));
  }

  public static Optional<FollowUp> cancel(FollowUp f, Instant now) {
    if (f.state().finished()) return Optional.empty();
    return Optional.of(f.with(FollowUpState.CANCELLED, f.attempts(), f.lastOutcome(), f.nextAttemptAt(), f.conversation(), now));
  }
}
