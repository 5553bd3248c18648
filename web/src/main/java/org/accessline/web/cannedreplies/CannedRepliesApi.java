package org.accessline.web.cannedreplies;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.accessline.gateway.channel.Desk;
import org.accessline.gateway.store.CannedReplies;
import org.accessline.gateway.store.CannedReply;
import org.accessline.web.auth.AgentAccount;
import org.accessline.web.http.Answers;
import org.accessline.web.http.Problem;
import org.accessline.web.http.Validation;
import org.accessline.web.residents.ConversationViews;
import org.accessline.web.staff.StaffAuth;

/** Canned replies: each agent's own and the center's shared ones, kept, searched, and filled in for one conversation. */
public final class CannedRepliesApi {
  static final String REPLY = "accessline.cannedReply";
  private final CannedReplies replies;
  private final Desk stream;
  private final ConversationViews views;
  private final String centerName;
  private final Clock clock;

  public CannedRepliesApi(CannedReplies replies, Desk stream, ConversationViews views, String centerName, Clock clock) {
    this.replies = replies;
    this.stream = stream;
    this.views = views;
    this.centerName = centerName;
    this.clock = clock;
  }

  /** {@code GET /api/canned-replies?q=}: the caller's own and the shared ones matching every word of {@code q}. */
  public void list(RoutingContext ctx) {
    String q = Optional.ofNullable(ctx.queryParams().get("q")).orElse("");
    visible(StaffAuth.account(ctx), q).onComplete(ar -> Answers.respond(ctx, ar.map(list -> {
      JsonArray out = new JsonArray();
      list.forEach(r -> out.add(json(r)));
      return new JsonObject().put("replies", out);
    }), 200));
  }

  /** {@code GET /api/conversations/{id}/canned-replies?q=}: as the list, each filled in for this conversation; after the reader was let in. */
  public void forConversation(RoutingContext ctx) {
    AgentAccount account = StaffAuth.account(ctx);
    String q = Optional.ofNullable(ctx.queryParams().get("q")).orElse("");
    stream.openConversation(Validation.conversation(ctx)).compose(state -> state.isEmpty() ? Future.succeededFuture((JsonObject) null)
        : visible(account, q).map(list -> {
          Map<String, String> values = Map.of("resident", views.residentName(state.get().contact()), "center", centerName, "agent", account.displayName());
          JsonArray out = new JsonArray();
          for (CannedReply r : list) {
            out.add(new JsonObject().put("id", r.id()).put("scope", r.scope().wireName()).put("title", r.title()).put("shortcut", r.shortcut())
                .put("text", CannedReplyRules.filled(r, state.get().contact().channel(), values)));
          }
          return new JsonObject().put("replies", out);
        })).onComplete(ar -> {
          if (ar.succeeded() && ar.result() == null) Problem.send(ctx, 404, "not_open", "That conversation is not open.");
          else Answers.respond(ctx, ar, 200);
        });
  }

  /** What the agent sees: a personal reply hides a shared one with the same shortcut, so every shortcut the agent types means one reply. */
  private Future<List<CannedReply>> visible(AgentAccount account, String q) {
    String me = account.username().value();
    return replies.visibleTo(me).map(all -> {
      Set<String> mine = all.stream().filter(r -> r.scope() == CannedReply.Scope.PERSONAL).map(CannedReply::shortcut).collect(Collectors.toSet());
      return all.stream().filter(r -> r.scope() == CannedReply.Scope.PERSONAL || !mine.contains(r.shortcut()))
          .filter(r -> CannedReplyRules.matches(r, q)).sorted(Comparator.comparingInt(r -> CannedReplyRules.rank(r, q))).toList();
    });
  }

  /** {@code POST /api/canned-replies {"scope","title","shortcut","text","ttyText"?}}. */
  public void create(RoutingContext ctx) {
    JsonObject body = Validation.body(ctx);
    AgentAccount account = StaffAuth.account(ctx);
    Optional<CannedReply.Scope> scope = Validation.text(body, "scope").flatMap(CannedReply.Scope::parse);
    if (scope.isEmpty()) {
      Problem.send(ctx, 400, "bad_canned_reply", "\"scope\" must be \"personal\" or \"shared\".");
      return;
    }
    if (scope.get() == CannedReply.Scope.SHARED && !account.supervisor()) {
      Problem.send(ctx, 403, "supervisors_only", "Only a supervisor keeps the shared replies.");
      return;
    }
    draft(ctx, body).ifPresent(d -> {
      String me = account.username().value();
      CannedReply reply = new CannedReply(UUID.randomUUID().toString(), scope.get(), scope.get() == CannedReply.Scope.PERSONAL ? Optional.of(me) : Optional.empty(),
          d.title(), d.shortcut(), d.text(), d.ttyText(), clock.instant(), me);
      replies.visibleTo(me).onComplete(ar -> {
        if (ar.failed()) {
          Answers.respond(ctx, ar.map(v -> null), 201);
          return;
        }
        long same = ar.result().stream().filter(r -> r.scope() == reply.scope()).count();
        int most = reply.scope() == CannedReply.Scope.PERSONAL ? CannedReplyRules.PERSONAL_PER_AGENT : CannedReplyRules.SHARED;
        if (same >= most) {
          Problem.send(ctx, 400, "too_many_canned_replies", "At most " + most + " " + reply.scope().wireName() + " replies can be kept; delete one first.");
          return;
        }
        save(ctx, reply, ar.result(), 201);
      });
    });
  }

  /** Loads the {@code :id} reply and lets through only its owner (personal) or a supervisor (shared). */
  public void mayChange(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!validId(id)) {
      Problem.send(ctx, 404, "not_found", "No canned reply has that id.");
      return;
    }
    AgentAccount account = StaffAuth.account(ctx);
    replies.find(id).onComplete(ar -> {
      if (ar.failed()) Answers.respond(ctx, ar.map(v -> null), 200);
      else if (ar.result().isEmpty()) Problem.send(ctx, 404, "not_found", "No canned reply has that id.");
      else if (!CannedReplyAccess.mayChange(ar.result().get(), account.username().value(), account.supervisor())) {
        Problem.send(ctx, 403, "not_yours", ar.result().get().scope() == CannedReply.Scope.SHARED
            ? "Only a supervisor changes the shared replies." : "Only its owner changes a personal reply.");
      } else {
        ctx.put(REPLY, ar.result().get());
        ctx.next();
      }
    });
  }

  /** {@code PUT /api/canned-replies/{id} {"title","shortcut","text","ttyText"?}}: the scope and owner stay. */
  public void update(RoutingContext ctx) {
    CannedReply was = ctx.get(REPLY);
    String me = StaffAuth.account(ctx).username().value();
    draft(ctx, Validation.body(ctx)).ifPresent(d -> {
      CannedReply reply = new CannedReply(was.id(), was.scope(), was.owner(), d.title(), d.shortcut(), d.text(), d.ttyText(), clock.instant(), me);
      replies.visibleTo(was.owner().orElse(me)).onComplete(ar -> {
        if (ar.failed()) Answers.respond(ctx, ar.map(v -> null), 200);
        else save(ctx, reply, ar.result(), 200);
      });
    });
  }

  /** {@code DELETE /api/canned-replies/{id}}. */
  public void delete(RoutingContext ctx) {
    CannedReply was = ctx.get(REPLY);
    replies.delete(was.id()).onComplete(ar -> {
      if (ar.failed()) Answers.respond(ctx, ar.map(v -> null), 204);
      else ctx.response().setStatusCode(204).end();
    });
  }

  private void save(RoutingContext ctx, CannedReply reply, List<CannedReply> sameSet, int status) {
    boolean clash = sameSet.stream().anyMatch(r -> !r.id().equals(reply.id()) && r.shortcut().equals(reply.shortcut())
        && (r.scope() == reply.scope() || reply.scope() == CannedReply.Scope.PERSONAL));
    if (clash) {
      shortcutTaken(ctx, reply.shortcut());
      return;
    }
    replies.save(reply).onComplete(ar -> {
      if (ar.failed() && ar.cause() instanceof CannedReplies.ShortcutTaken) shortcutTaken(ctx, reply.shortcut());
      else Answers.respond(ctx, ar.map(v -> json(reply)), status);
    });
  }

  private static void shortcutTaken(RoutingContext ctx, String shortcut) {
    Problem.send(ctx, 409, "shortcut_taken", "Another reply you can use already has the shortcut \"" + shortcut + "\".");
  }

  private static Optional<CannedReplyRules.Draft> draft(RoutingContext ctx, JsonObject body) {
    Object tty = body.getValue("ttyText");
    if (tty != null && !(tty instanceof String)) {
      sendBad(ctx, new CannedReplyRules.Problem("ttyText", "\"ttyText\" must be text, or left out."));
      return Optional.empty();
    }
    CannedReplyRules.Draft d = new CannedReplyRules.Draft(Validation.text(body, "title").map(String::strip).orElse(null),
        Validation.text(body, "shortcut").orElse(null), Validation.text(body, "text").map(String::strip).orElse(null),
        Optional.ofNullable((String) tty).map(String::strip).filter(t -> !t.isEmpty()));
    Optional<CannedReplyRules.Problem> problem = CannedReplyRules.check(d);
    problem.ifPresent(p -> sendBad(ctx, p));
    return problem.isPresent() ? Optional.empty() : Optional.of(d);
  }

  private static void sendBad(RoutingContext ctx, CannedReplyRules.Problem p) {
    if (ctx.response().ended()) return;
    ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json; charset=utf-8")
        .end(new JsonObject().put("error", "bad_canned_reply").put("field", p.field()).put("message", p.message()).encode());
  }

  static boolean validId(String id) {
    try {
      return id != null && UUID.fromString(id).toString().equals(id);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static JsonObject json(CannedReply r) {
    return new JsonObject().put("id", r.id()).put("scope", r.scope().wireName()).put("owner", r.owner().orElse(null)).put("title", r.title())
        .put("shortcut", r.shortcut()).put("text", r.text()).put("ttyText", r.ttyText().orElse(null)).put("updatedAt", r.updatedAt().toString())
        .put("updatedBy", r.updatedBy());
  }
}
