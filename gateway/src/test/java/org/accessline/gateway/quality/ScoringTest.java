package org.accessline.gateway.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScoringTest {
  private static final Answer YES = new Answer.YesNo(true);
  private static final Answer NO = new Answer.YesNo(false);
  private static final Answer NA = new Answer.NotApplicable();

  /** Section a (weight 3): q1 yes/no weight 1, q2 scale weight 3. Section b (weight 1): q3 critical, q4 choice. Section c (weight 1): q5 fatal, N/A allowed. */
  private static final Scorecard CARD = new Scorecard("test", List.of(
      new Section("a", "A", 3, List.of(new Question.YesNo("q1", "one", 1, Severity.NORMAL, true), new Question.Scale("q2", "two", 3, Severity.NORMAL, true))),
      new Section("b", "B", 1, List.of(new Question.YesNo("q3", "three", 1, Severity.CRITICAL, false),
          new Question.Choice("q4", "four", 1, Severity.NORMAL, false, List.of(new Question.Option("good", "Good", 100), new Question.Option("meh", "Meh", 40),
              new Question.Option("bad", "Bad", 0))))),
      new Section("c", "C", 1, List.of(new Question.YesNo("q5", "five", 1, Severity.FATAL, true)))));

  private static Map<String, Answer> answers(Object... pairs) {
    Map<String, Answer> m = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], (Answer) pairs[i + 1]);
    return m;
  }

  private static Scoring.Score scored(Map<String, Answer> a) {
    return assertInstanceOf(Scoring.Outcome.Scored.class, Scoring.score(CARD, a)).score();
  }

  private static Optional<BigDecimal> pct(String s) {
    return Optional.of(new BigDecimal(s));
  }

  @Test
  void everythingRightScoresOneHundred() {
    Scoring.Score s = scored(answers("q1", YES, "q2", new Answer.Rating(5), "q3", YES, "q4", new Answer.Chosen("good"), "q5", YES));
    assertEquals(pct("100.0"), s.percent());
    assertFalse(s.flagged());
  }

  @Test
  void questionsAndSectionsWeighAsDeclared() {
    // a: (100*1 + 50*3) / 400 = 62.5%; b: (100 + 40) / 200 = 70%; c: 100%. Overall (62.5*3 + 70 + 100) / 5 = 71.5
    Scoring.Score s = scored(answers("q1", YES, "q2", new Answer.Rating(3), "q3", YES, "q4", new Answer.Chosen("meh"), "q5", YES));
    assertEquals(List.of(new Scoring.SectionScore("a", pct("62.5"), false), new Scoring.SectionScore("b", pct("70.0"), false),
        new Scoring.SectionScore("c", pct("100.0"), false)), s.sections());
    assertEquals(pct("71.5"), s.percent());
  }

  @Test
  void ratingsRunInEvenStepsFromOneToFive() {
    int[] expected = {0, 25, 50, 75, 100};
    for (int r = 1; r <= 5; r++) assertEquals(java.util.OptionalInt.of(expected[r - 1]), CARD.question("q2").orElseThrow().points(new Answer.Rating(r)));
    assertTrue(CARD.question("q2").orElseThrow().points(new Answer.Rating(6)).isEmpty());
  }

  @Test
  void notApplicableQuestionsLeaveTheirSectionAndTheRestRenormalise() {
    // a: q1 N/A so only q2: 75%. c all N/A leaves the mean: (75*3 + 100) / 4 = 81.25 -> 81.3
    Scoring.Score s = scored(answers("q1", NA, "q2", new Answer.Rating(4), "q3", YES, "q4", new Answer.Chosen("good"), "q5", NA));
    assertEquals(new Scoring.SectionScore("a", pct("75.0"), false), s.sections().get(0));
    assertEquals(new Scoring.SectionScore("c", Optional.empty(), false), s.sections().get(2));
    assertEquals(pct("81.3"), s.percent(), "rounded once, half up");
  }

  @Test
  void anEvaluationWhoseEveryQuestionIsNotApplicableHasNoScore() {
    Scorecard card = new Scorecard("n/a", List.of(new Section("s", "S", 1, List.of(new Question.YesNo("x", "x", 1, Severity.NORMAL, true)))));
    Scoring.Score s = assertInstanceOf(Scoring.Outcome.Scored.class, Scoring.score(card, answers("x", NA))).score();
    assertEquals(Optional.empty(), s.percent());
  }

  @Test
  void aFailedCriticalQuestionZeroesItsSectionAndFlagsTheEvaluation() {
    Scoring.Score s = scored(answers("q1", YES, "q2", new Answer.Rating(5), "q3", NO, "q4", new Answer.Chosen("good"), "q5", YES));
    assertEquals(new Scoring.SectionScore("b", pct("0.0"), true), s.sections().get(1));
    assertEquals(List.of("q3"), s.criticalFailed());
    assertTrue(s.flagged());
    assertEquals(pct("80.0"), s.percent(), "(100*3 + 0 + 100) / 5");
  }

  @Test
  void aFailedFatalQuestionZeroesTheWholeEvaluation() {
    Scoring.Score s = scored(answers("q1", YES, "q2", new Answer.Rating(5), "q3", YES, "q4", new Answer.Chosen("good"), "q5", NO));
    assertEquals(pct("0.0"), s.percent());
    assertEquals(List.of("q5"), s.fatalFailed());
    assertTrue(s.flagged());
    assertEquals(pct("100.0"), s.sections().get(0).percent(), "the sections still show what was done well");
  }

  @Test
  void aChoiceWorthNothingIsAFailButOnlyCostsItsWeightWhenNotCritical() {
    Scoring.Score s = scored(answers("q1", YES, "q2", new Answer.Rating(5), "q3", YES, "q4", new Answer.Chosen("bad"), "q5", YES));
    assertEquals(pct("50.0"), s.sections().get(1).percent());
    assertFalse(s.flagged());
  }

  @Test
  void roundingIsHalfUpToOneDecimalOnTheExactFigure() {
    // a: q1 no, q2 rating 2: (0 + 25*3) / 400 = 18.75% -> 18.8; overall (18.75*3 + 100 + 100) / 5 = 51.25 -> 51.3
    Scoring.Score s = scored(answers("q1", NO, "q2", new Answer.Rating(2), "q3", YES, "q4", new Answer.Chosen("good"), "q5", YES));
    assertEquals(pct("18.8"), s.sections().get(0).percent());
    assertEquals(pct("51.3"), s.percent());
    // one third: (100 + 0) / 3 sections of equal weight -> 33.3, never 33.4
    Scorecard thirds = new Scorecard("thirds", List.of(new Section("s", "S", 1, List.of(new Question.YesNo("x", "x", 1, Severity.NORMAL, false),
        new Question.YesNo("y", "y", 1, Severity.NORMAL, false), new Question.YesNo("z", "z", 1, Severity.NORMAL, false)))));
    assertEquals(pct("33.3"), assertInstanceOf(Scoring.Outcome.Scored.class, Scoring.score(thirds, answers("x", YES, "y", NO, "z", NO))).score().percent());
    assertEquals(pct("66.7"), assertInstanceOf(Scoring.Outcome.Scored.class, Scoring.score(thirds, answers("x", YES, "y", YES, "z", NO))).score().percent());
  }

  @Test
  void answersForUnknownQuestionsWrongKindsMissingOnesAndForbiddenNotApplicableAreRejected() {
    Scoring.Outcome.Rejected r = assertInstanceOf(Scoring.Outcome.Rejected.class, Scoring.score(CARD,
        answers("q1", new Answer.Rating(3), "q2", new Answer.Rating(4), "q3", NA, "q4", new Answer.Chosen("great"), "forged", YES)));
    assertEquals(List.of("the scorecard has no question \"forged\"", "\"q1\" does not take the answer 3", "\"q3\" cannot be answered N/A",
        "\"q4\" does not take the answer option:great", "\"q5\" is not answered"), r.problems());
    assertEquals(List.of(), Scoring.problems(CARD, answers("q1", YES), false), "a draft may leave questions for later");
    assertEquals(List.of("the scorecard has no question \"forged\""), Scoring.problems(CARD, answers("forged", YES), false));
  }

  @Test
  void answersReadFromTheWireAndBack() {
    for (String wire : List.of("yes", "no", "na", "1", "5", "option:right")) assertEquals(wire, Answer.parse(wire).orElseThrow().wire());
    for (String bad : List.of("", "0", "6", "maybe", "YES")) assertEquals(Optional.empty(), Answer.parse(bad), bad);
  }

  @Test
  void aScorecardRefusesRepeatedIdsAndEmptySections() {
    assertThrows(IllegalArgumentException.class, () -> new Scorecard("x", List.of(
        new Section("s", "S", 1, List.of(new Question.YesNo("q", "q", 1, Severity.NORMAL, false))),
        new Section("t", "T", 1, List.of(new Question.YesNo("q", "q", 1, Severity.NORMAL, false))))));
    assertThrows(IllegalArgumentException.class, () -> new Section("s", "S", 1, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Question.YesNo("q", "q", 0, Severity.NORMAL, false));
  }

  @Test
  void theStarterScorecardMakesMissing911GuidanceCriticalAndHangingUpFatal() {
    Scorecard card = StarterScorecard.card();
    assertEquals(Severity.CRITICAL, card.question("guided-911").orElseThrow().severity());
    assertEquals(Severity.FATAL, card.question("never-hung-up").orElseThrow().severity());
    Map<String, Answer> good = new HashMap<>();
    for (Question q : card.questions()) good.put(q.id(), q instanceof Question.Scale ? new Answer.Rating(5) : q instanceof Question.Choice ? new Answer.Chosen("right") : YES);
    assertEquals(pct("100.0"), assertInstanceOf(Scoring.Outcome.Scored.class, Scoring.score(card, good)).score().percent());
    good.put("guided-911", NO);
    assertEquals(pct("80.0"), assertInstanceOf(Scoring.Outcome.Scored.class, Scoring.score(card, good)).score().percent(), "the emergency section (20 of 100) is zeroed");
  }
}
