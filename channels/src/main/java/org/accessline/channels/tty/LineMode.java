package org.accessline.channels.tty;

import java.util.Optional;

/** How a call on the TTY line is carried. */
public enum LineMode {
  /** Baudot tones: a TTY caller. */
  TTY,
  /** Speech: a relay assistant speaking for the resident (or a hearing caller). */
  RELAY,
  /** Not yet known: the call listens for tones or speech, and TTY wins if the line stays quiet. */
  DETECT;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Optional<LineMode> parse(String s) {
    for (LineMode m : values()) if (m.wireName().equals(s)) return Optional.of(m);
    return Optional.empty();
  }
}
