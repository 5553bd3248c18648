package org.accessline.gateway.quality;

import java.util.Optional;

/** A reviewer's answer to one question, as written on the wire: "yes", "no", "1".."5", "na", or an option id. */
public sealed interface Answer {
  record YesNo(boolean yes) implements Answer {}

  record Rating(int value) implements Answer {}

  record Chosen(String option) implements Answer {}

  record NotApplicable() implements Answer {}

  default String wire() {
    if (this instanceof YesNo yn) return yn.yes() ? "yes" : "no";
    if (this instanceof Rating r) return Integer.toString(r.value());
    if (this instanceof Chosen c) return "option:" + c.option();
    return "na";
  }

  /** Empty for text no kind of answer is written as. */
  static Optional<Answer> parse(String wire) {
    if (wire == null) return Optional.empty();
    return switch (wire) {
      case "yes" -> Optional.of(new YesNo(true));
      case "no" -> Optional.of(new YesNo(false));
      case "na" -> Optional.of(new NotApplicable());
      case "1", "2", "3", "4", "5" -> Optional.of(new Rating(Integer.parseInt(wire)));
      default -> wire.startsWith("option:") && wire.length() <= 47 ? Optional.of(new Chosen(wire.substring(7))) : Optional.empty();
    };
  }
}
