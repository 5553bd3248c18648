package org.accessline.gateway.store;

import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A staff account as the store keeps it. The store knows one role by name, {@value #ADMIN}, because
 * it guards one rule itself: an enabled administrator always remains. What roles and grants allow is
 * decided on the web side.
 *
 * @param version raised by one on every change, so an edit made on a stale copy is refused
 */
public record StaffAccount(String username, String displayName, String passwordHash, String role, Set<String> grants, int capacity,
    Set<String> skills, boolean disabled, long version, Instant createdAt, String createdBy, Instant changedAt, String changedBy) {
  public static final String ADMIN = "admin";
  private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  public StaffAccount {
    if (username == null || username.isBlank() || username.length() > 64) throw new IllegalArgumentException("a staff account needs a username of 1-64 characters");
    if (displayName == null || displayName.isBlank() || displayName.length() > 200) throw new IllegalArgumentException("a display name is 1-200 characters");
    if (passwordHash == null || passwordHash.isBlank()) throw new IllegalArgumentException("a staff account needs a password hash");
    if (role == null || !WORD.matcher(role).matches()) throw new IllegalArgumentException("a role is a lower-case word");
    grants = Set.copyOf(grants);
    skills = Set.copyOf(skills);
    for (String w : grants) if (!WORD.matcher(w).matches()) throw new IllegalArgumentException("grants are lower-case words");
    for (String w : skills) if (!WORD.matcher(w).matches()) throw new IllegalArgumentException("skills are lower-case words");
    if (createdAt == null || changedAt == null || createdBy == null || changedBy == null) throw new IllegalArgumentException("who made and changed an account, and when, are kept");
  }

  /** Whether this account counts toward the administrators that must remain. */
  public boolean enabledAdmin() {
    return ADMIN.equals(role) && !disabled;
  }

  /** The same account as changed by {@code by} at {@code at}, to be saved over version {@link #version()}. */
  public StaffAccount changed(String displayName, String passwordHash, String role, Set<String> grants, int capacity, Set<String> skills, boolean disabled,
      Instant at, String by) {
    return new StaffAccount(username, displayName, passwordHash, role, grants, capacity, skills, disabled, version, createdAt, createdBy, at, by);
  }
}
