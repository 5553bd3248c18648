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
  private final java.util.function.Supplier<WorkspaceSettings> workspace;

  /** @param workspace the categories as they are now (an administrator may change them at any time) */
  public DetailsApi(Desk stream, java.util.function.Supplier<WorkspaceSettings> workspace) {
    this.stream = stream;
    this.workspace = workspace;
  }

  /** {@code GET /api/categories}: what a record may be filed under, as the administrators keep them (seeded from {@code records.categories}). */
  public void categories(RoutingContext ctx) {
    Answers.json(ctx, 200, new JsonObject().put("categories", new JsonArray(workspace.get().categories())));
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

  private static final java.util.Set<String> DETAIL_FIELDS = java.util.Set.of("category", "tags", "referral", "followUp", "open311Id");
  private static final String PARSED = "accessline.details";

  /** Reads and checks the details before anything else happens: bad input is refused and nothing is read or written. */
  public void checkDetails(RoutingContext ctx) {
    JsonObject body = Validation.body(ctx);
    try {
      for (String field : body.fieldNames()) {
        if (!DETAIL_FIELDS.contains(field)) throw new IllegalArgumentException("Unknown field \"" + field + "\"; the details are " + DETAIL_FIELDS + ".");
      }
      List<String> tags = new ArrayList<>();
      Object given = body.getValue("tags");
      if (given != null && !(given instanceof JsonArray)) throw new IllegalArgumentException("\"tags\" must be a list.");
      if (given instanceof JsonArray list) {
        for (Object t : list) {
          if (!(t instanceof String tag)) throw new IllegalArgumentException("Each tag must be text.");
          tags.add(tag.strip().toLowerCase(Locale.ROOT));
        }
      }
      JsonObject referral = body.getJsonObject("referral", new JsonObject());
      JsonObject followUp = body.getJsonObject("followUp", new JsonObject());
      Optional<String> category = strictText(body, "category").filter(c -> !c.isBlank());
      if (category.isPresent() && workspace.get().category(category.get()).isEmpty()) {
        throw new IllegalArgumentException("\"category\" must be one of the center's categories (GET /api/categories).");
      }
      ctx.put(PARSED, new ConversationEvent.DetailsSet(category.flatMap(workspace.get()::category), tags,
          strictText(referral, "agency"), strictText(referral, "service"),
          strictText(followUp, "due").map(LocalDate::parse), strictText(followUp, "owner"), strictText(body, "open311Id")));
    } catch (IllegalArgumentException | ClassCastException | DateTimeException e) {
      Problem.send(ctx, 400, "bad_details", e instanceof DateTimeException ? "\"followUp.due\" must be a date such as 2026-12-01."
          : e instanceof ClassCastException ? "\"referral\" and \"followUp\" are objects." : e.getMessage());
      return;
    }
    ctx.next();
  }

  /** A text field, absent or null; any other type is refused rather than read as absent. */
  private static Optional<String> strictText(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) return Optional.empty();
    if (!(value instanceof String text)) throw new IllegalArgumentException("\"" + field + "\" must be text.");
    return Optional.of(text);
  }

  /** {@code PUT /api/conversations/{id}/details}: category, tags, referral, follow-up and Open311 id for the record. */
  public void fileDetails(RoutingContext ctx) {
    ConversationEvent.DetailsSet details = ctx.get(PARSED);
    AgentAccount account = StaffAuth.account(ctx);
    Participant staff = account.supervisor() ? Participant.supervisor(account.username(), account.displayName()) : account.profile().participant();
    stream.fileDetails(Validation.conversation(ctx), staff, details).onComplete(ar -> Answers.respond(ctx, ar.map(Answers::posted), 200));
  }
}
