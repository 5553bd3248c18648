package org.accessline.web.auth;

import java.util.Arrays;
import java.util.Optional;

/** A staff account's role. Each includes the one before it: a supervisor also takes conversations, and an administrator also supervises. */
public enum Role {
  AGENT("agent"),
  SUPERVISOR("supervisor"),
  ADMIN("admin");

  private final String wireName;

  Role(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public boolean atLeast(Role other) {
    return compareTo(other) >= 0;
  }

  public static Optional<Role> parse(String given) {
    return Arrays.stream(values()).filter(r -> r.wireName.equals(given)).findFirst();
  }
}
