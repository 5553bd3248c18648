package org.accessline.gateway.conversation;

public record AgentId(String value) {
  public AgentId {
    if (value == null || !value.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
      throw new IllegalArgumentException("agent id must be 1-64 lower-case letters, digits, '.', '_' or '-'");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
