package org.accessline.gateway.directory;

import java.time.LocalDate;

/** Who last confirmed an entry still true, and on what day. */
public record Verification(LocalDate on, String by) {
  public Verification {
    if (on == null || by == null || by.isBlank() || by.length() > 64) throw new IllegalArgumentException("a verification needs a day and who verified");
  }
}
