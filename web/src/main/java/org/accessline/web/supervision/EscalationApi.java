package org.accessline.web.supervision;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.accessline.gateway.channel.Desk;
import org.accessline.web.http.Answers;
import org.accessline.web.residents.ConversationViews;
import org.accessline.web.http.Problem;
import org.accessline.web.http.Validation;
import org.accessline.web.staff.StaffAuth;

/** An agent hands a conversation up; supervisors see what waits for them and take it. */
public final class EscalationApi {
  private final Desk stream;
  private final ConversationViews views;

  public EscalationApi(Desk stream, ConversationViews views) {
    this.stream = stream;
    this.views = views;
  }

  /** Lets only supervisors through; runs after {@link StaffAuth}. */
  public static Handler<RoutingContext> supervisorsOnly() {
    return ctx -> {
      if (StaffAuth.account(ctx).supervisor()) ctx.next();
      else Problem.send(ctx, 403, "supervisors_only", "Only a supervisor can do this.");
    };
  }

  /** {@code POST /api/conversations/{id}/escalate {"reason"}}: the assigned agent asks for a supervisor. */
  public void escalate(RoutingContext ctx) {
    Optional<String> reason = Validation.text(Validation.body(ctx), "reason").map(String::strip).filter(r -> !r.isEmpty() && r.length() <= 500);
    if (reason.isEmpty()) {
      Problem.send(ctx, 400, "bad_reason", "\"reason\" must be 1-500 characters: tell the supervisor why.");
      return;
    }
    stream.askSupervisor(Validation.conversation(ctx), StaffAuth.account(ctx).profile(), reason.get())
        .onComplete(ar -> Answers.respond(ctx, ar.map(Answers::posted), 200));
  }

  /** {@code GET /api/escalations}: what waits for a supervisor, longest first. */
  public void queue(RoutingContext ctx) {
    stream.supervisorQueue().onComplete(ar -> Answers.respond(ctx, ar.map(list -> {
      JsonArray out = new JsonArray();
      list.forEach(s -> out.add(views.json(s).put("agent", s.assignedAgent().map(a -> a.value()).orElse(null)).put("opened", s.opened().toString())));
      return new JsonObject().put("escalations", out);
    }), 200));
  }

  /** {@code POST /api/conversations/{id}/take}: a supervisor takes an escalated conversation from its agent. */
  public void take(RoutingContext ctx) {
    stream.takeEscalation(Validation.conversation(ctx), StaffAuth.account(ctx).profile())
        .onComplete(ar -> Answers.respond(ctx, ar.map(Answers::posted), 200));
  }
}
