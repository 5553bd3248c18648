package org.accessline.transcripts.embedded;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The words the writer knows are already indexed for recent records, so it writes only new ones: a
 * conversation repeats its words, and each index write costs a lookup. Words written in a transaction
 * count as known only once it commits. Used by the single writer thread only.
 */
final class WordIndexCache {
  private static final int RECORDS_KEPT = 2_000;

  private final Map<Long, Set<String>> known = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Set<String>> eldest) {
      return size() > RECORDS_KEPT;
    }
  };
  private final Map<Long, Set<String>> pending = new HashMap<>();

  boolean known(long record, String word) {
    Set<String> words = known.get(record);
    if (words != null && words.contains(word)) return true;
    Set<String> inFlight = pending.get(record);
    return inFlight != null && inFlight.contains(word);
  }

  void written(long record, String word) {
    pending.computeIfAbsent(record, r -> new HashSet<>()).add(word);
  }

  void committed() {
    pending.forEach((record, words) -> known.computeIfAbsent(record, r -> new HashSet<>()).addAll(words));
    pending.clear();
  }

  void rolledBack() {
    pending.clear();
  }
}
