package org.accessline.gateway.routing;

import java.util.Locale;
import java.util.Optional;

public enum Presence {
  AVAILABLE,
  AWAY;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Presence> parse(String text) {
    for (Presence p : values()) if (p.wireName().equals(text)) return Optional.of(p);
    return Optional.empty();
  }
}
