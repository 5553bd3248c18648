package org.accessline.web.supervision;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import org.accessline.gateway.channel.Desk;
import org.accessline.gateway.routing.RoutingSettings;
import org.accessline.web.auth.AgentDirectory;
import org.accessline.web.http.Validation;
import org.accessline.web.residents.ConversationViews;
import org.accessline.web.staff.StaffAuth;

/** Escalations (an agent hands up, a supervisor takes), the floor, and reassigning, whispering and barging in. */
public final class SupervisionRoutes {
  private SupervisionRoutes() {}

  public static void mount(Router router, StaffAuth staff, BodyHandler body, Desk desk, AgentDirectory directory, int maxMessageBytes,
      RoutingSettings routing, Clock clock, ConversationViews views) {
    EscalationApi escalations = new EscalationApi(desk, views);
    SupervisorApi supervisors = new SupervisorApi(desk, directory, maxMessageBytes, routing, clock, views);
    var supervisorsOnly = EscalationApi.supervisorsOnly();
    router.post("/api/conversations/:id/escalate").handler(body).handler(staff).handler(Validation.conversationId()).handler(Validation.jsonObjectBody()).handler(escalations::escalate);
    router.get("/api/escalations").handler(staff).handler(supervisorsOnly).handler(escalations::queue);
    router.post("/api/conversations/:id/take").handler(staff).handler(supervisorsOnly).handler(Validation.conversationId()).handler(escalations::take);
    router.get("/api/supervisor/floor").handler(staff).handler(supervisorsOnly).handler(supervisors::floor);
    router.post("/api/conversations/:id/reassign").handler(body).handler(staff).handler(supervisorsOnly).handler(Validation.conversationId()).handler(Validation.jsonObjectBody()).handler(supervisors::reassign);
    router.post("/api/conversations/:id/whisper").handler(body).handler(staff).handler(supervisorsOnly).handler(Validation.conversationId()).handler(Validation.jsonObjectBody()).handler(supervisors::whisper);
    router.post("/api/conversations/:id/barge").handler(body).handler(staff).handler(supervisorsOnly).handler(Validation.conversationId()).handler(Validation.jsonObjectBody()).handler(supervisors::bargeIn);
  }
}
