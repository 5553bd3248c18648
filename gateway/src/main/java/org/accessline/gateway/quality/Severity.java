package org.accessline.gateway.quality;

import java.util.Locale;
import java.util.Optional;

/**
 * What failing a question costs. A question fails when it earns nothing: "no", a rating of 1, or a
 * choice worth 0 points.
 */
public enum Severity {
  /** Failing it costs only its own weight. */
  NORMAL,
  /** Failing it zeroes its section and flags the evaluation for a supervisor. */
  CRITICAL,
  /** Failing it zeroes the whole evaluation and flags it. */
  FATAL;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Severity> parse(String s) {
    for (Severity v : values()) if (v.wireName().equals(s)) return Optional.of(v);
    return Optional.empty();
  }
}
