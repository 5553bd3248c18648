package org.accessline.web.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.channel.Desk;
import org.accessline.web.auth.AgentAccount;
import org.accessline.web.auth.AgentDirectory;

/** An agent passes a conversation on (to a colleague, or to the queue for a skill) and says what it needs. */
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
          .onComplete(ar -> AgentApi.respond(ctx, ar.map(v -> new JsonObject().put("transferred", !warm).put("offered", warm)), warm ? 202 : 200));
      return;
    }
    Optional<Set<String>> skills;
    try {
      skills = body.containsKey("skills") ? Optional.of(skills(body.getValue("skills"))) : Optional.empty();
    } catch (IllegalArgumentException e) {
      Problem.send(ctx, 400, "bad_skills", e.getMessage());
      return;
    }
    Optional<String> queue = Validation.text(body, "queue");
    stream.transferToQueue(Validation.conversation(ctx), from.profile(), skills, note, queue).onComplete(ar -> {
      if (ar.failed() && ar.cause() instanceof IllegalArgumentException) Problem.send(ctx, 404, "unknown_queue", "No queue has that name.");
      else AgentApi.respond(ctx, ar.map(AgentApi::posted), 200);
    });
  }

  /** {@code PUT /api/conversations/{id}/skills {"skills":[…]}}: what an agent taking it must have. */
  public void setSkills(RoutingContext ctx) {
    Set<String> skills;
    try {
      skills = skills(Validation.body(ctx).getValue("skills"));
    } catch (IllegalArgumentException e) {
      Problem.send(ctx, 400, "bad_skills", e.getMessage());
      return;
    }
    stream.setSkills(Validation.conversation(ctx), StaffAuth.account(ctx).profile(), skills)
        .onComplete(ar -> AgentApi.respond(ctx, ar.map(AgentApi::posted), 200));
  }

  /** {@code PUT /api/conversations/{id}/details}: category, tags, referral, follow-up and Open311 id for the record. */
  public void fileDetails(RoutingContext ctx) {
    JsonObject body = Validation.body(ctx);
    org.accessline.gateway.conversation.ConversationEvent.DetailsSet details;
    try {
      java.util.List<String> tags = new java.util.ArrayList<>();
      Object given = body.getValue("tags");
      if (given != null && !(given instanceof JsonArray)) throw new IllegalArgumentException("\"tags\" must be a list.");
      if (given instanceof JsonArray list) for (Object t : list) tags.add(String.valueOf(t).strip().toLowerCase(java.util.Locale.ROOT));
      JsonObject referral = body.getJsonObject("referral", new JsonObject());
      JsonObject followUp = body.getJsonObject("followUp", new JsonObject());
      details = new org.accessline.gateway.conversation.ConversationEvent.DetailsSet(Validation.text(body, "category"), tags,
          Validation.text(referral, "agency"), Validation.text(referral, "service"),
          Validation.text(followUp, "due").map(java.time.LocalDate::parse), Validation.text(followUp, "owner"), Validation.text(body, "open311Id"));
    } catch (IllegalArgumentException | ClassCastException | java.time.DateTimeException e) {
      Problem.send(ctx, 400, "bad_details", e instanceof java.time.DateTimeException ? "\"followUp.due\" must be a date such as 2026-12-01."
          : e instanceof ClassCastException ? "\"referral\" and \"followUp\" are objects." : e.getMessage());
      return;
    }
    AgentAccount account = StaffAuth.account(ctx);
    var staff = account.supervisor() ? org.accessline.gateway.conversation.Participant.supervisor(account.username(), account.displayName())
        : account.profile().participant();
    stream.fileDetails(Validation.conversation(ctx), staff, details).onComplete(ar -> AgentApi.respond(ctx, ar.map(AgentApi::posted), 200));
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

  private static Set<String> skills(Object value) {
    if (!(value instanceof JsonArray array) || array.size() > 16) throw new IllegalArgumentException("\"skills\" must be a list of at most 16 words.");
    Set<String> out = new HashSet<>();
    for (Object o : array) {
      if (!(o instanceof String s) || !s.matches("[a-z][a-z0-9-]{0,31}")) throw new IllegalArgumentException("Each skill is a lower-case word such as es or billing.");
      out.add(s);
    }
    return out;
  }
}
