package org.accessline.gateway.followup;

/** Who must do a follow-up: one agent, or whoever works a queue. */
public record Owner(Kind kind, String name) {
  public enum Kind { AGENT, QUEUE }

  public Owner {
    if (kind == null || name == null || name.isBlank() || name.length() > 64) throw new IllegalArgumentException("an owner is an agent or a queue, named in 1-64 characters");
  }

  public static Owner agent(String id) {
    return new Owner(Kind.AGENT, id);
  }

  public static Owner queue(String name) {
    return new Owner(Kind.QUEUE, name);
  }

  /** As stored and on the wire: {@code agent:maria}, {@code queue:general}. */
  public String wire() {
    return (kind == Kind.AGENT ? "agent:" : "queue:") + name;
  }

  public static java.util.Optional<Owner> parse(String wire) {
    if (wire == null) return java.util.Optional.empty();
    try {
      if (wire.startsWith("agent:")) return java.util.Optional.of(agent(wire.substring(6)));
      if (wire.startsWith("queue:")) return java.util.Optional.of(queue(wire.substring(6)));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.empty();
  }
}
