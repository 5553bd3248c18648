package org.accessline.gateway.followup;

import java.util.Locale;

/** Where a follow-up stands at a moment: its stored state, with a scheduled one told apart by the clock. */
public enum Phase {
  SCHEDULED, DUE, OVERDUE, IN_PROGRESS, DONE, FAILED, CANCELLED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
