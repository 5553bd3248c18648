package org.accessline.web.staff;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.accessline.gateway.channel.Desk;
import org.accessline.gateway.routing.Presence;
import org.accessline.web.auth.AgentAccount;
import org.accessline.web.http.Answers;
import org.accessline.web.http.Problem;
import org.accessline.web.http.Validation;

/** The signed-in staff member: who they are, and whether they are available for conversations. */
public final class MeApi {
  private final Desk stream;

  public MeApi(Desk stream) {
    this.stream = stream;
  }

  /** {@code GET /api/me}. */
  public void me(RoutingContext ctx) {
    AgentAccount account = StaffAuth.account(ctx);
    stream.presence(account.username()).onComplete(ar -> Answers.json(ctx, 200, describe(account).put("presence", ar.succeeded() ? ar.result().wireName() : "away")));
  }

  /** {@code PUT /api/presence {"presence"}}. */
  public void setPresence(RoutingContext ctx) {
    Optional<Presence> presence = Validation.text(Validation.body(ctx), "presence").flatMap(Presence::parse);
    if (presence.isEmpty()) {
      Problem.send(ctx, 400, "bad_presence", "\"presence\" must be \"available\" or \"away\".");
      return;
    }
    stream.setPresence(StaffAuth.account(ctx).profile(), presence.get())
        .onComplete(ar -> Answers.respond(ctx, ar.map(p -> new JsonObject().put("presence", p.wireName())), 200));
  }

  /**
   * {@code role} stays "agent" or "supervisor" (an administrator supervises too), as the pages read
   * it; {@code accountRole} is the stored role, and {@code permissions} what the account may do.
   */
  static JsonObject describe(AgentAccount account) {
    return new JsonObject().put("username", account.username().value()).put("displayName", account.displayName()).put("capacity", account.capacity())
        .put("role", account.supervisor() ? "supervisor" : "agent").put("accountRole", account.role().wireName())
        .put("permissions", new io.vertx.core.json.JsonArray(java.util.Arrays.stream(org.accessline.web.auth.Permission.values()).filter(account::may)
            .map(p -> p.name().toLowerCase(java.util.Locale.ROOT)).toList()));
  }
}
