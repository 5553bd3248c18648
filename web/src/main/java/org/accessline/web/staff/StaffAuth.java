package org.accessline.web.staff;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.accessline.web.auth.AgentAccount;
import org.accessline.web.auth.AgentDirectory;
import org.accessline.web.auth.AgentSessions;
import org.accessline.web.http.Problem;

/**
 * Lets a request through only with a live staff session cookie whose account can still sign in with
 * the same role and grants; everything else gets 401. The session holds the account as it was at
 * sign-in, so a change an administrator made (on any node) ends it here even before the session
 * itself is removed.
 */
public final class StaffAuth implements Handler<RoutingContext> {
  static final String ACCOUNT = "accessline.account";
  static final String SESSION = "accessline.session";
  private final AgentSessions sessions;
  private final AgentDirectory directory;

  public StaffAuth(AgentSessions sessions, AgentDirectory directory) {
    this.sessions = sessions;
    this.directory = directory;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Optional<String> token = Optional.ofNullable(ctx.request().getCookie(AgentSessions.COOKIE)).map(Cookie::getValue);
    Optional<AgentSessions.Session> session = token.flatMap(sessions::session);
    AgentAccount opened = session.map(AgentSessions.Session::account).orElse(null);
    if (opened != null && directory.find(opened.username()).filter(a -> a.sameAuthority(opened)).isEmpty()) {
      sessions.close(token.get());
      session = Optional.empty();
    }
    if (session.isEmpty()) {
      Problem.send(ctx, 401, "unauthenticated", "Sign in first.");
      return;
    }
    ctx.put(ACCOUNT, session.get().account());
    ctx.put(SESSION, session.get());
    ctx.next();
  }

  public static AgentSessions.Session session(RoutingContext ctx) {
    return ctx.get(SESSION);
  }

  public static AgentAccount account(RoutingContext ctx) {
    return ctx.get(ACCOUNT);
  }
}
