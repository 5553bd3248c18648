package org.accessline.web.followups;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.followup.FollowUp;
import org.accessline.gateway.followup.FollowUpRules;
import org.accessline.gateway.followup.FollowUpState;
import org.accessline.gateway.followup.Owner;
import org.accessline.gateway.routing.QueueDefinition;
import org.accessline.gateway.routing.RoutingSettings;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.gateway.store.FollowUps;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.web.auth.AgentAccount;
import org.accessline.web.config.FollowUpConfig;
import org.accessline.web.auth.AgentDirectory;
import org.accessline.web.auth.Permission;
import org.accessline.web.http.Answers;
import org.accessline.web.http.Problem;
import org.accessline.web.http.Validation;
import org.accessline.web.staff.StaffAuth;

/**
 * Making, listing and cancelling follow-ups. Every follow-up served is a read of its record, so each
 * is in the audit log, under its record's id, before the answer goes out.
 */
public final class FollowUpsApi {
  private final Vertx vertx;
  private final InteractionStore store;
  private final FollowUps followUps;
  private final AgentDirectory directory;
  private final RoutingSettings routing;
  private final FollowUpConfig config;
  private final boolean callsAvailable;
  private final Clock clock;

  public FollowUpsApi(Vertx vertx, InteractionStore store, AgentDirectory directory, RoutingSettings routing, FollowUpConfig config, Clock clock,
      boolean callsAvailable) {
    this.callsAvailable = callsAvailable;
    this.vertx = vertx;
    this.store = store;
    this.followUps = store.followUps();
    this.directory = directory;
    this.routing = routing;
    this.config = config;
    this.clock = clock;
  }

  /** {@code POST /api/records/:id/follow-ups}, after the record's need-to-know was decided and audited. */
  public void create(RoutingContext ctx) {
    ConversationId origin = Validation.conversation(ctx);
    AgentAccount by = StaffAuth.account(ctx);
    store.entries(origin, 0).onComplete(read -> {
      if (read.failed()) {
        Answers.respond(ctx, read.map(v -> null), 200);
        return;
      }
      ConversationEvent.Opened opened = (ConversationEvent.Opened) read.result().get(0).event();
      FollowUp made;
      try {
        made = FollowUpJson.parse(Validation.body(ctx), origin, opened.contact(), by.username().value(), clock, config.chatLink().isPresent(), callsAvailable);
        checkOwner(made.owner());
      } catch (IllegalArgumentException e) {
        store.audit(audit(by, "follow_up_refused", origin, e.getMessage())).onComplete(ar -> Problem.send(ctx, 400, "invalid_follow_up", e.getMessage()));
        return;
      }
      followUps.create(made).compose(created -> {
        Future<FollowUp> answer = created ? Future.succeededFuture(made) : followUps.find(made.id()).map(Optional::orElseThrow);
        return answer.compose(f -> {
          if (!f.origin().equals(origin)) return Future.failedFuture(new IllegalStateException("the id belongs to another record's follow-up"));
          if (!created) return Future.succeededFuture(new Made(f, false));
          return store.audit(audit(by, "follow_up_created", origin, f.id() + " " + f.channel().wireName() + " due " + f.due() + " for " + f.owner().wire()))
              .map(v -> new Made(f, true));
        });
      }).onComplete(ar -> {
        if (ar.failed() && ar.cause() instanceof IllegalStateException e) {
          Problem.send(ctx, 409, "id_taken", "That id is another record's follow-up; choose a new id.");
          return;
        }
        if (ar.succeeded() && ar.result().created()) FollowUpScheduler.changed(vertx, ar.result().followUp().id());
        Answers.respond(ctx, ar.map(m -> FollowUpJson.json(m.followUp(), clock.instant(), config.overdueAfter())), ar.succeeded() && !ar.result().created() ? 200 : 201);
      });
    });
  }

  private record Made(FollowUp followUp, boolean created) {}

  private void checkOwner(Owner owner) {
    if (owner.kind() == Owner.Kind.AGENT && directory.find(new org.accessline.gateway.conversation.AgentId(owner.name())).isEmpty()) {
      throw new IllegalArgumentException("No staff account is named \"" + owner.name() + "\".");
    }
    if (owner.kind() == Owner.Kind.QUEUE && routing.queue(owner.name()).isEmpty()) {
      throw new IllegalArgumentException("No queue is named \"" + owner.name() + "\"; the queues are "
          + String.join(", ", routing.queues().stream().map(QueueDefinition::name).toList()) + ".");
    }
  }

  /** {@code GET /api/records/:id/follow-ups}: the record's follow-ups, after the record's read was decided and audited. */
  public void ofRecord(RoutingContext ctx) {
    followUps.ofRecord(Validation.conversation(ctx)).map(all -> new JsonObject().put("followUps", FollowUpJson.json(all, clock.instant(), config.overdueAfter())))
        .onComplete(ar -> Answers.respond(ctx, ar, 200));
  }

  /** {@code GET /api/follow-ups/mine}: the caller's own pending follow-ups and their queues'. */
  public void mine(RoutingContext ctx) {
    AgentAccount me = StaffAuth.account(ctx);
    List<Owner> owners = new ArrayList<>();
    owners.add(Owner.agent(me.username().value()));
    routing.queues().forEach(q -> owners.add(Owner.queue(q.name())));
    served(ctx, me, followUps.pendingFor(owners));
  }

  /** {@code GET /api/follow-ups}: every pending follow-up, for supervisors. */
  public void all(RoutingContext ctx) {
    AgentAccount me = StaffAuth.account(ctx);
    if (!me.may(Permission.SUPERVISE)) {
      store.audit(new AuditEvent(clock.instant(), me.username().value(), "refused", "follow-ups", "GET /api/follow-ups: supervisors only"))
          .onComplete(ar -> Problem.send(ctx, 403, "supervisors_only", "Only supervisors see every follow-up."));
      return;
    }
    served(ctx, me, followUps.pending());
  }

  /** Audits a read of each follow-up's record, then serves them; nothing is served if the audit log cannot be written. */
  private void served(RoutingContext ctx, AgentAccount reader, Future<List<FollowUp>> found) {
    String route = ctx.request().method() + " " + ctx.request().path();
    found.compose(all -> {
      Instant now = clock.instant();
      List<AuditEvent> reads = all.stream().map(f -> new AuditEvent(now, reader.username().value(), "read_follow_up", f.origin().value(), route + " " + f.id())).toList();
      return store.audit(reads).map(v -> new JsonObject().put("followUps", FollowUpJson.json(all, now, config.overdueAfter())));
    }).onComplete(ar -> Answers.respond(ctx, ar, 200));
  }

  /** {@code POST /api/follow-ups/:followUpId/cancel}: by its owner, whoever made it, or a supervisor. */
  public void cancel(RoutingContext ctx) {
    AgentAccount me = StaffAuth.account(ctx);
    withFollowUp(ctx, me, f -> {
      Optional<FollowUp> cancelled = FollowUpRules.cancel(f, clock.instant());
      if (cancelled.isEmpty()) {
        Problem.send(ctx, 409, "finished", "This follow-up is " + f.state().wireName() + ".");
        return;
      }
      followUps.update(cancelled.get(), f.state()).compose(changed -> !changed ? Future.succeededFuture(false)
          : store.audit(audit(me, "follow_up_cancelled", f.origin(), f.id())).map(v -> true)).onComplete(ar -> {
            if (ar.succeeded() && !ar.result()) {
              Problem.send(ctx, 409, "changed", "Someone else changed this follow-up just now; look again.");
              return;
            }
            if (ar.succeeded()) FollowUpScheduler.changed(vertx, f.id());
            Answers.respond(ctx, ar.map(v -> FollowUpJson.json(cancelled.get(), clock.instant(), config.overdueAfter())), 200);
          });
    });
  }

  /** Finds the follow-up and checks the caller may act on it; a refusal is audited. */
  void withFollowUp(RoutingContext ctx, AgentAccount me, java.util.function.Consumer<FollowUp> then) {
    String id = ctx.pathParam("followUpId");
    followUps.find(id == null ? "" : id).onComplete(ar -> {
      if (ar.failed()) {
        Answers.respond(ctx, ar.map(v -> null), 200);
        return;
      }
      if (ar.result().isEmpty()) {
        Problem.send(ctx, 404, "not_found", "No follow-up has that id.");
        return;
      }
      FollowUp f = ar.result().get();
      if (!mayAct(me, f)) {
        store.audit(audit(me, "refused", f.origin(), ctx.request().method() + " " + ctx.request().path() + ": not their follow-up"))
            .onComplete(x -> Problem.send(ctx, 403, "not_yours", "This follow-up is another agent's."));
        return;
      }
      then.accept(f);
    });
  }

  /** Its owner (or anyone working its queue), whoever made it, or a supervisor. */
  static boolean mayAct(AgentAccount me, FollowUp f) {
    if (me.may(Permission.SUPERVISE) || f.owner().kind() == Owner.Kind.QUEUE) return true;
    return f.owner().name().equals(me.username().value()) || f.createdBy().equals(me.username().value());
  }

  AuditEvent audit(AgentAccount by, String action, ConversationId record, String detail) {
    return new AuditEvent(clock.instant(), by.username().value(), action, record.value(), detail.length() > 1000 ? detail.substring(0, 1000) : detail);
  }

  boolean isPending(FollowUp f) {
    return f.state() == FollowUpState.SCHEDULED || f.state() == FollowUpState.IN_PROGRESS;
  }
}
