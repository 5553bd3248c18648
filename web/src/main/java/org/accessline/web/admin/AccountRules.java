package org.accessline.web.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.accessline.web.auth.AgentAccount;
import org.accessline.web.auth.Grant;
import org.accessline.web.auth.Role;
import org.accessline.web.http.Validation;

/** What an administrator may ask of an account, read from a request body and decided without a server. */
public final class AccountRules {
  static final Set<String> CREATE_FIELDS = Set.of("username", "displayName", "role", "grants", "capacity", "skills");
  static final Set<String> EDIT_FIELDS = Set.of("displayName", "role", "grants", "capacity", "skills", "disabled", "version");
  private static final String USERNAME = "[a-z][a-z0-9._-]{0,63}";

  private AccountRules() {}

  /** The account's settings an administrator gives, whole. */
  public record Settings(String displayName, Role role, Set<Grant> grants, int capacity, Set<String> skills, boolean disabled) {}

  /** A new account. */
  public record Creation(String username, Settings settings) {}

  /** A change to an existing account, made on the version the administrator saw. */
  public record Edit(Settings settings, long version) {}

  /** Why a request is refused: the status, the problem's code and its message. */
  public record Refusal(int status, String code, String message) {}

  /** @throws IllegalArgumentException saying what is wrong, for a 400 answer */
  public static Creation creation(JsonObject body, int defaultCapacity) {
    unknownFields(body, CREATE_FIELDS);
    String username = Validation.text(body, "username").orElse("");
    if (!username.matches(USERNAME)) {
      throw new IllegalArgumentException("\"username\" must be 1-64 lower-case letters, digits, '.', '_' or '-', starting with a letter.");
    }
    JsonObject settings = body.copy().put("disabled", false);
    if (!settings.containsKey("capacity")) settings.put("capacity", defaultCapacity);
    if (!settings.containsKey("grants")) settings.put("grants", new JsonArray());
    if (!settings.containsKey("skills")) settings.put("skills", new JsonArray());
    if (!settings.containsKey("displayName")) settings.put("displayName", username);
    return new Creation(username, settings(settings));
  }

  /** @throws IllegalArgumentException saying what is wrong, for a 400 answer */
  public static Edit edit(JsonObject body) {
    unknownFields(body, EDIT_FIELDS);
    if (!(body.getValue("version") instanceof Number n) || n.longValue() < 1) throw new IllegalArgumentException("\"version\" must be the version you edited.");
    return new Edit(settings(body), n.longValue());
  }

  private static Settings settings(JsonObject body) {
    String displayName = Validation.text(body, "displayName").map(String::strip).orElse("");
    if (displayName.isEmpty() || displayName.length() > 200) throw new IllegalArgumentException("\"displayName\" must be 1-200 characters.");
    Role role = Validation.text(body, "role").flatMap(Role::parse)
        .orElseThrow(() -> new IllegalArgumentException("\"role\" must be \"agent\", \"supervisor\" or \"admin\"."));
    if (!(body.getValue("grants") instanceof JsonArray given) || given.size() > Grant.values().length) {
      throw new IllegalArgumentException("\"grants\" must be a list of \"directory-editor\" and \"quality-reviewer\".");
    }
    Set<Grant> grants = EnumSet.noneOf(Grant.class);
    for (Object g : given) {
      grants.add((g instanceof String s ? Grant.parse(s) : Optional.<Grant>empty())
          .orElseThrow(() -> new IllegalArgumentException("\"grants\" must be a list of \"directory-editor\" and \"quality-reviewer\".")));
    }
    if (!(body.getValue("capacity") instanceof Integer capacity) || capacity < 1 || capacity > 50) {
      throw new IllegalArgumentException("\"capacity\" must be a whole number 1-50.");
    }
    Set<String> skills = Validation.skills(body.getValue("skills"));
    if (!(body.getValue("disabled") instanceof Boolean disabled)) throw new IllegalArgumentException("\"disabled\" must be true or false.");
    return new Settings(displayName, role, grants, capacity, skills, disabled);
  }

  private static void unknownFields(JsonObject body, Set<String> known) {
    for (String field : body.fieldNames()) {
      if (!known.contains(field)) throw new IllegalArgumentException("Unknown field \"" + field + "\"; nothing was changed.");
    }
  }

  /**
   * Whether {@code actor} may give {@code target} these settings. The route lets only ADMINISTER
   * through; this keeps an administrator from locking themselves out. That an enabled
   * administrator remains is kept by the store, which sees every change at once.
   */
  public static Optional<Refusal> refuse(AgentAccount actor, String target, Settings settings) {
    if (!actor.username().value().equals(target)) return Optional.empty();
    if (settings.disabled()) return Optional.of(new Refusal(409, "own_account", "You cannot disable your own account; ask another administrator."));
    if (settings.role() != Role.ADMIN) {
      return Optional.of(new Refusal(409, "own_account", "You cannot take the admin role from your own account; ask another administrator."));
    }
    return Optional.empty();
  }

  /** Whether the change ends the account's sessions: anything that changes what it may do, or whether it may sign in at all. */
  public static boolean endsSessions(AgentAccount before, boolean wasDisabled, Settings after) {
    return after.disabled() && !wasDisabled || before.role() != after.role() || !before.grants().equals(after.grants());
  }
}
