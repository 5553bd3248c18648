package org.accessline.gateway.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CalibrationTest {
  private static final Scorecard CARD = new Scorecard("c", List.of(new Section("s", "S", 1, List.of(
      new Question.YesNo("a", "a", 1, Severity.NORMAL, false), new Question.YesNo("b", "b", 1, Severity.NORMAL, true),
      new Question.Scale("c", "c", 1, Severity.NORMAL, false)))));

  @Test
  void showsTheScoreDifferenceAndTheQuestionsAnsweredOtherwise() {
    Map<String, Answer> reference = Map.of("a", new Answer.YesNo(true), "b", new Answer.NotApplicable(), "c", new Answer.Rating(4));
    Map<String, Answer> other = Map.of("a", new Answer.YesNo(true), "b", new Answer.YesNo(false), "c", new Answer.Rating(2));
    Calibration.Deviation d = Calibration.from(CARD, reference, Optional.of(new BigDecimal("87.5")), other, Optional.of(new BigDecimal("41.7")));
    assertEquals(Optional.of(new BigDecimal("-45.8")), d.scoreDifference());
    assertEquals(List.of("b", "c"), d.differing());
    assertEquals(new BigDecimal("33.3"), d.agreement());
    Calibration.Deviation same = Calibration.from(CARD, reference, Optional.of(new BigDecimal("87.5")), reference, Optional.of(new BigDecimal("87.5")));
    assertEquals(new BigDecimal("100.0"), same.agreement());
    assertEquals(Optional.of(new BigDecimal("0.0")), same.scoreDifference());
  }
}
