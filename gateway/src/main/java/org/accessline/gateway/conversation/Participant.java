package org.accessline.gateway.conversation;

/** Who caused an entry. For a resident the id is the contact address; for staff it is the agent id. */
public record Participant(Role role, String id, String displayName) {
  public static final Participant SYSTEM = new Participant(Role.SYSTEM, "accessline", "Accessline");

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

  public boolean isStaff() {
    return role == Role.AGENT || role == Role.SUPERVISOR;
  }
}
