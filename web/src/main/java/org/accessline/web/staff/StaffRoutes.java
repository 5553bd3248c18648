package org.accessline.web.staff;

import org.accessline.web.residents.ConversationViews;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import org.accessline.gateway.channel.Desk;
import org.accessline.web.auth.AgentSessions;
import org.accessline.web.http.SocketKeepAlive;
import org.accessline.web.http.Validation;

/** Signing in and out, the signed-in staff member and their presence, and the console's socket. */
public final class StaffRoutes {
  private StaffRoutes() {}

  /** @param idle the HTTP idle timeout, which the console's socket is kept inside of */
  public static void mount(Router router, Vertx vertx, Desk desk, AgentSessions sessions, StaffAuth staff, SignInApi signIns, BodyHandler body,
      Duration idle, ConversationViews views, FloorWatch floor, DashboardWatch dashboard) {
    MeApi me = new MeApi(desk);
    router.get("/agent/socket").handler(Validation.sameOrigin()).handler(staff).handler(ctx -> {
      var session = StaffAuth.session(ctx);
      ctx.request().toWebSocket().onSuccess(ws -> {
        SocketKeepAlive.keep(vertx, ws, idle);
        boolean asDashboard = "dashboard".equals(ctx.request().getParam("view"));
        new AgentConsoleSession(vertx, desk, sessions, session, ws, views, floor, java.util.Optional.of(dashboard).filter(d -> asDashboard)).start();
      });
    });
    router.post("/api/session").handler(body).handler(Validation.jsonObjectBody()).handler(signIns::signIn);
    router.delete("/api/session").handler(staff).handler(signIns::signOut);
    router.get("/api/me").handler(staff).handler(me::me);
    router.put("/api/presence").handler(body).handler(staff).handler(Validation.jsonObjectBody()).handler(me::setPresence);
  }
}
