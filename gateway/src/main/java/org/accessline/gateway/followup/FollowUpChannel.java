package org.accessline.gateway.followup;

import java.util.Locale;
import java.util.Optional;

/** How a follow-up reaches the resident, if at all. */
public enum FollowUpChannel {
  /** A text to the resident's number; needs their consent on the ledger. */
  TEXT,
  /** An outbound call to a TTY, the gateway typing first. */
  TTY_CALL,
  /** A text carrying a link to a web chat; needs consent as any text does. */
  CHAT_LINK,
  /** Work for staff with no contact with the resident (a call to an agency, a check of a record). */
  TASK;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<FollowUpChannel> parse(String name) {
    for (FollowUpChannel c : values()) if (c.wireName().equals(name)) return Optional.of(c);
    return Optional.empty();
  }

  /** Whether the resident's consent to texts must be on the ledger before it is done. */
  public boolean needsTextConsent() {
    return this == TEXT || this == CHAT_LINK;
  }
}
