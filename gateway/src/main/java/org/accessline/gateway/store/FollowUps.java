package org.accessline.gateway.store;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.followup.ConsentChange;
import org.accessline.gateway.followup.FollowUp;
import org.accessline.gateway.followup.FollowUpState;
import org.accessline.gateway.followup.Owner;

/**
 * Follow-ups and the consent ledger, beside the interaction records in the same database. Every
 * future completes on the caller's context, and a write only once it is durable.
 */
public interface FollowUps {

  /** Stores a new follow-up; the same id again changes nothing and answers false. */
  Future<Boolean> create(FollowUp followUp);

  Future<Optional<FollowUp>> find(String id);

  /**
   * Replaces the follow-up only if its stored state is still {@code expected}: two staff starting the
   * same follow-up at once, or a retry racing a cancel, see one of them win. False when it was not.
   */
  Future<Boolean> update(FollowUp next, FollowUpState expected);

  /**
   * Claims the telling of one reminder ({@code phase} "due") or overdue alert ("overdue") of a
   * follow-up for its due time: true for the first caller only, so when two nodes both believe they
   * run the scheduler the owner still hears once.
   */
  Future<Boolean> claimNotice(String followUpId, String phase, Instant due, String node, Instant at);

  /** Every follow-up not finished (scheduled or in progress), soonest first: what a scheduler holds. */
  Future<List<FollowUp>> pending();

  /** Follow-ups not finished, soonest first, owned by any of {@code owners}. */
  Future<List<FollowUp>> pendingFor(List<Owner> owners);

  /** Follow-ups made from the record, newest first. */
  Future<List<FollowUp>> ofRecord(ConversationId origin);

  /** Counts for reports over {@code [from, to)}, optionally for one owner; see {@link Counts}. */
  Future<Counts> count(Instant from, Instant to, Optional<Owner> owner, java.time.Duration overdueAfter, Instant asOf);

  /**
   * @param done follow-ups finished as done with their last change in the range
   * @param overdue follow-ups due in the range that were not done by their due time plus the grace
   *     (still pending past it, done late, failed or cancelled after it), as of {@code asOf}
   */
  record Counts(long done, long overdue) {
    /** Whether a follow-up due in the range counts as overdue: not done within {@code overdueAfter} of its due time. Pure. */
    public static boolean overdue(FollowUp f, java.time.Duration overdueAfter, Instant asOf) {
      Instant limit = f.due().plus(overdueAfter);
      if (!asOf.isAfter(limit)) return false;
      return !(f.state() == FollowUpState.DONE && !f.updatedAt().isAfter(limit));
    }
  }

  // ---- The consent ledger ----

  /** Appends a line to the number's ledger. */
  Future<Void> recordConsent(ConsentChange change);

  /** The number's latest line, if it has any. */
  Future<Optional<ConsentChange>> latestConsent(Contact contact);

  /** The number's whole ledger, oldest first. */
  Future<List<ConsentChange>> consentHistory(Contact contact);
}
