package org.accessline.gateway.followup;

import java.time.Instant;
import java.util.Optional;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;

/**
 * A promise to come back to a resident about a record: by when, who does it, how, and what happened
 * so far. {@code contact} is who is reached (empty for a task with no contact); {@code conversation}
 * is the conversation that did it, once one was opened.
 *
 * @param attempts how many times it was tried (calls placed, texts opened), successful or not
 * @param lastOutcome what the last attempt came to, in a few words ("no-answer", "no consent to text")
 * @param nextAttemptAt when a failed attempt is tried again; {@code due} until the first attempt
 */
public record FollowUp(String id, ConversationId origin, Optional<Contact> contact, FollowUpChannel channel, Owner owner, Instant due, String note,
    FollowUpState state, int attempts, Optional<String> lastOutcome, Instant nextAttemptAt, Optional<ConversationId> conversation, Instant createdAt,
    String createdBy, Instant updatedAt) {

  public static final int NOTE_LIMIT = 1000;

  public FollowUp {
    if (id == null || id.isBlank() || origin == null || contact == null || channel == null || owner == null || due == null || state == null
        || lastOutcome == null || nextAttemptAt == null || conversation == null || createdAt == null || createdBy == null || updatedAt == null) {
      throw new IllegalArgumentException("a follow-up needs every field");
    }
    if (note == null || note.length() > NOTE_LIMIT) throw new IllegalArgumentException("a follow-up's note is at most " + NOTE_LIMIT + " characters");
    if (attempts < 0) throw new IllegalArgumentException("attempts cannot be negative");
    if (channel != FollowUpChannel.TASK && contact.isEmpty()) throw new IllegalArgumentException("a follow-up that contacts the resident needs their contact");
  }

  /** A new follow-up, scheduled. */
  public static FollowUp scheduled(String id, ConversationId origin, Optional<Contact> contact, FollowUpChannel channel, Owner owner, Instant due,
      String note, Instant now, String by) {
    return new FollowUp(id, origin, contact, channel, owner, due, note, FollowUpState.SCHEDULED, 0, Optional.empty(), due, Optional.empty(), now, by, now);
  }

  public FollowUp with(FollowUpState nextState, int nextAttempts, Optional<String> outcome, Instant nextAttempt, Optional<ConversationId> in, Instant now) {
    return new FollowUp(id, origin, contact, channel, owner, due, note, nextState, nextAttempts, outcome, nextAttempt, in, createdAt, createdBy, now);
  }
}
