package org.accessline.web.quality;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.quality.Sampling;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.store.QualityReviews;
import org.accessline.gateway.store.RecordQuery;
import org.accessline.gateway.store.RecordSummary;
import org.accessline.web.auth.AgentAccount;
import org.accessline.web.auth.AgentDirectory;
import org.accessline.web.http.Validation;

/** Scorecards (published in versions, never changed), the weekly sample of records to review, and QA averages. */
public final class ScorecardsApi {
  private final InteractionStore store;
  private final QualityReviews reviews;
  private final AgentDirectory directory;
  private final QualitySettings settings;
  private final Clock clock;

  public ScorecardsApi(InteractionStore store, AgentDirectory directory, QualitySettings settings, Clock clock) {
    this.store = store;
    this.reviews = store.qualityReviews();
    this.directory = directory;
    this.settings = settings;
    this.clock = clock;
  }

  /** The named scorecard's version, or its latest; with no name, the latest of the starter. */
  static Future<QualityReviews.ScorecardVersion> version(QualityReviews reviews, Optional<String> id, Optional<Integer> version) {
    String name = id.orElse(org.accessline.gateway.quality.StarterScorecard.ID);
    Future<Optional<QualityReviews.ScorecardVersion>> found = version.isPresent() ? reviews.scorecard(name, version.get())
        : reviews.scorecards().map(all -> all.stream().filter(v -> v.id().equals(name)).findFirst());
    return found.compose(v -> v.map(Future::succeededFuture).orElse(Future.failedFuture(new Refusal(404, "not_found", "No published scorecard has that id and version."))));
  }

  /** A body's "version": a whole number, else none asked for (the latest). */
  static Optional<Integer> versionField(JsonObject body) {
    return body.getValue("version") instanceof Integer v ? Optional.of(v) : Optional.empty();
  }

  static JsonObject json(QualityReviews.ScorecardVersion v) {
    return new JsonObject().put("id", v.id()).put("version", v.version()).put("name", v.name()).put("publishedAt", v.publishedAt().toString())
        .put("publishedBy", v.publishedBy()).put("definition", new JsonObject(v.definition()));
  }

  /** {@code GET /api/quality/scorecards}: every version, newest first within each scorecard. */
  public void list(RoutingContext ctx) {
    reviews.scorecards().map(all -> {
      JsonArray out = new JsonArray();
      all.forEach(v -> out.add(json(v)));
      return new JsonObject().put("scorecards", out);
    }).onComplete(ar -> Refusal.respond(ctx, ar, 200));
  }

  /** {@code GET /api/quality/scorecards/{id}/{version}}. */
  public void get(RoutingContext ctx) {
    Optional<Integer> version;
    try {
      version = Optional.of(Integer.parseInt(ctx.pathParam("version")));
    } catch (NumberFormatException e) {
      version = Optional.of(-1);
    }
    version(reviews, Optional.of(ctx.pathParam("scorecard")), version).map(ScorecardsApi::json).onComplete(ar -> Refusal.respond(ctx, ar, 200));
  }

  /**
   * {@code POST /api/quality/scorecards} {id, definition, version?}: publishes the next version. A
   * version already published is never replaced: asking for it answers 409.
   */
  public void publish(RoutingContext ctx) {
    JsonObject body = Validation.body(ctx);
    Optional<String> id = Validation.text(body, "id").filter(s -> s.matches("[a-z0-9][a-z0-9-]{0,39}"));
    JsonObject definition = body.getValue("definition") instanceof JsonObject d ? d : null;
    if (id.isEmpty() || definition == null) {
      Refusal.respond(ctx, Future.failedFuture(new Refusal(400, "invalid", "Send {id: a lower-case word, definition: the scorecard}.")), 201);
      return;
    }
    org.accessline.gateway.quality.Scorecard card;
    try {
      card = ScorecardJson.parse(definition);
    } catch (IllegalArgumentException e) {
      Refusal.respond(ctx, Future.failedFuture(new Refusal(400, "invalid_scorecard", e.getMessage())), 201);
      return;
    }
    String actor = EvaluationsApi.me(ctx);
    reviews.scorecards().compose(all -> {
      int next = all.stream().filter(v -> v.id().equals(id.get())).mapToInt(QualityReviews.ScorecardVersion::version).max().orElse(0) + 1;
      int version = body.getValue("version") instanceof Integer v ? v : next;
      QualityReviews.ScorecardVersion v = new QualityReviews.ScorecardVersion(id.get(), version, card.name(), ScorecardJson.json(card).encode(), clock.instant(), actor);
      return reviews.publish(v).recover(e -> e instanceof QualityReviews.VersionTaken t ? Future.failedFuture(new Refusal(409, "version_published", t.getMessage()))
          : Future.failedFuture(e)).compose(x -> store.audit(new AuditEvent(clock.instant(), actor, "quality_write", "scorecard " + v.id(), "published version " + v.version())))
          .map(x -> json(v));
    }).onComplete(ar -> Refusal.respond(ctx, ar, 201));
  }

  /** {@code GET /api/quality/sample?week=2026-W48}: each agent's records picked for review that week, not yet evaluated. */
  public void sample(RoutingContext ctx) {
    String week = Optional.ofNullable(ctx.queryParams().get("week")).orElse("");
    Instant from;
    try {
      LocalDate monday = LocalDate.parse(week + "-1", java.time.format.DateTimeFormatter.ISO_WEEK_DATE);
      from = monday.with(DayOfWeek.MONDAY).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      Refusal.respond(ctx, Future.failedFuture(new Refusal(400, "invalid", "\"week\" is an ISO week such as 2026-W48.")), 200);
      return;
    }
    Instant to = from.plus(java.time.Duration.ofDays(7));
    Map<String, List<String>> candidates = new HashMap<>();
    List<Future<?>> lookups = new ArrayList<>();
    for (AgentAccount a : directory.all()) {
      RecordQuery q = new RecordQuery(Optional.of(from), Optional.of(to), Optional.empty(), Optional.of(a.username()), Optional.empty(), Optional.empty(),
          Optional.empty(), RecordQuery.MAX_LIMIT, 0);
      lookups.add(store.search(q).compose(page -> unevaluated(a.username(), page.records())).onSuccess(ids -> candidates.put(a.username().value(), ids)));
    }
    Future.all(lookups).compose(v -> store.audit(new AuditEvent(clock.instant(), EvaluationsApi.me(ctx), "quality_sample", "week " + week,
        "GET " + ctx.request().path()))).map(v -> {
          JsonObject picks = new JsonObject();
          Sampling.pick(settings.samplingKey(), week, candidates, settings.samplesPerAgentWeek()).forEach((agent, ids) -> picks.put(agent, new JsonArray(ids)));
          return new JsonObject().put("week", week).put("from", from.toString()).put("to", to.toString()).put("perAgent", settings.samplesPerAgentWeek())
              .put("picks", picks);
        }).onComplete(ar -> Refusal.respond(ctx, ar, 200));
  }

  private Future<List<String>> unevaluated(AgentId agent, List<RecordSummary> records) {
    return reviews.evaluations(new QualityReviews.Query(Optional.of(agent.value()), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 1000))
        .map(done -> {
          Set<String> evaluated = new HashSet<>();
          done.forEach(e -> evaluated.add(e.record()));
          return records.stream().filter(r -> r.resolved().isPresent()).map(r -> r.id().value()).filter(id -> !evaluated.contains(id)).toList();
        });
  }

  /** {@code GET /api/quality/averages?from=&to=&agent=}: reviewers see any agent's; an agent only their own. */
  public void averages(RoutingContext ctx) {
    Instant from;
    Instant to;
    try {
      from = Instant.parse(Optional.ofNullable(ctx.queryParams().get("from")).orElse(""));
      to = Instant.parse(Optional.ofNullable(ctx.queryParams().get("to")).orElse(""));
    } catch (DateTimeParseException e) {
      Refusal.respond(ctx, Future.failedFuture(new Refusal(400, "invalid", "\"from\" and \"to\" are ISO instants such as 2026-11-23T00:00:00Z.")), 200);
      return;
    }
    Optional<String> agent = EvaluationsApi.reviewer(ctx) ? Optional.ofNullable(ctx.queryParams().get("agent")) : Optional.of(EvaluationsApi.me(ctx));
    reviews.averages(agent, from, to).compose(list -> store.audit(new AuditEvent(clock.instant(), EvaluationsApi.me(ctx), "quality_read", "averages",
        "GET " + ctx.request().path() + " " + agent.orElse("all agents") + " " + from + " to " + to)).map(v -> {
          JsonArray out = new JsonArray();
          list.forEach(a -> out.add(new JsonObject().put("agent", a.agent()).put("evaluations", a.evaluations())
              .put("average", Math.round(a.averagePercent() * 10) / 10.0).put("flagged", a.flagged())));
          return new JsonObject().put("averages", out);
        })).onComplete(ar -> Refusal.respond(ctx, ar, 200));
  }
}
