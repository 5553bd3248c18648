package org.accessline.web.conversations;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.accessline.gateway.channel.Desk;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.Participant;
import org.accessline.web.auth.AgentAccount;
import java.util.Optional;
import org.accessline.web.config.WorkspaceSettings;
import org.accessline.web.http.Answers;
import org.accessline.web.http.Problem;
import org.accessline.web.http.Validation;
import org.accessline.web.staff.StaffAuth;

/** What an agent says about a conversation: the skills it needs, and the details filed on its record. */
public final class DetailsApi {
  private final Desk stream;
  private final WorkspaceSettings workspace;

  public DetailsApi(Desk stream, WorkspaceSettings workspace) {
    this.stream = stream;
    this.workspace = workspace;
  }

  /** {@code GET /api/categories}: what a record may be filed under, as configured ({@code records.categories}). */
  public void categories(RoutingContext ctx) {
    Answers.json(ctx, 200, new JsonObject().put("categories", new JsonArray(workspace.categories())));
  }

  /** {@code PUT /api/conversations/{id}/skills {"skills":[…]}}: what an agent taking it must have. */
  public void setSkills(RoutingContext ctx) {
    Set<String> skills;
    try {
      skills = Validation.skills(Validation.body(ctx).getValue("skills"));
    } catch (IllegalArgumentException e) {
      Problem.send(ctx, 400, "bad_skills", e.getMessage());
      return;
    }
    stream.setSkills(Validation.conversation(ctx), StaffAuth.account(ctx).profile(), skills)
        .onComplete(ar -> Answers.respond(ctx, ar.map(Answers::posted), 200));
  }

  /** {@code PUT /api/conversations/{id}/details}: category, tags, referral, follow-up and Open311 id for the record. */
  public void fileDetails(RoutingContext ctx) {
    JsonObject body = Validation.body(ctx);
    ConversationEvent.DetailsSet details;
    try {
      List<String> tags = new ArrayList<>();
      Object given = body.getValue("tags");
      if (given != null && !(given instanceof JsonArray)) throw new IllegalArgumentException("\"tags\" must be a list.");
      if (given instanceof JsonArray list) for (Object t : list) tags.add(String.valueOf(t).strip().toLowerCase(Locale.ROOT));
      JsonObject referral = body.getJsonObject("referral", new JsonObject());
      JsonObject followUp = body.getJsonObject("followUp", new JsonObject());
      Optional<String> category = Validation.text(body, "category").filter(c -> !c.isBlank());
      if (category.isPresent() && workspace.category(category.get()).isEmpty()) {
        throw new IllegalArgumentException("\"category\" must be one of the center's categories (GET /api/categories).");
      }
      details = new ConversationEvent.DetailsSet(category.flatMap(workspace::category), tags,
          Validation.text(referral, "agency"), Validation.text(referral, "service"),
          Validation.text(followUp, "due").map(LocalDate::parse), Validation.text(followUp, "owner"), Validation.text(body, "open311Id"));
    } catch (IllegalArgumentException | ClassCastException | DateTimeException e) {
      Problem.send(ctx, 400, "bad_details", e instanceof DateTimeException ? "\"followUp.due\" must be a date such as 2026-12-01."
          : e instanceof ClassCastException ? "\"referral\" and \"followUp\" are objects." : e.getMessage());
      return;
    }
    AgentAccount account = StaffAuth.account(ctx);
    Participant staff = account.supervisor() ? Participant.supervisor(account.username(), account.displayName()) : account.profile().participant();
    stream.fileDetails(Validation.conversation(ctx), staff, details).onComplete(ar -> Answers.respond(ctx, ar.map(Answers::posted), 200));
  }
}
