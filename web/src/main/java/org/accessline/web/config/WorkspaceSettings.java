package org.accessline.web.config;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the agent's workspace offers: the categories a record may be filed under, and the key that
 * turns a web chat token into a short, stable name for the resident.
 *
 * @param residentNamesKeyFile empty for {@code resident-names.key} in the data directory
 */
public record WorkspaceSettings(List<String> categories, Optional<Path> residentNamesKeyFile) {
  /** The categories a county 311 center commonly files under, until a center lists its own. */
  public static final List<String> DEFAULT_CATEGORIES = List.of("Streets and sidewalks", "Streetlights", "Traffic signals", "Trash and recycling",
      "Water and sewer", "Parks and trees", "Noise", "Animals", "Housing and code enforcement", "Parking and vehicles", "Graffiti", "Public health",
      "Social services", "Taxes and payments", "Permits and licenses", "Public transit", "General information", "Other");
  static final int MAX_CATEGORIES = 200;
  static final int MAX_CATEGORY_CHARS = 200;

  public WorkspaceSettings {
    categories = categories.stream().map(String::strip).toList();
    if (categories.isEmpty() || categories.size() > MAX_CATEGORIES) {
      throw new IllegalArgumentException("records.categories must list 1-" + MAX_CATEGORIES + " categories");
    }
    Set<String> seen = new HashSet<>();
    for (String c : categories) {
      if (c.isEmpty() || c.length() > MAX_CATEGORY_CHARS) throw new IllegalArgumentException("each of records.categories must be 1-" + MAX_CATEGORY_CHARS + " characters");
      if (!seen.add(c.toLowerCase(Locale.ROOT))) throw new IllegalArgumentException("records.categories lists \"" + c + "\" twice");
    }
  }

  public static WorkspaceSettings defaults() {
    return new WorkspaceSettings(DEFAULT_CATEGORIES, Optional.empty());
  }

  /** The configured spelling of a category, matched without regard to case; empty if it is not in the list. */
  public Optional<String> category(String given) {
    String wanted = given.strip();
    return categories.stream().filter(c -> c.equalsIgnoreCase(wanted)).findFirst();
  }

  /** The key file as configured, or in the data directory. */
  public Path residentNamesKeyFile(Path dataDir) {
    return residentNamesKeyFile.orElse(dataDir.resolve("resident-names.key"));
  }
}
