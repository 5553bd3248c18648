package org.accessline.web.staff;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.accessline.web.auth.AgentAccount;
import org.accessline.web.auth.AgentSessions;
import org.accessline.web.http.Problem;

/** Lets a request through only with a live staff session cookie; everything else gets 401. */
public final class StaffAuth implements Handler<RoutingContext> {
  static final String ACCOUNT = "accessline.account";
  static final String SESSION = "accessline.session";
  private final AgentSessions sessions;

  public StaffAuth(AgentSessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Optional<AgentSessions.Session> session = Optional.ofNullable(ctx.request().getCookie(AgentSessions.COOKIE)).map(Cookie::getValue).flatMap(sessions::session);
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
