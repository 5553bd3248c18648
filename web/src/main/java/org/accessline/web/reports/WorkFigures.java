package org.accessline.web.reports;

import java.util.List;
import java.util.Optional;
import org.accessline.gateway.directory.ReferralCount;
import org.accessline.gateway.store.FollowUps;
import org.accessline.gateway.store.QualityReviews;

/**
 * What the center's work beyond answering came to over a report's range: referrals by agency,
 * follow-ups done and overdue, and quality review averages per agent. Each part is counted by the
 * database from its own table; these are not split by bucket, since a referral, a follow-up and an
 * evaluation each have their own time (made, due or finished, submitted), not the arrival of a record.
 */
public record WorkFigures(List<ReferralCount> referrals, FollowUps.Counts followUps, List<QualityReviews.Average> quality) {
  public WorkFigures {
    referrals = List.copyOf(referrals);
    quality = List.copyOf(quality);
  }

  /**
   * The average over every evaluation that counts, whoever's it is: each agent's average weighted by
   * how many evaluations it is over, so an agent with one evaluation does not weigh as much as one
   * with twenty. Empty when nothing was evaluated.
   */
  public Optional<QualityReviews.Average> overall() {
    int evaluations = 0;
    int flagged = 0;
    double weighted = 0;
    for (QualityReviews.Average a : quality) {
      evaluations += a.evaluations();
      flagged += a.flagged();
      weighted += a.averagePercent() * a.evaluations();
    }
    if (evaluations == 0) return Optional.empty();
    return Optional.of(new QualityReviews.Average("", evaluations, weighted / evaluations, flagged));
  }

  public long totalReferrals() {
    return referrals.stream().mapToLong(ReferralCount::referrals).sum();
  }
}
