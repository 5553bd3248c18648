package org.accessline.gateway.followup;

import java.util.Locale;
import java.util.Optional;

/**
 * What is stored of a follow-up's progress. Whether a scheduled one is due or overdue is not
 * stored: it follows from the clock ({@link FollowUpRules#phase}).
 */
public enum FollowUpState {
  SCHEDULED, IN_PROGRESS, DONE, FAILED, CANCELLED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<FollowUpState> parse(String name) {
    for (FollowUpState s : values()) if (s.wireName().equals(name)) return Optional.of(s);
    return Optional.empty();
  }

  /** Done, failed for good, or cancelled: nothing more happens to it. */
  public boolean finished() {
    return this == DONE || this == FAILED || this == CANCELLED;
  }
}
