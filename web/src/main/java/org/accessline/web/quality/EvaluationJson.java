package org.accessline.web.quality;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import org.accessline.gateway.store.QualityReviews.Evaluation;

/** An evaluation as staff see it. */
final class EvaluationJson {
  private EvaluationJson() {}

  static JsonObject json(Evaluation e) {
    JsonObject answers = new JsonObject();
    e.answers().forEach(answers::put);
    JsonArray comments = new JsonArray();
    e.comments().forEach(c -> comments.add(new JsonObject().put("at", c.at().toString()).put("author", c.author()).put("kind", c.kind()).put("text", c.text())));
    JsonObject json = new JsonObject().put("id", e.id()).put("scorecard", e.scorecard()).put("version", e.version()).put("record", e.record())
        .put("head", new JsonObject().put("entries", e.headSeq()).put("hash", e.headHash())).put("agent", e.agent()).put("reviewer", e.reviewer())
        .put("state", e.state()).put("reference", e.reference()).put("flagged", e.flagged()).put("counts", e.counts())
        .put("createdAt", e.createdAt().toString()).put("answers", answers).put("comments", comments);
    e.calibration().ifPresent(c -> json.put("calibration", c));
    e.scoreTenths().ifPresent(t -> json.put("score", BigDecimal.valueOf(t, 1).doubleValue()));
    e.submittedAt().ifPresent(t -> json.put("submittedAt", t.toString()));
    return json;
  }
}
