package org.accessline.web.records;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.web.http.Answers;
import org.accessline.web.http.Problem;
import org.accessline.web.http.Validation;
import org.accessline.web.staff.StaffAuth;

/**
 * Guards on the records routes: each access is written to the audit log (who, what, when) before
 * anything is served, and a purged record answers 410 Gone. Also legal hold, purge and the audit log
 * itself, for supervisors.
 */
public final class RecordAccess {
  private final InteractionStore store;
  private final Clock clock;
  private final Duration retention;

  /** @param retention how long a resolved record is kept; zero keeps records forever */
  public RecordAccess(InteractionStore store, Clock clock, Duration retention) {
    this.store = store;
    this.clock = clock;
    this.retention = retention;
  }

  /** Writes the access to the audit log, and only then lets the request through. */
  public Handler<RoutingContext> audited(String action) {
    return ctx -> {
      String target = Optional.ofNullable(ctx.pathParam("id")).orElseGet(() -> ctx.request().path() + "?" + Optional.ofNullable(ctx.request().query()).orElse(""));
      String asked = ctx.request().method() + " " + ctx.request().path() + Optional.ofNullable(ctx.request().query()).map(q -> "?" + q).orElse("");
      store.audit(new AuditEvent(clock.instant(), StaffAuth.account(ctx).username().value(), action, target, asked))
          .onSuccess(v -> ctx.next())
          .onFailure(e -> Problem.send(ctx, 503, "unavailable", "The audit log could not be written, so nothing was served. Please try again."));
    };
  }

  /** Supervisors only, and a refused try at a record route is itself written to the audit log. */
  public Handler<RoutingContext> supervisorsOnly() {
    return ctx -> {
      var account = StaffAuth.account(ctx);
      if (account.supervisor()) {
        ctx.next();
        return;
      }
      String target = Optional.ofNullable(ctx.pathParam("id")).orElseGet(() -> ctx.request().path());
      store.audit(new AuditEvent(clock.instant(), account.username().value(), "refused", target, ctx.request().method() + " " + ctx.request().path() + ": supervisors only"))
          .onComplete(ignored -> Problem.send(ctx, 403, "supervisors_only", "Only a supervisor can do this."));
    };
  }

  /** A purged record is gone for good: 410, not 404, so a records request can say so. */
  public Handler<RoutingContext> notPurged() {
    return ctx -> store.purged(Validation.conversation(ctx)).onComplete(ar -> {
      if (ar.succeeded() && ar.result()) Problem.send(ctx, 410, "purged", "This record was purged under the retention policy.");
      else ctx.next();
    });
  }

  /** {@code PUT /api/interactions/{id}/hold {"hold": true|false}}. */
  public void hold(RoutingContext ctx) {
    Object hold = Validation.body(ctx).getValue("hold");
    if (!(hold instanceof Boolean on)) {
      Problem.send(ctx, 400, "bad_hold", "\"hold\" must be true or false.");
      return;
    }
    ConversationId id = Validation.conversation(ctx);
    // The log says which way the hold went, so a purge can be checked against the holds on its record.
    store.audit(new AuditEvent(clock.instant(), StaffAuth.account(ctx).username().value(), on ? "hold" : "release", id.value(),
        ctx.request().method() + " " + ctx.request().path() + " hold=" + on))
        .onFailure(e -> Problem.send(ctx, 503, "unavailable", "The audit log could not be written, so nothing was changed. Please try again."))
        .compose(v -> store.setLegalHold(id, on)).onComplete(ar -> {
      if (ctx.response().ended()) return;
      if (ar.succeeded() && !ar.result()) Problem.send(ctx, 404, "not_found", "No interaction record has that id.");
      else Answers.respond(ctx, ar.map(v -> new JsonObject().put("id", id.value()).put("hold", on)), 200);
    });
  }

  /** {@code POST /api/records/purge}: purges now what the retention period allows. */
  public void purge(RoutingContext ctx) {
    if (retention.isZero()) {
      Problem.send(ctx, 409, "no_retention", "No retention period is configured (retention.days), so nothing is ever purged.");
      return;
    }
    purgeDue().onComplete(ar -> Answers.respond(ctx, ar.map(n -> new JsonObject().put("purged", n)), 200));
  }

  /** The purge the daily job runs, written to the audit log. */
  public io.vertx.core.Future<Integer> purgeDue() {
    var now = clock.instant();
    return store.purge(now.minus(retention), now).compose(n -> store.audit(new AuditEvent(now, "retention", "purge", "records",
        n + " records resolved before " + now.minus(retention) + " purged")).map(n));
  }

  /** {@code GET /api/audit?record=&limit=}. */
  public void trail(RoutingContext ctx) {
    int limit;
    try {
      limit = Integer.parseInt(Optional.ofNullable(ctx.queryParams().get("limit")).orElse("100"));
      if (limit < 1 || limit > 1000) throw new NumberFormatException();
    } catch (NumberFormatException e) {
      Problem.send(ctx, 400, "bad_limit", "\"limit\" must be 1-1000.");
      return;
    }
    store.auditTrail(Optional.ofNullable(ctx.queryParams().get("record")), limit).onComplete(ar -> Answers.respond(ctx, ar.map(list -> {
      JsonArray out = new JsonArray();
      list.forEach(e -> out.add(e.toJson()));
      return new JsonObject().put("events", out);
    }), 200));
  }
}
