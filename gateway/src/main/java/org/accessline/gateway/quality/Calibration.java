package org.accessline.gateway.quality;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** How far one reviewer's evaluation is from the reference evaluation of the same record, on the same scorecard. */
public final class Calibration {
  private Calibration() {}

  /**
   * {@code scoreDifference}: this reviewer's score minus the reference's, in points (empty when either has no score);
   * {@code differing}: the questions answered otherwise; {@code agreement}: the share of questions answered alike, in percent.
   */
  public record Deviation(Optional<BigDecimal> scoreDifference, List<String> differing, BigDecimal agreement) {}

  public static Deviation from(Scorecard card, Map<String, Answer> reference, Optional<BigDecimal> referenceScore, Map<String, Answer> other,
      Optional<BigDecimal> otherScore) {
    List<String> differing = card.questions().stream().map(Question::id).filter(id -> !Objects.equals(reference.get(id), other.get(id))).toList();
    int total = card.questions().size();
    BigDecimal agreement = BigDecimal.valueOf(100L * (total - differing.size())).divide(BigDecimal.valueOf(total), 1, java.math.RoundingMode.HALF_UP);
    Optional<BigDecimal> difference = referenceScore.isPresent() && otherScore.isPresent() ? Optional.of(otherScore.get().subtract(referenceScore.get()))
        : Optional.empty();
    return new Deviation(difference, differing, agreement);
  }
}
