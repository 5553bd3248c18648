package org.accessline.gateway.report;

import java.util.Optional;

/**
 * What a report's rows are split by besides time. A record counts once per group, except under
 * {@link #TAG}, where a record with several tags counts once under each (and once under "" with none).
 */
public enum Grouping {
  NONE("none"),
  CHANNEL("channel"),
  QUEUE("queue"),
  AGENT("agent"),
  CATEGORY("category"),
  TAG("tag");

  private final String key;

  Grouping(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<Grouping> byKey(String key) {
    for (Grouping g : values()) if (g.key.equals(key)) return Optional.of(g);
    return Optional.empty();
  }
}
