package org.accessline.web.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.accessline.gateway.directory.Synonyms;

/**
 * The resource directory's options: the groups of words a search treats as one ({@code directory.synonyms},
 * a list of lists in the file; groups separated by {@code ;} and words by {@code ,} in
 * {@code ACCESSLINE_DIRECTORY_SYNONYMS}), and how many days after its last verification an entry is
 * listed as stale ({@code directory.staleAfterDays}, {@code ACCESSLINE_DIRECTORY_STALE_AFTER_DAYS}).
 */
public record DirectoryConfig(List<List<String>> synonymGroups, Duration staleAfter) {
  public static final List<List<String>> DEFAULT_SYNONYMS = List.of(List.of("trash", "garbage", "refuse", "rubbish"),
      List.of("food", "meal", "groceries", "pantry"), List.of("housing", "shelter", "homeless"), List.of("deaf", "hoh", "tty", "asl"),
      List.of("doctor", "clinic", "medical", "health"), List.of("pothole", "road", "street"));

  public DirectoryConfig {
    synonymGroups = synonymGroups.stream().map(List::copyOf).toList();
    if (synonymGroups.size() > 500 || synonymGroups.stream().anyMatch(g -> g.size() < 2 || g.size() > 50)) {
      throw new IllegalArgumentException("directory.synonyms is at most 500 groups of 2-50 words each");
    }
    if (synonymGroups.stream().flatMap(List::stream).anyMatch(w -> w.isBlank() || w.strip().contains(" "))) {
      throw new IllegalArgumentException("directory.synonyms holds single words");
    }
    if (staleAfter.toDays() < 1 || staleAfter.toDays() > 3650) throw new IllegalArgumentException("directory.staleAfterDays must be 1-3650");
  }

  public static DirectoryConfig defaults() {
    return new DirectoryConfig(DEFAULT_SYNONYMS, Duration.ofDays(180));
  }

  public Synonyms synonyms() {
    return new Synonyms(synonymGroups);
  }

  public static DirectoryConfig fromJson(JsonObject json, Function<String, Optional<String>> var) {
    DirectoryConfig d = defaults();
    List<List<String>> groups = var.apply("DIRECTORY_SYNONYMS").map(DirectoryConfig::parseGroups).orElseGet(() -> {
      JsonArray configured = json.getJsonArray("synonyms");
      if (configured == null) return d.synonymGroups();
      List<List<String>> out = new ArrayList<>();
      for (int i = 0; i < configured.size(); i++) out.add(configured.getJsonArray(i).stream().map(String::valueOf).toList());
      return out;
    });
    long days = var.apply("DIRECTORY_STALE_AFTER_DAYS").map(Long::parseLong).orElse(json.getLong("staleAfterDays", d.staleAfter().toDays()));
    return new DirectoryConfig(groups, Duration.ofDays(days));
  }

  private static List<List<String>> parseGroups(String text) {
    return Arrays.stream(text.split(";")).map(String::strip).filter(g -> !g.isEmpty())
        .map(g -> Arrays.stream(g.split(",")).map(String::strip).filter(w -> !w.isEmpty()).toList()).toList();
  }
}
