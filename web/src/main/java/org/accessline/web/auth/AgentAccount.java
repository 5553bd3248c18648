package org.accessline.web.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.routing.AgentProfile;

/**
 * A staff account that may sign in. The password is only ever held as a PBKDF2 hash. A supervisor
 * also takes conversations, and is alerted when one escalates; an administrator also supervises.
 */
public record AgentAccount(AgentId username, String displayName, String passwordHash, int capacity, Role role, Set<Grant> grants, Set<String> skills) {
  public AgentAccount(AgentId username, String displayName, String passwordHash, int capacity) {
    this(username, displayName, passwordHash, capacity, false, AgentProfile.DEFAULT_SKILLS);
  }

  public AgentAccount(AgentId username, String displayName, String passwordHash, int capacity, boolean supervisor, Set<String> skills) {
    this(username, displayName, passwordHash, capacity, supervisor ? Role.SUPERVISOR : Role.AGENT, Set.of(), skills);
  }

  public AgentAccount {
    if (username == null) throw new IllegalArgumentException("an agent needs a username");
    if (!PasswordHasher.wellFormed(passwordHash)) {
      throw new IllegalArgumentException("agent " + username + ": passwordHash must be a pbkdf2-sha256 hash (see `hash-password`)");
    }
    if (capacity < 1 || capacity > 50) throw new IllegalArgumentException("agent " + username + ": capacity must be 1-50");
    if (displayName == null || displayName.isBlank()) displayName = username.value();
    if (displayName.length() > 200) throw new IllegalArgumentException("agent " + username + ": displayName is at most 200 characters");
    if (role == null) role = Role.AGENT;
    grants = grants == null || grants.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(grants));
    skills = skills == null ? AgentProfile.DEFAULT_SKILLS : Set.copyOf(skills);
    for (String skill : skills) {
      if (!skill.matches("[a-z][a-z0-9-]{0,31}")) throw new IllegalArgumentException("agent " + username + ": skills are lower-case words such as tty, relay, es");
    }
  }

  public static AgentAccount fromJson(JsonObject json, int defaultCapacity) {
    String username = json.getString("username");
    Role role = Role.parse(json.getString("role", "agent"))
        .orElseThrow(() -> new IllegalArgumentException("agent " + username + ": role must be agent, supervisor or admin"));
    return new AgentAccount(new AgentId(json.getString("username", "")), json.getString("displayName"), json.getString("passwordHash"),
        json.getInteger("capacity", defaultCapacity), role, grants(username, json.getJsonArray("grants")), skills(json.getJsonArray("skills")));
  }

  private static Set<Grant> grants(String username, JsonArray json) {
    Set<Grant> out = new HashSet<>();
    if (json == null) return out;
    for (int i = 0; i < json.size(); i++) {
      String given = json.getString(i);
      out.add(Grant.parse(given).orElseThrow(() -> new IllegalArgumentException("agent " + username + ": grants are directory-editor or quality-reviewer")));
    }
    return out;
  }

  private static Set<String> skills(JsonArray json) {
    if (json == null) return AgentProfile.DEFAULT_SKILLS;
    Set<String> out = new HashSet<>();
    for (int i = 0; i < json.size(); i++) out.add(json.getString(i));
    return out;
  }

  /** The whole account, hash included: for the server's own use (cluster sessions, files), never for a response. */
  public JsonObject toJson() {
    return new JsonObject().put("username", username.value()).put("displayName", displayName).put("passwordHash", passwordHash).put("capacity", capacity)
        .put("role", role.wireName()).put("grants", new JsonArray(grants.stream().map(Grant::wireName).sorted().toList()))
        .put("skills", new JsonArray(skills.stream().sorted().toList()));
  }

  /** Whether the account supervises (a supervisor or an administrator); features should ask {@link #may} instead. */
  public boolean supervisor() {
    return role.atLeast(Role.SUPERVISOR);
  }

  /**
   * The one question features ask. Supervisors may do all but administer, as before roles were
   * stored; a grant gives one permission to an account whose role does not include it.
   */
  public boolean may(Permission permission) {
    return switch (permission) {
      case ADMINISTER -> role == Role.ADMIN;
      case SUPERVISE -> supervisor();
      case EDIT_DIRECTORY, REVIEW_QUALITY -> supervisor() || grants.stream().anyMatch(g -> g.permission() == permission);
    };
  }

  /** Whether what this account may do is what {@code other} may do: a session opened as one is still good for the other. */
  public boolean sameAuthority(AgentAccount other) {
    return username.equals(other.username()) && role == other.role() && grants.equals(other.grants());
  }

  public AgentProfile profile() {
    return new AgentProfile(username, displayName, capacity, skills);
  }
}
