package org.accessline.gateway.conversation;

/** Who caused an entry. For a resident the id is the contact address; for staff it is the agent id. */
public record Participant(Role role, String id, String displayName) {
  public static final Participant SYSTEM = new Participant(Role.SYSTEM, "accessline", "Accessline");
  /** Speaks for the center as a whole: its words go to the resident over their channel, like an agent's. */
  public static final Participant CENTER = new Participant(Role.SYSTEM, "center", "The center");

  public Participant {
    if (role == null) throw new IllegalArgumentException("participant needs a role");
    if (id == null || id.isBlank()) throw new IllegalArgumentException("participant needs an id");
    if (displayName == null || displayName.isBlank()) displayName = id;
  }

  public static Participant resident(Contact contact) {
    return new Participant(Role.RESIDENT, contact.address(), "Resident");
  }

  public static Participant agent(AgentId id, String displayName) {
    return new Participant(Role.AGENT, id.value(), displayName);
  }

  public static Participant supervisor(AgentId id, String displayName) {
    return new Participant(Role.SUPERVISOR, id.value(), displayName);
  }

  /** Whether the stream must carry this participant's messages to the resident. */
  public boolean speaksToResident() {
    return isStaff() || equals(CENTER);
  }

  public boolean isStaff() {
    return role == Role.AGENT || role == Role.SUPERVISOR;
  }
}
