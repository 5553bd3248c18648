package org.accessline.web.quality;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.quality.Answer;
import org.accessline.gateway.quality.Calibration;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.store.QualityReviews;
import org.accessline.gateway.store.QualityReviews.Evaluation;
import org.accessline.web.http.Validation;

/**
 * Calibration: several reviewers evaluate one record; the reviewer who opens the session writes the
 * reference, and each other submitted evaluation is shown with its deviation from it. Calibration
 * evaluations never count in an agent's averages, and the agent does not see them.
 */
public final class CalibrationApi {
  private final InteractionStore store;
  private final QualityReviews reviews;
  private final EvaluationsApi evaluations;
  private final Clock clock;

  public CalibrationApi(InteractionStore store, EvaluationsApi evaluations, Clock clock) {
    this.store = store;
    this.reviews = store.qualityReviews();
    this.evaluations = evaluations;
    this.clock = clock;
  }

  /** {@code POST /api/quality/calibrations} {record, agent?, scorecard?, version?}: the session, and the opener's reference draft. */
  public void open(RoutingContext ctx) {
    JsonObject body = Validation.body(ctx);
    Optional<ConversationId> record = Validation.text(body, "record").flatMap(ConversationId::parse);
    if (record.isEmpty()) {
      Refusal.respond(ctx, Future.failedFuture(new Refusal(400, "invalid", "\"record\" must be an interaction record's id.")), 201);
      return;
    }
    String session = UUID.randomUUID().toString();
    ScorecardsApi.version(reviews, Validation.text(body, "scorecard"), ScorecardsApi.versionField(body))
        .compose(v -> evaluations.open(ctx, evaluations.newDraft(ctx, record.get().value(), v.id(), v.version(), Optional.of(session), true),
            Validation.text(body, "agent")).compose(reference -> reviews.openCalibration(new QualityReviews.CalibrationSession(session, record.get().value(), v.id(),
                v.version(), EvaluationsApi.me(ctx), clock.instant())).map(x -> new JsonObject().put("id", session).put("reference", EvaluationJson.json(reference)))))
        .onComplete(ar -> Refusal.respond(ctx, ar, 201));
  }

  /** {@code GET /api/quality/calibrations}: the sessions, newest first. */
  public void list(RoutingContext ctx) {
    reviews.calibrations(100).map(all -> {
      JsonArray out = new JsonArray();
      all.forEach(s -> out.add(json(s)));
      return new JsonObject().put("calibrations", out);
    }).onComplete(ar -> Refusal.respond(ctx, ar, 200));
  }

  private static JsonObject json(QualityReviews.CalibrationSession s) {
    return new JsonObject().put("id", s.id()).put("record", s.record()).put("scorecard", s.scorecard()).put("version", s.version()).put("openedBy", s.openedBy())
        .put("openedAt", s.openedAt().toString());
  }

  /** {@code GET /api/quality/calibrations/{id}}: every evaluation of the session, each submitted one with its deviation from the submitted reference. */
  public void get(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    reviews.calibration(id).compose(found -> {
      if (found.isEmpty()) return Future.failedFuture(new Refusal(404, "not_found", "No calibration session has that id."));
      QualityReviews.CalibrationSession s = found.get();
      return reviews.evaluations(new QualityReviews.Query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(id), 100))
          .compose(list -> reviews.scorecard(s.scorecard(), s.version()).compose(v -> {
            var card = ScorecardJson.parse(new JsonObject(v.orElseThrow().definition()));
            Optional<Evaluation> reference = list.stream().filter(e -> e.reference() && !e.state().equals("draft")).findFirst();
            JsonArray out = new JsonArray();
            List<AuditEvent> reads = new ArrayList<>();
            for (Evaluation e : list) {
              JsonObject json = EvaluationJson.json(e);
              if (reference.isPresent() && !e.reference() && !e.state().equals("draft")) {
                Calibration.Deviation d = Calibration.from(card, answers(reference.get()), percent(reference.get()), answers(e), percent(e));
                JsonObject dev = new JsonObject().put("agreement", d.agreement().doubleValue()).put("differing", new JsonArray(d.differing()));
                d.scoreDifference().ifPresent(x -> dev.put("scoreDifference", x.doubleValue()));
                json.put("deviation", dev);
              }
              out.add(json);
              reads.add(new AuditEvent(clock.instant(), EvaluationsApi.me(ctx), "quality_read", e.id(), "GET " + ctx.request().path() + " (record " + e.record() + ")"));
            }
            return store.audit(reads).map(x -> json(s).put("evaluations", out));
          }));
    }).onComplete(ar -> Refusal.respond(ctx, ar, 200));
  }

  private static Map<String, Answer> answers(Evaluation e) {
    Map<String, Answer> out = new HashMap<>();
    e.answers().forEach((q, a) -> Answer.parse(a).ifPresent(parsed -> out.put(q, parsed)));
    return out;
  }

  private static Optional<BigDecimal> percent(Evaluation e) {
    return e.scoreTenths().map(t -> BigDecimal.valueOf(t, 1));
  }
}
