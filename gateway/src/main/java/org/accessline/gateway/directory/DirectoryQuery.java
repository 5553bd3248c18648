package org.accessline.gateway.directory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A directory search: the words, each widened to its synonyms (every group must match one of its
 * terms; a group's first term is the word as typed), and the filters. An empty list of groups lists by name.
 */
public record DirectoryQuery(List<Set<String>> terms, Optional<Instant> openAt, Optional<String> language, boolean ttyOnly, int limit) {
  public static final int MOST = 100;

  public DirectoryQuery {
    terms = terms.stream().filter(s -> !s.isEmpty()).map(s -> java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(s))).toList();
    if (terms.size() > 12) throw new IllegalArgumentException("a search has at most 12 words");
    if (openAt == null) openAt = Optional.empty();
    if (language == null) language = Optional.empty();
    if (limit < 1 || limit > MOST) throw new IllegalArgumentException("a search answers 1-" + MOST + " services");
  }
}
