package org.accessline.web.config;

import java.util.Optional;

/** The format asked of the endpoint: XML is the one every GeoReport v2 server must speak. */
public enum Open311Format {
  JSON, XML;

  public String extension() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Optional<Open311Format> parse(String name) {
    for (Open311Format f : values()) if (f.extension().equalsIgnoreCase(name)) return Optional.of(f);
    return Optional.empty();
  }
}
