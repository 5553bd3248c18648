package org.accessline.gateway.quality;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What reviewers score a record against: one version of a scorecard, never changed once published. */
public record Scorecard(String name, List<Section> sections) {
  public Scorecard {
    if (name == null || name.isBlank() || name.length() > 120) throw new IllegalArgumentException("a scorecard needs a name of at most 120 characters");
    sections = List.copyOf(sections);
    if (sections.isEmpty() || sections.size() > 20) throw new IllegalArgumentException("a scorecard has 1-20 sections");
    Set<String> sectionIds = new HashSet<>();
    Set<String> questionIds = new HashSet<>();
    for (Section s : sections) {
      if (!sectionIds.add(s.id())) throw new IllegalArgumentException("section ids differ: " + s.id() + " is used twice");
      for (Question q : s.questions()) if (!questionIds.add(q.id())) throw new IllegalArgumentException("question ids differ across the scorecard: " + q.id() + " is used twice");
    }
  }

  public Optional<Question> question(String id) {
    return sections.stream().flatMap(s -> s.questions().stream()).filter(q -> q.id().equals(id)).findFirst();
  }

  public List<Question> questions() {
    return sections.stream().flatMap(s -> s.questions().stream()).toList();
  }
}
