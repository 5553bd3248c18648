package org.accessline.web.auth;

import io.vertx.core.json.JsonObject;
import org.accessline.gateway.conversation.AgentId;
import java.util.Set;
import org.accessline.gateway.routing.AgentProfile;

/**
 * A staff account as configured. The password is only ever held as a PBKDF2 hash. A supervisor also
 * takes conversations, and is alerted when one escalates.
 */
public record AgentAccount(AgentId username, String displayName, String passwordHash, int capacity, boolean supervisor, Set<String> skills) {
  public AgentAccount(AgentId username, String displayName, String passwordHash, int capacity) {
    this(username, displayName, passwordHash, capacity, false, AgentProfile.DEFAULT_SKILLS);
  }

  public AgentAccount {
    if (username == null) throw new IllegalArgumentException("an agent needs a username");
    if (!PasswordHasher.wellFormed(passwordHash)) {
      throw new IllegalArgumentException("agent " + username + ": passwordHash must be a pbkdf2-sha256 hash (see `hash-password`)");
    }
    if (capacity < 1 || capacity > 50) throw new IllegalArgumentException("agent " + username + ": capacity must be 1-50");
    if (displayName == null || displayName.isBlank()) displayName = username.value();
    skills = skills == null ? AgentProfile.DEFAULT_SKILLS : Set.copyOf(skills);
    for (String skill : skills) {
      if (!skill.matches("[a-z][a-z0-9-]{0,31}")) throw new IllegalArgumentException("agent " + username + ": skills are lower-case words such as tty, relay, es");
    }
  }

  public static AgentAccount fromJson(JsonObject json, int defaultCapacity) {
    String role = json.getString("role", "agent");
    if (!role.equals("agent") && !role.equals("supervisor")) throw new IllegalArgumentException("agent " + json.getString("username") + ": role must be agent or supervisor");
    return new AgentAccount(new AgentId(json.getString("username", "")), json.getString("displayName"), json.getString("passwordHash"),
        json.getInteger("capacity", defaultCapacity), role.equals("supervisor"), skills(json.getJsonArray("skills")));
  }

  private static Set<String> skills(io.vertx.core.json.JsonArray json) {
    if (json == null) return AgentProfile.DEFAULT_SKILLS;
    Set<String> out = new java.util.HashSet<>();
    for (int i = 0; i < json.size(); i++) out.add(json.getString(i));
    return out;
  }

  public JsonObject toJson() {
    return new JsonObject().put("username", username.value()).put("displayName", displayName).put("passwordHash", passwordHash).put("capacity", capacity)
        .put("role", supervisor ? "supervisor" : "agent").put("skills", new io.vertx.core.json.JsonArray(skills.stream().sorted().toList()));
  }

  /** Until accounts carry their own roles and grants, a supervisor may do all but administer. */
  public boolean may(Permission permission) {
    return supervisor && permission != Permission.ADMINISTER;
  }

  public AgentProfile profile() {
    return new AgentProfile(username, displayName, capacity, skills);
  }
}
