package org.accessline.gateway.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configured groups of words that mean the same to a resident ("trash", "garbage", "refuse"):
 * a search for any one finds entries that use another.
 */
public final class Synonyms {
  public static final Synonyms NONE = new Synonyms(List.of());
  private final Map<String, Set<String>> groupOf = new HashMap<>();

  /** Each group is a list of single words; a word in two groups takes both. */
  public Synonyms(List<List<String>> groups) {
    for (List<String> group : groups) {
      Set<String> folded = new LinkedHashSet<>();
      for (String w : group) folded.addAll(SearchWords.of(w));
      for (String w : folded) groupOf.computeIfAbsent(w, k -> new LinkedHashSet<>()).addAll(folded);
    }
  }

  /** The search's word groups: each word of the text with its synonyms. */
  public List<Set<String>> expand(String text) {
    List<Set<String>> out = new ArrayList<>();
    for (String w : SearchWords.of(text)) {
      Set<String> terms = new LinkedHashSet<>();
      terms.add(w);
      terms.addAll(groupOf.getOrDefault(w, Set.of()));
      out.add(terms);
    }
    return out;
  }

  public DirectoryQuery query(String text, java.util.Optional<java.time.Instant> openAt, java.util.Optional<String> language, boolean ttyOnly, int limit) {
    return new DirectoryQuery(expand(text), openAt, language, ttyOnly, limit);
  }
}
