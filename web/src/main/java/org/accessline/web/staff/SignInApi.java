package org.accessline.web.staff;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.routing.Presence;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.channel.Desk;
import org.accessline.web.auth.AgentAccount;
import org.accessline.web.auth.AgentDirectory;
import org.accessline.web.auth.AgentSessions;
import org.accessline.web.auth.PasswordChecks;
import org.accessline.web.auth.PasswordHasher;
import org.accessline.web.auth.SignInThrottle;
import org.accessline.web.http.Answers;
import org.accessline.web.http.Problem;
import org.accessline.web.http.Validation;

/**
 * Signing in and out. A sign-in is throttled per username and per client address, its password is
 * checked on a pool of its own, and each sign-in, failure and sign-out is in the audit log before
 * the answer. Signing out closes the consoles opened under that session and, if the agent is signed
 * in nowhere else, takes them off the floor.
 */
public final class SignInApi {
  private static final Logger LOG = LoggerFactory.getLogger(SignInApi.class);
  /**
   * Checked against when the username is unknown, so a wrong name costs as long as a wrong password.
   * A holder class, so the slow hash is first made on a worker thread, never on an event loop.
   */
  private static final class Decoy {
    static final String HASH = PasswordHasher.hash("decoy".toCharArray());
  }

  /** What the staff side needs to decide a sign-in, shared by every HTTP verticle instance. */
  /**
   * @param trustedProxies reverse proxies whose {@code X-Forwarded-For} names the client, so one
   *     guesser behind the proxy does not lock out every colleague behind it
   */
  public record Guards(SignInThrottle throttle, PasswordChecks checks, java.util.Set<String> trustedProxies) {}

  private final Vertx vertx;
  private final Desk stream;
  private final InteractionStore store;
  private final AgentDirectory directory;
  private final AgentSessions sessions;
  private final Guards guards;
  private final boolean secureCookies;
  private final Clock clock;

  public SignInApi(Vertx vertx, Desk stream, InteractionStore store, AgentDirectory directory, AgentSessions sessions, Guards guards,
      boolean secureCookies) {
    this.vertx = vertx;
    this.stream = stream;
    this.store = store;
    this.directory = directory;
    this.sessions = sessions;
    this.guards = guards;
    this.secureCookies = secureCookies;
    this.clock = sessions.clock();
  }

  public void signIn(RoutingContext ctx) {
    JsonObject body = Validation.body(ctx);
    String typed = Validation.text(body, "username").orElse("").trim().toLowerCase(Locale.ROOT);
    // The throttle's key for what was typed: short and printable.
    String username = typed.isEmpty() ? "(no username)" : typed.length() > 64 || !typed.matches("[\\p{Graph}]*") ? "(not a username)" : typed;
    char[] password = Validation.text(body, "password").orElse("").toCharArray();
    String peer = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
    String address = org.accessline.channels.webchat.ClientAddress.of(peer, ctx.request().headers().getAll("X-Forwarded-For"), guards.trustedProxies());
    Optional<Duration> locked = guards.throttle().retryAfter(username, address, clock.instant());
    if (locked.isPresent()) {
      tooMany(ctx, locked.get(), "Too many failed sign-ins for this account or from this address.");
      return;
    }
    Optional<AgentAccount> account = Optional.empty();
    try {
      account = directory.find(new AgentId(username));
    } catch (IllegalArgumentException notAUsername) {
      // Answered like any other failed sign-in.
    }
    Optional<AgentAccount> candidate = account;
    guards.checks().submit(address, () -> check(candidate, password)).onComplete(ar -> {
      if (ar.failed() && ar.cause() instanceof PasswordChecks.Busy) {
        tooMany(ctx, Duration.ofSeconds(1), "Too many sign-ins are waiting from this address.");
      } else if (ar.succeeded() && ar.result()) {
        succeeded(ctx, candidate.get(), address);
      } else {
        if (ar.failed()) LOG.warn("password check failed", ar.cause());
        // People type passwords into the name field; a name that is no account is not written down.
        failed(ctx, username, candidate.isPresent() ? username : "(unknown username)", address);
      }
    });
  }

  /** On the check pool: the password against the hash, and a stronger hash stored if it is due. */
  private Boolean check(Optional<AgentAccount> candidate, char[] password) {
    String stored = candidate.map(AgentAccount::passwordHash).orElseGet(() -> Decoy.HASH);
    boolean right = PasswordHasher.verify(password, stored) && candidate.isPresent();
    if (right && PasswordHasher.needsUpgrade(stored)) {
      directory.upgrade(candidate.get().username(), stored, PasswordHasher.hash(password))
          .onFailure(e -> LOG.warn("could not store the stronger password hash for " + candidate.get().username() + "; the old one stays", e));
    }
    java.util.Arrays.fill(password, '\0');
    return right;
  }

  private void succeeded(RoutingContext ctx, AgentAccount account, String address) {
    guards.throttle().succeeded(account.username().value());
    audit(account.username().value(), "sign_in", "from " + address).onComplete(ar -> {
      if (ar.failed()) {
        Problem.send(ctx, 503, "unavailable", "The audit log could not be written, so you were not signed in. Please try again.");
        return;
      }
      Cookie cookie = Cookie.cookie(AgentSessions.COOKIE, sessions.open(account)).setHttpOnly(true).setPath("/")
          .setSameSite(CookieSameSite.STRICT).setMaxAge(sessions.lifetime().toSeconds()).setSecure(secureCookies);
      ctx.response().addCookie(cookie);
      Answers.json(ctx, 200, MeApi.describe(account));
    });
  }

  private void failed(RoutingContext ctx, String username, String shownAs, String address) {
    var locks = guards.throttle().failed(username, address, clock.instant());
    StringBuilder detail = new StringBuilder("from ").append(address);
    locks.forEach(l -> detail.append("; ").append(l.key().startsWith("username ") ? "username " + shownAs : l.key()).append(" locked for ")
        .append(Math.max(1, l.length().toSeconds())).append(" s"));
    audit(shownAs, "sign_in_failed", detail.toString()).onComplete(ar -> {
      if (ar.failed()) LOG.warn("could not audit a failed sign-in for " + shownAs + " " + detail, ar.cause());
      Problem.send(ctx, 401, "bad_credentials", "That username and password do not match an account.");
    });
  }

  public void signOut(RoutingContext ctx) {
    AgentSessions.Session session = StaffAuth.session(ctx);
    sessions.close(ctx.request().getCookie(AgentSessions.COOKIE).getValue());
    AgentAccount account = session.account();
    Future<?> away = sessions.signedInElsewhere(account.username(), session.id()) ? Future.succeededFuture() : stream.setPresence(account.profile(), Presence.AWAY);
    away.eventually(() -> {
      vertx.eventBus().publish(AgentSessions.ENDED, session.id());
      return audit(account.username().value(), "sign_out", "session ended by the agent");
    }).onComplete(ar -> {
      if (ar.failed()) LOG.warn("sign-out of " + account.username() + " was not fully recorded", ar.cause());
      ctx.response().addCookie(Cookie.cookie(AgentSessions.COOKIE, "").setPath("/").setMaxAge(0)).setStatusCode(204).end();
    });
  }

  private Future<Void> audit(String actor, String action, String detail) {
    return store.audit(new AuditEvent(clock.instant(), actor, action, "session", detail));
  }

  private static void tooMany(RoutingContext ctx, Duration wait, String why) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    ctx.response().putHeader("Retry-After", String.valueOf(seconds));
    Problem.send(ctx, 429, "too_many_attempts", why + " Try again in " + seconds + " second" + (seconds == 1 ? "" : "s") + ".");
  }
}
