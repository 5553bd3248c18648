package org.accessline.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accessline.gateway.store.QualityReviews;
import org.junit.jupiter.api.Test;

/** The dashboard's quality part, put together without a store. */
class QualityFiguresTest {
  private static QualityReviews.Evaluation disputed(String agent) {
    return new QualityReviews.Evaluation("e-" + agent, "311-contact", 1, "r", 6, "h", agent, "sam", "disputed", Optional.empty(), false, Optional.of(900), false,
        true, Instant.EPOCH, Optional.of(Instant.EPOCH), Map.of(), List.of());
  }

  @Test
  void everyonesAverageIsWeightedByEvaluationsAndEachAgentHasARow() {
    List<QualityReviews.Average> week = List.of(new QualityReviews.Average("maria", 1, 90.0, 0));
    List<QualityReviews.Average> month = List.of(new QualityReviews.Average("ken", 1, 40.0, 1), new QualityReviews.Average("maria", 3, 80.0, 0));
    JsonObject q = QualityFigures.json(week, month, List.of(disputed("ken")));
    assertEquals("Last 7 days: average 90.0% over 1 evaluation, 0 with a fatal or critical question failed. Last 30 days: average 70.0% over 4 evaluations,"
        + " 1 with a fatal or critical question failed. 1 dispute is waiting for a supervisor.", q.getString("summary"));
    assertEquals(70.0, q.getJsonObject("overall").getJsonObject("last30Days").getDouble("averagePercent"));
    assertEquals(1, q.getJsonObject("overall").getInteger("openDisputes"));
    JsonObject ken = q.getJsonArray("byAgent").getJsonObject(0);
    assertEquals("ken", ken.getString("agent"));
    assertEquals(null, ken.getValue("last7Days"), "nothing of his this week");
    assertEquals(1, ken.getJsonObject("last30Days").getInteger("failedFatal"));
    assertEquals(1, ken.getInteger("openDisputes"));
    assertEquals(0, q.getJsonArray("byAgent").getJsonObject(1).getInteger("openDisputes"));
  }

  @Test
  void withNothingEvaluatedItSaysSo() {
    assertEquals("No evaluations were submitted in the last 30 days. 0 disputes are waiting for a supervisor.",
        QualityFigures.json(List.of(), List.of(), List.of()).getString("summary"));
  }
}
