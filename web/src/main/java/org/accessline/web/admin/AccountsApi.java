package org.accessline.web.admin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.store.Administration;
import org.accessline.gateway.store.Administration.Saved;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.store.StaffAccount;
import org.accessline.web.auth.AgentAccount;
import org.accessline.web.auth.AgentDirectory;
import org.accessline.web.auth.AgentSessions;
import org.accessline.web.auth.Grant;
import org.accessline.web.auth.PasswordHasher;
import org.accessline.web.auth.StaffAccounts;
import org.accessline.web.http.Answers;
import org.accessline.web.http.Problem;
import org.accessline.web.http.Validation;
import org.accessline.web.staff.StaffAuth;

/**
 * Staff accounts on the admin page. A password is made here, shown once in the answer that made it,
 * and kept only as its hash, which no answer ever carries. Every change is written to the audit log
 * before it is answered; a change to what an account may do, or disabling it, ends its sessions.
 */
public final class AccountsApi {
  private final Vertx vertx;
  private final InteractionStore store;
  private final AgentSessions sessions;
  private final int defaultCapacity;
  private final Clock clock;

  public AccountsApi(Vertx vertx, InteractionStore store, AgentSessions sessions, int defaultCapacity, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.sessions = sessions;
    this.defaultCapacity = defaultCapacity;
    this.clock = clock;
  }

  /** {@code GET /api/admin/accounts}. */
  public void list(RoutingContext ctx) {
    store.administration().accounts().onComplete(ar -> Answers.respond(ctx, ar.map(all -> new JsonObject().put("accounts",
        new JsonArray(all.stream().map(AccountsApi::json).toList()))), 200));
  }

  /** {@code POST /api/admin/accounts}: 201 with the account and its first password. */
  public void create(RoutingContext ctx) {
    AccountRules.Creation creation;
    try {
      creation = AccountRules.creation(Validation.body(ctx), defaultCapacity);
    } catch (IllegalArgumentException e) {
      Problem.send(ctx, 400, "bad_account", e.getMessage());
      return;
    }
    String actor = StaffAuth.account(ctx).username().value();
    String password = AgentDirectory.randomPassword();
    AccountRules.Settings s = creation.settings();
    vertx.executeBlocking(() -> PasswordHasher.hash(password.toCharArray()), false)
        .compose(hash -> store.administration().create(new StaffAccount(creation.username(), s.displayName(), hash, s.role().wireName(), StaffAccounts.wireGrants(s.grants()),
            s.capacity(), s.skills(), false, 1, clock.instant(), actor, clock.instant(), actor)))
        .onComplete(ar -> {
          if (ar.failed()) {
            Problem.send(ctx, 503, "unavailable", "The account could not be saved; nothing was changed. Please try again.");
          } else if (ar.result() instanceof Saved.Done done) {
            changed(actor, "account_create", done.account().username() + ": new account, " + describe(done.account()), done.account().username(), false)
                .onComplete(v -> answer(ctx, v, 201, new JsonObject().put("account", json(done.account())).put("password", password)));
          } else {
            Problem.send(ctx, 409, "username_taken", "That username is already an account (perhaps a disabled one); nothing was changed.");
          }
        });
  }

  /** {@code PUT /api/admin/accounts/:username}: the account's settings, whole, on the version the administrator saw. */
  public void edit(RoutingContext ctx) {
    AccountRules.Edit edit;
    try {
      edit = AccountRules.edit(Validation.body(ctx));
    } catch (IllegalArgumentException e) {
      Problem.send(ctx, 400, "bad_account", e.getMessage());
      return;
    }
    AgentAccount actor = StaffAuth.account(ctx);
    String target = ctx.pathParam("username");
    Optional<AccountRules.Refusal> refusal = AccountRules.refuse(actor, target, edit.settings());
    if (refusal.isPresent()) {
      Problem.send(ctx, refusal.get().status(), refusal.get().code(), refusal.get().message());
      return;
    }
    AccountRules.Settings s = edit.settings();
    store.administration().account(target).compose(found -> {
      if (found.isEmpty()) return Future.succeededFuture(Optional.<Outcome>empty());
      StaffAccount before = found.get();
      StaffAccount after = new StaffAccount(before.username(), s.displayName(), before.passwordHash(), s.role().wireName(), StaffAccounts.wireGrants(s.grants()),
          s.capacity(), s.skills(), s.disabled(), edit.version(), before.createdAt(), before.createdBy(), clock.instant(), actor.username().value());
      return store.administration().update(after).map(saved -> Optional.of(new Outcome(before, saved)));
    }).onComplete(ar -> {
      if (ar.failed()) {
        Problem.send(ctx, 503, "unavailable", "The account could not be saved; nothing was changed. Please try again.");
      } else if (ar.result().isEmpty()) {
        Problem.send(ctx, 404, "no_such_account", "There is no account by that username.");
      } else if (ar.result().get().saved() instanceof Saved.Done done) {
        StaffAccount before = ar.result().get().before();
        boolean end = AccountRules.endsSessions(StaffAccounts.account(before), before.disabled(), s);
        changed(actor.username().value(), "account_change", target + ": " + describe(before) + " -> " + describe(done.account()), target, end)
            .onComplete(v -> answer(ctx, v, 200, new JsonObject().put("account", json(done.account()))));
      } else if (ar.result().get().saved() instanceof Saved.LastAdmin) {
        Problem.send(ctx, 409, "last_admin", "That would leave no enabled administrator; make another administrator first. Nothing was changed.");
      } else {
        Problem.send(ctx, 409, "stale", "Someone changed this account since you opened it; reload it and make your change again. Nothing was changed.");
      }
    });
  }

  private record Outcome(StaffAccount before, Saved saved) {}

  /** {@code POST /api/admin/accounts/:username/password}: a new password, shown once; the account's sessions end. */
  public void resetPassword(RoutingContext ctx) {
    String actor = StaffAuth.account(ctx).username().value();
    String target = ctx.pathParam("username");
    String password = AgentDirectory.randomPassword();
    vertx.executeBlocking(() -> PasswordHasher.hash(password.toCharArray()), false).compose(hash -> store.administration().account(target).compose(found -> {
      if (found.isEmpty()) return Future.succeededFuture(Optional.<Saved>empty());
      StaffAccount a = found.get();
      return store.administration().update(a.changed(a.displayName(), hash, a.role(), a.grants(), a.capacity(), a.skills(), a.disabled(), clock.instant(), actor))
          .map(Optional::of);
    })).onComplete(ar -> {
      if (ar.failed()) {
        Problem.send(ctx, 503, "unavailable", "The password could not be saved; the old one stays. Please try again.");
      } else if (ar.result().isEmpty()) {
        Problem.send(ctx, 404, "no_such_account", "There is no account by that username.");
      } else if (ar.result().get() instanceof Saved.Done done) {
        changed(actor, "password_reset", target + ": password reset; its sessions ended", target, true)
            .onComplete(v -> answer(ctx, v, 200, new JsonObject().put("account", json(done.account())).put("password", password)));
      } else {
        Problem.send(ctx, 409, "stale", "The account changed while its password was being made; try again. The old password stays.");
      }
    });
  }

  /** Audits, ends the account's sessions if asked, and tells every node to reload. */
  private Future<Void> changed(String actor, String action, String detail, String target, boolean endSessions) {
    if (endSessions) {
      List<AgentSessions.Session> ended = sessions.closeAll(new org.accessline.gateway.conversation.AgentId(target));
      ended.forEach(s -> vertx.eventBus().publish(AgentSessions.ENDED, s.id()));
    }
    AgentDirectory.announce(vertx);
    String withSessions = endSessions ? detail + " (sessions ended)" : detail;
    return store.audit(new AuditEvent(clock.instant(), actor, action, "staff", withSessions));
  }

  /** The change is made; if its audit entry could not be written, say so rather than pretend all is well. */
  private static void answer(RoutingContext ctx, io.vertx.core.AsyncResult<Void> audited, int status, JsonObject body) {
    if (audited.failed()) {
      Problem.send(ctx, 500, "not_audited", "The change was saved, but the audit log could not be written; tell whoever runs the gateway.");
      return;
    }
    Answers.json(ctx, status, body);
  }

  private static String describe(StaffAccount a) {
    return a.role() + (a.grants().isEmpty() ? "" : " + " + String.join(", ", a.grants().stream().sorted().toList())) + (a.disabled() ? ", disabled" : "");
  }

  /** An account as the admin page sees it: never the password hash. */
  static JsonObject json(StaffAccount a) {
    return new JsonObject().put("username", a.username()).put("displayName", a.displayName()).put("role", a.role())
        .put("grants", new JsonArray(a.grants().stream().sorted().toList())).put("capacity", a.capacity())
        .put("skills", new JsonArray(a.skills().stream().sorted().toList())).put("disabled", a.disabled()).put("version", a.version())
        .put("createdAt", a.createdAt().toString()).put("createdBy", a.createdBy()).put("changedAt", a.changedAt().toString()).put("changedBy", a.changedBy());
  }

  static JsonArray grantNames() {
    return new JsonArray(java.util.Arrays.stream(Grant.values()).map(Grant::wireName).toList());
  }
}
