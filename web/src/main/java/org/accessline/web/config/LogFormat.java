package org.accessline.web.config;

import java.util.Locale;

/** How log events are written: one JSON object per line for production, a readable line for development. */
public enum LogFormat {
  JSON,
  TEXT;

  public static LogFormat parse(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "json" -> JSON;
      case "text" -> TEXT;
      default -> throw new IllegalArgumentException("log.format must be json (production) or text (development), not " + value);
    };
  }
}
