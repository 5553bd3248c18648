package org.accessline.gateway.quality;

import java.util.List;

/** A weighted group of questions; its score is the weighted share of points its answered questions earned. */
public record Section(String id, String title, int weight, List<Question> questions) {
  public Section {
    if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,39}")) throw new IllegalArgumentException("a section id is a lower-case word of at most 40 characters");
    if (title == null || title.isBlank() || title.length() > 120) throw new IllegalArgumentException("a section needs a title of at most 120 characters");
    if (weight < 1 || weight > 100) throw new IllegalArgumentException("a section's weight is 1-100");
    questions = List.copyOf(questions);
    if (questions.isEmpty() || questions.size() > 30) throw new IllegalArgumentException("a section has 1-30 questions");
  }
}
