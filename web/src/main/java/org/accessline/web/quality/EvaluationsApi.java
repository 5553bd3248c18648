package org.accessline.web.quality;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.quality.Answer;
import org.accessline.gateway.quality.EvaluationFlow;
import org.accessline.gateway.quality.Scorecard;
import org.accessline.gateway.quality.Scoring;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.gateway.store.EntryChain;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.store.QualityReviews;
import org.accessline.gateway.store.QualityReviews.Evaluation;
import org.accessline.web.auth.AgentAccount;
import org.accessline.web.auth.Permission;
import org.accessline.web.http.Validation;
import org.accessline.web.staff.StaffAuth;

/**
 * Evaluations: a reviewer opens one on a resolved record at its sealed head, answers, and submits;
 * the agent scored acknowledges or disputes it; a supervisor resolves a dispute. Each read and each
 * write is in the audit log before it is answered.
 */
public final class EvaluationsApi {
  private static final int LIST_LIMIT = 200;
  private final InteractionStore store;
  private final QualityReviews reviews;
  private final Clock clock;

  public EvaluationsApi(InteractionStore store, Clock clock) {
    this.store = store;
    this.reviews = store.qualityReviews();
    this.clock = clock;
  }

  static String me(RoutingContext ctx) {
    return StaffAuth.account(ctx).username().value();
  }

  static boolean reviewer(RoutingContext ctx) {
    return StaffAuth.account(ctx).may(Permission.REVIEW_QUALITY);
  }

  /** {@code POST /api/quality/evaluations} {record, agent?, scorecard?, version?, calibration?}: a new draft. */
  public void open(RoutingContext ctx) {
    JsonObject body = Validation.body(ctx);
    Optional<ConversationId> record = Validation.text(body, "record").flatMap(ConversationId::parse);
    Optional<String> calibration = Validation.text(body, "calibration");
    if (record.isEmpty() && calibration.isEmpty()) {
      Refusal.respond(ctx, Future.failedFuture(new Refusal(400, "invalid", "\"record\" must be an interaction record's id.")), 201);
      return;
    }
    Future<QualityReviews.NewEvaluation> draft = calibration.isPresent()
        ? reviews.calibration(calibration.get()).compose(s -> s.isEmpty() ? Future.failedFuture(new Refusal(404, "not_found", "No calibration session has that id."))
            : Future.succeededFuture(newDraft(ctx, s.get().record(), s.get().scorecard(), s.get().version(), calibration, false)))
        : ScorecardsApi.version(reviews, Validation.text(body, "scorecard"), ScorecardsApi.versionField(body))
            .map(v -> newDraft(ctx, record.get().value(), v.id(), v.version(), Optional.empty(), false));
    draft.compose(d -> open(ctx, d, Validation.text(body, "agent"))).onComplete(ar -> Refusal.respond(ctx, ar.map(EvaluationJson::json), 201));
  }

  QualityReviews.NewEvaluation newDraft(RoutingContext ctx, String record, String scorecard, int version, Optional<String> calibration, boolean reference) {
    return new QualityReviews.NewEvaluation(UUID.randomUUID().toString(), scorecard, version, record, "", me(ctx), calibration, reference, clock.instant());
  }

  /** Checks the record's seal and who held it, then opens the draft and logs it. */
  Future<Evaluation> open(RoutingContext ctx, QualityReviews.NewEvaluation d, Optional<String> agent) {
    ConversationId record = new ConversationId(d.record());
    return store.verify(record).compose(report -> {
      if (report.isEmpty()) return Future.failedFuture(new Refusal(404, "not_found", "No interaction record has that id."));
      if (report.get().status() != EntryChain.Report.Status.INTACT) {
        return Future.failedFuture(new Refusal(409, "not_sealed", "The record's sealed head does not verify (" + report.get().status().name().toLowerCase(java.util.Locale.ROOT)
            + "), so it cannot be evaluated."));
      }
      return store.entries(record, 0);
    }).compose(entries -> {
      EvaluationAccess.Subject subject = EvaluationAccess.subject(d.reviewer(), agent, entries);
      if (subject instanceof EvaluationAccess.Subject.Refused r) return Future.failedFuture(new Refusal(r.status(), r.code(), r.reason()));
      String scored = ((EvaluationAccess.Subject.Agent) subject).agent();
      QualityReviews.NewEvaluation named = new QualityReviews.NewEvaluation(d.id(), d.scorecard(), d.version(), d.record(), scored, d.reviewer(), d.calibration(),
          d.reference(), d.at());
      return d.calibration().isPresent() ? Future.succeededFuture(named) : notYetEvaluated(named);
    }).compose(named -> reviews.open(named).recover(e -> e instanceof QualityReviews.NotReviewable n
        ? Future.failedFuture(new Refusal(409, "not_reviewable", n.getMessage()))
        : e instanceof QualityReviews.AlreadyEvaluated ? Future.failedFuture(new Refusal(409, "already_evaluated", "This record is already evaluated for " + named.agent() + "."))
        : Future.failedFuture(e)))
        .compose(e -> audit(ctx, "quality_write", e, "opened a draft of record " + e.record() + " at entry " + e.headSeq() + " for " + e.agent()).map(e));
  }

  /** One evaluation per record and agent outside calibration, so a retried request never opens a second. */
  private Future<QualityReviews.NewEvaluation> notYetEvaluated(QualityReviews.NewEvaluation d) {
    return reviews.evaluations(new QualityReviews.Query(Optional.of(d.agent()), Optional.empty(), Optional.of(d.record()), Optional.empty(), Optional.empty(), 50))
        .compose(found -> found.stream().filter(e -> e.calibration().isEmpty()).findFirst()
            .<Future<QualityReviews.NewEvaluation>>map(e -> Future.failedFuture(new Refusal(409, "already_evaluated",
                "This record is already evaluated for " + d.agent() + " (evaluation " + e.id() + ").")))
            .orElse(Future.succeededFuture(d)));
  }

  /** {@code GET /api/quality/evaluations/{id}}. */
  public void get(RoutingContext ctx) {
    seen(ctx).compose(e -> audit(ctx, "quality_read", e, "GET " + ctx.request().path()).map(e))
        .onComplete(ar -> Refusal.respond(ctx, ar.map(EvaluationJson::json), 200));
  }

  /** {@code GET /api/quality/evaluations?agent=&reviewer=&record=&state=&calibration=}: an agent lists only their own, submitted ones. */
  public void list(RoutingContext ctx) {
    boolean reviewer = reviewer(ctx);
    Optional<String> agent = reviewer ? param(ctx, "agent") : Optional.of(me(ctx));
    QualityReviews.Query q = new QualityReviews.Query(agent, param(ctx, "reviewer"), param(ctx, "record"), param(ctx, "state"), param(ctx, "calibration"), LIST_LIMIT);
    EvaluationAccess.Staff who = new EvaluationAccess.Staff(me(ctx), reviewer);
    reviews.evaluations(q).compose(found -> {
      List<Evaluation> shown = found.stream().filter(e -> EvaluationAccess.maySee(who, e)).toList();
      List<AuditEvent> reads = new ArrayList<>();
      for (Evaluation e : shown) reads.add(new AuditEvent(clock.instant(), who.id(), "quality_read", e.id(), "GET " + ctx.request().path() + " (record " + e.record() + ")"));
      return store.audit(reads).map(v -> {
        JsonArray out = new JsonArray();
        shown.forEach(e -> out.add(EvaluationJson.json(e)));
        return new JsonObject().put("evaluations", out);
      });
    }).onComplete(ar -> Refusal.respond(ctx, ar, 200));
  }

  private static Optional<String> param(RoutingContext ctx, String name) {
    return Optional.ofNullable(ctx.queryParams().get(name)).map(String::strip).filter(s -> !s.isEmpty() && s.length() <= 64);
  }

  /** {@code PUT /api/quality/evaluations/{id}/answers} {answers: {question: answer}}: a draft's answers, checked against its scorecard. */
  public void answers(RoutingContext ctx) {
    JsonObject given = Validation.body(ctx).getValue("answers") instanceof JsonObject a ? a : null;
    seen(ctx).compose(e -> {
      if (given == null || given.size() > 200) return Future.failedFuture(new Refusal(400, "invalid", "\"answers\" must be an object of question ids and answers."));
      if (!e.reviewer().equals(me(ctx))) return Future.failedFuture(new Refusal(403, "not_yours", "Only the reviewer who wrote an evaluation changes it."));
      if (!e.state().equals("draft")) return Future.failedFuture(new Refusal(409, "submitted", "A submitted evaluation never changes."));
      return card(e).compose(card -> {
        Map<String, Answer> parsed = new HashMap<>();
        Map<String, String> wire = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (String q : given.fieldNames()) {
          Optional<Answer> a = given.getValue(q) instanceof String s ? Answer.parse(s) : Optional.empty();
          if (a.isEmpty()) problems.add("\"" + q + "\" has no answer Accessline reads (yes, no, na, 1-5 or option:<id>)");
          else {
            parsed.put(q, a.get());
            wire.put(q, a.get().wire());
          }
        }
        problems.addAll(Scoring.problems(card, parsed, false));
        if (!problems.isEmpty()) return Future.failedFuture(new Refusal(400, "invalid_answers", String.join("; ", problems)));
        return reviews.saveAnswers(e.id(), me(ctx), wire).compose(saved -> saved ? Future.succeededFuture(e)
            : Future.failedFuture(new Refusal(409, "submitted", "A submitted evaluation never changes.")));
      });
    }).compose(e -> audit(ctx, "quality_write", e, "answered " + given.size() + " questions").compose(v -> reviews.evaluation(e.id())).map(Optional::orElseThrow))
        .onComplete(ar -> Refusal.respond(ctx, ar.map(EvaluationJson::json), 200));
  }

  /** {@code POST /api/quality/evaluations/{id}/submit}: scored and fixed from then on. */
  public void submit(RoutingContext ctx) {
    seen(ctx).compose(e -> decided(ctx, e, new EvaluationFlow.Step.Submit()).compose(to -> card(e)).compose(card -> {
      Map<String, Answer> answers = new HashMap<>();
      e.answers().forEach((q, a) -> answers.put(q, Answer.parse(a).orElseThrow()));
      Scoring.Outcome outcome = Scoring.score(card, answers);
      if (outcome instanceof Scoring.Outcome.Rejected r) return Future.failedFuture(new Refusal(400, "incomplete", String.join("; ", r.problems())));
      Scoring.Score score = ((Scoring.Outcome.Scored) outcome).score();
      Optional<Integer> tenths = score.percent().map(p -> p.movePointRight(1).intValueExact());
      return moved(ctx, e, new QualityReviews.Move(e.id(), "draft", "submitted", clock.instant(), me(ctx), tenths, score.flagged(),
          e.calibration().isEmpty() && tenths.isPresent(), Optional.empty(), ""), "submitted, scoring " + score.percent().map(Object::toString).orElse("n/a"));
    })).onComplete(ar -> Refusal.respond(ctx, ar.map(EvaluationJson::json), 200));
  }

  /** {@code POST /api/quality/evaluations/{id}/acknowledge}. */
  public void acknowledge(RoutingContext ctx) {
    seen(ctx).compose(e -> decided(ctx, e, new EvaluationFlow.Step.Acknowledge()).compose(to -> moved(ctx, e,
        new QualityReviews.Move(e.id(), e.state(), to.wireName(), clock.instant(), me(ctx), Optional.empty(), e.flagged(), e.counts(), Optional.empty(), ""),
        "acknowledged"))).onComplete(ar -> Refusal.respond(ctx, ar.map(EvaluationJson::json), 200));
  }

  /** {@code POST /api/quality/evaluations/{id}/dispute} {reason}. */
  public void dispute(RoutingContext ctx) {
    String reason = Validation.text(Validation.body(ctx), "reason").map(String::strip).orElse("");
    seen(ctx).compose(e -> decided(ctx, e, new EvaluationFlow.Step.Dispute(reason)).compose(to -> moved(ctx, e,
        new QualityReviews.Move(e.id(), e.state(), to.wireName(), clock.instant(), me(ctx), Optional.empty(), e.flagged(), e.counts(), Optional.of("dispute"), reason),
        "disputed"))).onComplete(ar -> Refusal.respond(ctx, ar.map(EvaluationJson::json), 200));
  }

  /** {@code POST /api/quality/evaluations/{id}/resolve} {upheld, note}: upheld keeps it counting; otherwise it is voided. */
  public void resolve(RoutingContext ctx) {
    JsonObject body = Validation.body(ctx);
    if (!(body.getValue("upheld") instanceof Boolean)) {
      Refusal.respond(ctx, Future.failedFuture(new Refusal(400, "invalid", "\"upheld\" must be true (the evaluation stands) or false (it is voided).")), 200);
      return;
    }
    boolean upheld = body.getBoolean("upheld");
    String note = Validation.text(body, "note").map(String::strip).orElse("");
    seen(ctx).compose(e -> decided(ctx, e, new EvaluationFlow.Step.Resolve(upheld, note)).compose(to -> moved(ctx, e,
        new QualityReviews.Move(e.id(), e.state(), to.wireName(), clock.instant(), me(ctx), Optional.empty(), e.flagged(), upheld && e.counts(),
            Optional.of(upheld ? "upheld" : "voided"), note), upheld ? "dispute resolved: upheld" : "dispute resolved: voided")))
        .onComplete(ar -> Refusal.respond(ctx, ar.map(EvaluationJson::json), 200));
  }

  /** The evaluation named in the path, if the caller may see it; a refusal is logged. */
  Future<Evaluation> seen(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    return reviews.evaluation(id).compose(found -> {
      if (found.isEmpty()) return Future.failedFuture(new Refusal(404, "not_found", "No evaluation has that id."));
      Evaluation e = found.get();
      if (EvaluationAccess.maySee(new EvaluationAccess.Staff(me(ctx), reviewer(ctx)), e)) return Future.succeededFuture(e);
      return store.audit(new AuditEvent(clock.instant(), me(ctx), "refused", e.id(), ctx.request().method() + " " + ctx.request().path() + ": not their evaluation"))
          .transform(ar -> Future.failedFuture(new Refusal(403, "not_yours", "Agents see only their own evaluations, once submitted.")));
    });
  }

  private Future<EvaluationFlow.State> decided(RoutingContext ctx, Evaluation e, EvaluationFlow.Step step) {
    AgentAccount account = StaffAuth.account(ctx);
    EvaluationFlow.Decision d = EvaluationFlow.decide(new EvaluationFlow.Facts(EvaluationFlow.State.parse(e.state()).orElseThrow(), e.reviewer(), e.agent()),
        new EvaluationFlow.Actor(me(ctx), account.may(Permission.SUPERVISE)), step);
    if (d instanceof EvaluationFlow.Decision.Moved m) return Future.succeededFuture(m.to());
    if (d instanceof EvaluationFlow.Decision.NotYours n) return Future.failedFuture(new Refusal(403, "not_yours", n.reason()));
    if (d instanceof EvaluationFlow.Decision.WrongState w) return Future.failedFuture(new Refusal(409, "wrong_state", w.reason()));
    return Future.failedFuture(new Refusal(400, "invalid", ((EvaluationFlow.Decision.Invalid) d).reason()));
  }

  private Future<Evaluation> moved(RoutingContext ctx, Evaluation e, QualityReviews.Move move, String detail) {
    return reviews.move(move).compose(done -> done ? audit(ctx, "quality_write", e, detail) : Future.failedFuture(new Refusal(409, "wrong_state",
        "The evaluation changed meanwhile; reload it."))).onSuccess(v -> QualityChanged.publish(ctx.vertx(), e.id()))
        .compose(v -> reviews.evaluation(e.id())).map(Optional::orElseThrow);
  }

  Future<Scorecard> card(Evaluation e) {
    return reviews.scorecard(e.scorecard(), e.version()).map(v -> ScorecardJson.parse(new JsonObject(v.orElseThrow().definition())));
  }

  Future<Void> audit(RoutingContext ctx, String action, Evaluation e, String detail) {
    return store.audit(new AuditEvent(clock.instant(), me(ctx), action, e.id(), detail + " (record " + e.record() + ")"))
        .recover(err -> Future.failedFuture(new Refusal(503, "unavailable", "The audit log could not be written. Please try again.")));
  }
}
