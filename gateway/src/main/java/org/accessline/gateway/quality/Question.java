package org.accessline.gateway.quality;

import java.util.HashSet;
import java.util.List;

/** One question of a scorecard section. Each kind says which answers it takes and what they earn, out of 100. */
public sealed interface Question {
  String id();

  String text();

  int weight();

  Severity severity();

  boolean allowsNotApplicable();

  /** The points (0-100) the answer earns, or empty when this kind of question cannot take it. N/A is handled by the caller. */
  java.util.OptionalInt points(Answer answer);

  static void check(String id, String text, int weight, Severity severity) {
    if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,39}")) throw new IllegalArgumentException("a question id is a lower-case word of at most 40 characters");
    if (text == null || text.isBlank() || text.length() > 300) throw new IllegalArgumentException("a question needs a text of at most 300 characters");
    if (weight < 1 || weight > 100) throw new IllegalArgumentException("a question's weight is 1-100");
    if (severity == null) throw new IllegalArgumentException("a question needs a severity");
  }

  /** Yes earns everything, no earns nothing. */
  record YesNo(String id, String text, int weight, Severity severity, boolean allowsNotApplicable) implements Question {
    public YesNo {
      check(id, text, weight, severity);
    }

    @Override
    public java.util.OptionalInt points(Answer answer) {
      return answer instanceof Answer.YesNo yn ? java.util.OptionalInt.of(yn.yes() ? 100 : 0) : java.util.OptionalInt.empty();
    }
  }

  /** A rating from 1 (fails) to 5 (everything), in even steps: 1 earns 0, 3 earns 50, 5 earns 100. */
  record Scale(String id, String text, int weight, Severity severity, boolean allowsNotApplicable) implements Question {
    public Scale {
      check(id, text, weight, severity);
    }

    @Override
    public java.util.OptionalInt points(Answer answer) {
      return answer instanceof Answer.Rating r && r.value() >= 1 && r.value() <= 5 ? java.util.OptionalInt.of((r.value() - 1) * 25)
          : java.util.OptionalInt.empty();
    }
  }

  /** One of a fixed list of options, each worth its own points; an option worth 0 is a fail. */
  record Choice(String id, String text, int weight, Severity severity, boolean allowsNotApplicable, List<Option> options) implements Question {
    public Choice {
      check(id, text, weight, severity);
      options = List.copyOf(options);
      if (options.size() < 2 || options.size() > 10) throw new IllegalArgumentException("a choice has 2-10 options");
      if (new HashSet<>(options.stream().map(Option::id).toList()).size() != options.size()) throw new IllegalArgumentException("a choice's option ids differ");
    }

    @Override
    public java.util.OptionalInt points(Answer answer) {
      if (!(answer instanceof Answer.Chosen c)) return java.util.OptionalInt.empty();
      return options.stream().filter(o -> o.id().equals(c.option())).mapToInt(Option::points).findFirst();
    }
  }

  record Option(String id, String label, int points) {
    public Option {
      if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,39}")) throw new IllegalArgumentException("an option id is a lower-case word of at most 40 characters");
      if (label == null || label.isBlank() || label.length() > 120) throw new IllegalArgumentException("an option needs a label of at most 120 characters");
      if (points < 0 || points > 100) throw new IllegalArgumentException("an option is worth 0-100 points");
    }
  }
}
