package org.accessline.web.quality;

import io.vertx.core.Future;
import java.time.Clock;
import org.accessline.gateway.quality.StarterScorecard;
import org.accessline.gateway.store.QualityReviews;

/** On first start, publishes the starter scorecard for a 311 center, so reviewers have one to begin with. */
public final class QualitySeed {
  private QualitySeed() {}

  public static Future<Void> ensure(QualityReviews reviews, Clock clock) {
    return reviews.scorecards().compose(existing -> existing.isEmpty()
        ? reviews.publish(new QualityReviews.ScorecardVersion(StarterScorecard.ID, 1, StarterScorecard.card().name(),
            ScorecardJson.json(StarterScorecard.card()).encode(), clock.instant(), "accessline"))
            .recover(e -> e instanceof QualityReviews.VersionTaken ? Future.succeededFuture() : Future.failedFuture(e))
        : Future.succeededFuture());
  }
}
