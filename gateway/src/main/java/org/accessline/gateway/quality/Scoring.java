package org.accessline.gateway.quality;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores an evaluation: a pure function of the scorecard and the answers.
 *
 * <ul>
 *   <li>A question earns 0-100 points times its weight; a section scores the share of the points its
 *       answered questions could earn. Questions answered N/A leave the sum, so the rest re-normalise.
 *   <li>The evaluation scores the weighted mean of its sections; a section whose every question is
 *       N/A leaves the mean, so the other sections' weights re-normalise. All N/A: no score.
 *   <li>A failed critical question zeroes its section and flags the evaluation; a failed fatal
 *       question zeroes the whole evaluation and flags it.
 *   <li>Figures are worked exactly and rounded once, half up, to one decimal place.
 * </ul>
 */
public final class Scoring {
  private static final MathContext EXACT_ENOUGH = MathContext.DECIMAL128;

  private Scoring() {}

  public sealed interface Outcome {
    record Scored(Score score) implements Outcome {}

    record Rejected(List<String> problems) implements Outcome {}
  }

  public record SectionScore(String section, Optional<BigDecimal> percent, boolean zeroedByCritical) {}

  public record Score(Optional<BigDecimal> percent, List<SectionScore> sections, List<String> criticalFailed, List<String> fatalFailed) {
    public boolean flagged() {
      return !criticalFailed.isEmpty() || !fatalFailed.isEmpty();
    }
  }

  /**
   * What is wrong with the answers: a question the scorecard does not have, an answer its kind does
   * not take, N/A where it is not allowed, and, when {@code complete}, a question left unanswered.
   */
  public static List<String> problems(Scorecard card, Map<String, Answer> answers, boolean complete) {
    List<String> problems = new ArrayList<>();
    answers.keySet().stream().sorted().filter(id -> card.question(id).isEmpty()).forEach(id -> problems.add("the scorecard has no question \"" + id + "\""));
    for (Question q : card.questions()) {
      Answer a = answers.get(q.id());
      if (a == null) {
        if (complete) problems.add("\"" + q.id() + "\" is not answered");
      } else if (a instanceof Answer.NotApplicable) {
        if (!q.allowsNotApplicable()) problems.add("\"" + q.id() + "\" cannot be answered N/A");
      } else if (q.points(a).isEmpty()) {
        problems.add("\"" + q.id() + "\" does not take the answer " + a.wire());
      }
    }
    return problems;
  }

  public static Outcome score(Scorecard card, Map<String, Answer> answers) {
    List<String> problems = problems(card, answers, true);
    if (!problems.isEmpty()) return new Outcome.Rejected(problems);
    List<SectionScore> sections = new ArrayList<>();
    List<String> critical = new ArrayList<>();
    List<String> fatal = new ArrayList<>();
    BigDecimal weighted = BigDecimal.ZERO;
    long weights = 0;
    for (Section s : card.sections()) {
      long earned = 0;
      long possible = 0;
      boolean zeroed = false;
      for (Question q : s.questions()) {
        Answer a = answers.get(q.id());
        if (a instanceof Answer.NotApplicable) continue;
        int points = q.points(a).getAsInt();
        earned += (long) points * q.weight();
        possible += 100L * q.weight();
        if (points == 0 && q.severity() == Severity.CRITICAL) {
          critical.add(q.id());
          zeroed = true;
        }
        if (points == 0 && q.severity() == Severity.FATAL) fatal.add(q.id());
      }
      if (possible == 0) {
        sections.add(new SectionScore(s.id(), Optional.empty(), false));
        continue;
      }
      BigDecimal fraction = zeroed ? BigDecimal.ZERO : BigDecimal.valueOf(earned).divide(BigDecimal.valueOf(possible), EXACT_ENOUGH);
      sections.add(new SectionScore(s.id(), Optional.of(percent(fraction)), zeroed));
      weighted = weighted.add(fraction.multiply(BigDecimal.valueOf(s.weight())));
      weights += s.weight();
    }
    Optional<BigDecimal> overall = weights == 0 ? Optional.empty()
        : Optional.of(fatal.isEmpty() ? percent(weighted.divide(BigDecimal.valueOf(weights), EXACT_ENOUGH)) : BigDecimal.ZERO.setScale(1));
    return new Outcome.Scored(new Score(overall, List.copyOf(sections), List.copyOf(critical), List.copyOf(fatal)));
  }

  private static BigDecimal percent(BigDecimal fraction) {
    return fraction.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
  }
}
