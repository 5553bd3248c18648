package org.accessline.web.auth;

import io.vertx.core.json.JsonObject;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.routing.AgentProfile;

/**
 * A staff account as configured. The password is only ever held as a PBKDF2 hash. A supervisor also
 * takes conversations, and is alerted when one escalates.
 */
public record AgentAccount(AgentId username, String displayName, String passwordHash, int capacity, boolean supervisor) {
  public AgentAccount(AgentId username, String displayName, String passwordHash, int capacity) {
    this(username, displayName, passwordHash, capacity, false);
  }

  public AgentAccount {
    if (username == null) throw new IllegalArgumentException("an agent needs a username");
    if (!PasswordHasher.wellFormed(passwordHash)) {
      throw new IllegalArgumentException("agent " + username + ": passwordHash must be a pbkdf2-sha256 hash (see `hash-password`)");
    }
    if (capacity < 1 || capacity > 50) throw new IllegalArgumentException("agent " + username + ": capacity must be 1-50");
    if (displayName == null || displayName.isBlank()) displayName = username.value();
  }

  public static AgentAccount fromJson(JsonObject json, int defaultCapacity) {
    String role = json.getString("role", "agent");
    if (!role.equals("agent") && !role.equals("supervisor")) throw new IllegalArgumentException("agent " + json.getString("username") + ": role must be agent or supervisor");
    return new AgentAccount(new AgentId(json.getString("username", "")), json.getString("displayName"), json.getString("passwordHash"),
        json.getInteger("capacity", defaultCapacity), role.equals("supervisor"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("username", username.value()).put("displayName", displayName).put("passwordHash", passwordHash).put("capacity", capacity)
        .put("role", supervisor ? "supervisor" : "agent");
  }

  public AgentProfile profile() {
    return new AgentProfile(username, displayName, capacity);
  }
}
