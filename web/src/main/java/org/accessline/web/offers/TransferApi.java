package org.accessline.web.offers;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.channel.Desk;
import org.accessline.web.auth.AgentAccount;
import org.accessline.web.auth.AgentDirectory;
import org.accessline.web.http.Answers;
import org.accessline.web.http.Problem;
import org.accessline.web.http.Validation;
import org.accessline.web.staff.StaffAuth;

/**
 * An agent passes a conversation on: to a colleague at once, or warm (offered to the colleague, the
 * first agent keeping it until they accept), or back to a queue for a skill.
 */
public final class TransferApi {
  private final Desk stream;
  private final AgentDirectory directory;

  public TransferApi(Desk stream, AgentDirectory directory) {
    this.stream = stream;
    this.directory = directory;
  }

  /** {@code POST /api/conversations/{id}/transfer {"agent"? | "skills"?, "note", "warm"?}}. */
  public void transfer(RoutingContext ctx) {
    JsonObject body = Validation.body(ctx);
    String note = body.getValue("note") instanceof String s ? s.strip() : "";
    if (note.length() > 1000) {
      Problem.send(ctx, 400, "bad_note", "A transfer note is at most 1000 characters.");
      return;
    }
    AgentAccount from = StaffAuth.account(ctx);
    Optional<String> agent = Validation.text(body, "agent");
    if (agent.isPresent()) {
      Optional<AgentAccount> to = find(agent.get());
      if (to.isEmpty()) {
        Problem.send(ctx, 404, "unknown_agent", "No agent has that username.");
        return;
      }
      boolean warm = Boolean.TRUE.equals(body.getValue("warm"));
      stream.transferToAgent(Validation.conversation(ctx), from.profile(), to.get().profile(), note, warm)
          .onComplete(ar -> Answers.respond(ctx, ar.map(v -> new JsonObject().put("transferred", !warm).put("offered", warm)), warm ? 202 : 200));
      return;
    }
    Optional<Set<String>> skills;
    try {
      skills = body.containsKey("skills") ? Optional.of(Validation.skills(body.getValue("skills"))) : Optional.empty();
    } catch (IllegalArgumentException e) {
      Problem.send(ctx, 400, "bad_skills", e.getMessage());
      return;
    }
    Optional<String> queue = Validation.text(body, "queue");
    stream.transferToQueue(Validation.conversation(ctx), from.profile(), skills, note, queue).onComplete(ar -> {
      if (ar.failed() && ar.cause() instanceof IllegalArgumentException) Problem.send(ctx, 404, "unknown_queue", "No queue has that name.");
      else Answers.respond(ctx, ar.map(Answers::posted), 200);
    });
  }

  /** {@code GET /api/agents}: colleagues to pass a conversation to, with their skills. */
  public void colleagues(RoutingContext ctx) {
    AgentId me = StaffAuth.account(ctx).username();
    JsonArray out = new JsonArray();
    directory.all().stream().filter(a -> !a.username().equals(me)).forEach(a -> out.add(new JsonObject().put("username", a.username().value())
        .put("displayName", a.displayName()).put("skills", new JsonArray(a.skills().stream().sorted().toList()))));
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(new JsonObject().put("agents", out).encode());
  }

  private Optional<AgentAccount> find(String username) {
    try {
      return directory.find(new AgentId(username));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
