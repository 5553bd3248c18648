package org.accessline.gateway.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A reply an agent can insert with a short trigger word: shared by the center (kept by supervisors)
 * or personal to one agent. The text may hold placeholders that are filled for each conversation.
 */
public record CannedReply(String id, Scope scope, Optional<String> owner, String title, String shortcut, String text, Optional<String> ttyText,
    Instant updatedAt, String updatedBy) {

  public enum Scope {
    SHARED, PERSONAL;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Scope> parse(String name) {
      for (Scope s : values()) if (s.wireName().equals(name)) return Optional.of(s);
      return Optional.empty();
    }
  }

  public CannedReply {
    if (id == null || id.isBlank() || scope == null || title == null || shortcut == null || text == null || updatedAt == null || updatedBy == null) {
      throw new IllegalArgumentException("a canned reply needs an id, scope, title, shortcut, text and who changed it when");
    }
    if ((scope == Scope.PERSONAL) != owner.isPresent()) throw new IllegalArgumentException("a personal canned reply has an owner, a shared one none");
    ttyText = ttyText.filter(t -> !t.isBlank());
  }

  /** Whether the agent sees it: every shared reply, and their own personal ones. */
  public boolean visibleTo(String agent) {
    return scope == Scope.SHARED || owner.get().equals(agent);
  }
}
