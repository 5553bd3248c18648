package org.accessline.gateway.store;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;

/**
 * Where interaction records live. Implementations never block the caller's event loop, and complete
 * every future on the caller's context.
 */
public interface InteractionStore {

  /** Opens the store and brings its schema to the current version. */
  Future<Void> start();

  Future<Void> close();

  /**
   * Writes the entries atomically, and completes only once they are durable. A batch that starts
   * with an opened entry creates the conversation. If any entry's dedupe key is already stored,
   * nothing is written and the stored entry is returned.
   */
  Future<AppendOutcome> append(List<Entry> entries);

  /**
   * Makes the claimant the one owner of the open conversations and answers its new epoch (a fencing
   * token, higher than any answered before): from then on an append fenced with an earlier epoch is
   * refused. Fails with {@link OwnerStillActiveException}, changing nothing, while the holder renews
   * too recently for the claim's rule ({@link OwnerClaim#takesOverFrom}). Used when several gateway
   * nodes share the store; a single process never needs it.
   */
  Future<Long> claimOwnership(OwnerClaim claim);

  /** The holder of {@code epoch} is still at work: answers false once another claim has outdated it. */
  default Future<Boolean> renewOwnership(OwnerClaim claim, long epoch) {
    return Future.succeededFuture(true);
  }

  /** The holder of {@code epoch} lets it go as it stops, so another node need not wait out its silence. */
  default Future<Void> releaseOwnership(OwnerClaim claim, long epoch) {
    return Future.succeededFuture();
  }

  /**
   * As {@link #append(List)}, but only while {@code epoch} is the latest claimed: checked in the
   * append's own transaction, so an owner that has been taken over writes nothing and fails with
   * {@link StaleOwnerException}.
   */
  Future<AppendOutcome> append(List<Entry> entries, long epoch);

  /** The conversation's entries with a sequence number above {@code afterSeq}, in order. */
  Future<List<Entry>> entries(ConversationId conversation, long afterSeq);

  /** Every entry of every conversation that is not resolved, grouped by conversation. */
  Future<List<List<Entry>>> openConversations();

  Future<Optional<ConversationId>> latestConversation(Contact contact);

  /** The contact's conversations, newest first, at most {@code limit}: what an agent sees as their history. */
  Future<List<ConversationSummary>> history(Contact contact, int limit);

  /**
   * The records of any of these contacts (one person on several channels), newest first, at most
   * {@code limit}, each with its filed category and tags and the names of the agents who held it.
   */
  Future<List<EarlierRecord>> earlierRecords(List<Contact> contacts, int limit);

  /** The canned replies kept in the same database. */
  CannedReplies cannedReplies();

  /** The resource directory kept in the same database, and the referrals recorded on records. */
  org.accessline.gateway.directory.Directory directory();
  /** The staff accounts and record categories kept in the same database. */
  Administration administration();
  /** Follow-ups and the consent ledger. */
  FollowUps followUps();
  /** The service requests (Open311) kept in the same database. */
  ServiceRequests serviceRequests();
  /** Reports over the records kept in the same database. */
  Reports reports();
  /** Quality review's scorecards, evaluations and calibration sessions, kept in the same database. */
  QualityReviews qualityReviews();

  /** Whether the contact's latest consent entry opted them out; false if they never changed it. */
  Future<Boolean> optedOut(Contact contact);

  /** Records matching the query, newest first, one page at a time. */
  Future<RecordPage> search(RecordQuery query);

  /** Writes to the audit log; completes once it is durable. */
  Future<Void> audit(AuditEvent event);

  /**
   * Writes the events to the audit log in order; completes once all are durable. A store may write
   * them in one transaction; this default writes them one after another.
   */
  default Future<Void> audit(List<AuditEvent> events) {
    Future<Void> chain = Future.succeededFuture();
    for (AuditEvent event : events) chain = chain.compose(v -> audit(event));
    return chain;
  }

  /** The audit log, newest first: about one target (a record id), or all of it. */
  Future<List<AuditEvent>> auditTrail(Optional<String> target, int limit);

  /** Puts a record on legal hold, exempt from purging, or takes it off; false for an unknown id. */
  Future<Boolean> setLegalHold(ConversationId conversation, boolean hold);

  /** Whether the record is on legal hold; false for an unknown id. */
  Future<Boolean> onLegalHold(ConversationId conversation);

  /**
   * Deletes records resolved before {@code resolvedBefore} that are not on legal hold: their
   * entries, text, search index and attachments' details. Only the fact of each purge stays (id,
   * opening and resolution times, when, by whom, why), sealed so it cannot be forged to hide a
   * deletion. Returns how many were purged.
   */
  Future<Integer> purge(java.time.Instant resolvedBefore, java.time.Instant now);

  /** Whether a record existed and was purged. */
  Future<Boolean> purged(ConversationId conversation);

  /** Every conversation's id, oldest first: for checking a whole store. */
  Future<List<ConversationId>> conversationIds();

  /**
   * Checks the conversation's hash chain from the stored rows, its sealed head (entry count and last
   * hash, sealed with a key kept outside the database) and the latest checkpoint that saw it. Empty
   * for an id neither the database nor any checkpoint knows; a report of MISSING for one a
   * checkpoint knows and no sealed purge explains.
   */
  Future<Optional<EntryChain.Report>> verify(ConversationId conversation);

  /**
   * Checks what no single record shows: the audit log's chain, records a checkpoint remembers that
   * the database lost, and the checkpoint file's own chain.
   */
  Future<StoreReport> verifyStore();

  /**
   * Appends a checkpoint of every record's sealed head, the purges since the last one and the audit
   * log's end to the checkpoint file outside the database. A head whose seal does not verify is not
   * taken: the checkpoint keeps what it last saw for that record. Returns the checkpoint's number.
   */
  Future<Long> checkpoint(java.time.Instant now);

  /** The records that link back to this one as their contact's previous record, oldest first. */
  Future<List<ConversationId>> following(ConversationId conversation);

  /** The whole record: its entries, and the records that followed it. Empty for an unknown id. */
  default Future<Optional<InteractionRecord>> record(ConversationId conversation) {
    return entries(conversation, 0).compose(entries -> entries.isEmpty()
        ? Future.succeededFuture(Optional.<InteractionRecord>empty())
        : following(conversation).map(later -> Optional.of(InteractionRecord.of(entries).withFollowing(later))));
  }
}
