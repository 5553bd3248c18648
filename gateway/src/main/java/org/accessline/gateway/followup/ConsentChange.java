package org.accessline.gateway.followup;

import java.time.Instant;
import java.util.Optional;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;

/**
 * One line of the consent ledger: a resident's number granted the center consent to text it (in a
 * conversation, noted by an agent) or revoked it (an opt-out word, or staff recording a refusal).
 *
 * @param by the agent who recorded it, or {@code resident} for an opt-out the resident texted
 * @param how in a few words: what the resident said, or the opt-out keyword
 */
public record ConsentChange(Contact contact, boolean granted, Instant at, String by, Optional<ConversationId> conversation, String how) {
  public static final String RESIDENT = "resident";

  public ConsentChange {
    if (contact == null || at == null || by == null || by.isBlank() || conversation == null) throw new IllegalArgumentException("a consent change needs a number, when and by whom");
    if (how == null || how.isBlank() || how.length() > 500) throw new IllegalArgumentException("how consent changed is 1-500 characters");
  }
}
