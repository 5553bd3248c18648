package org.accessline.gateway.store;

import java.time.Instant;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;

/**
 * A search over interaction records: every given filter must hold. {@code text} matches words of
 * the messages (every word must appear); {@code tag} and {@code category} match what staff last
 * filed, the category ignoring case; the rest match exactly. Pages go newest first.
 */
public record RecordQuery(Optional<Instant> openedFrom, Optional<Instant> openedBefore, Optional<Channel> channel, Optional<AgentId> agent,
    Optional<String> contact, Optional<String> disposition, Optional<String> text, Optional<String> tag, Optional<String> category, int limit, int offset) {
  public static final int MAX_LIMIT = 200;

  public RecordQuery(Optional<Instant> openedFrom, Optional<Instant> openedBefore, Optional<Channel> channel, Optional<AgentId> agent,
      Optional<String> contact, Optional<String> disposition, Optional<String> text, int limit, int offset) {
    this(openedFrom, openedBefore, channel, agent, contact, disposition, text, Optional.empty(), Optional.empty(), limit, offset);
  }

  public RecordQuery withOffset(int next) {
    return new RecordQuery(openedFrom, openedBefore, channel, agent, contact, disposition, text, tag, category, limit, next);
  }

  public RecordQuery {
    tag = tag == null ? Optional.empty() : tag.map(String::strip).map(t -> t.toLowerCase(java.util.Locale.ROOT)).filter(t -> !t.isEmpty());
    if (tag.filter(t -> !t.matches("[a-z0-9][a-z0-9 -]{0,39}")).isPresent()) throw new IllegalArgumentException("a tag is a lower-case word of at most 40 characters");
    category = category == null ? Optional.empty() : category.map(String::strip).filter(k -> !k.isEmpty());
    if (category.filter(k -> k.length() > 200).isPresent()) throw new IllegalArgumentException("a category is at most 200 characters");
    if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT);
    if (offset < 0 || offset > 1_000_000) throw new IllegalArgumentException("offset must be 0-1000000");
    text = text.map(String::strip).filter(t -> !t.isEmpty());
    if (text.filter(t -> t.length() > 200).isPresent()) throw new IllegalArgumentException("search text is at most 200 characters");
    if (openedFrom.isPresent() && openedBefore.isPresent() && !openedFrom.get().isBefore(openedBefore.get())) {
      throw new IllegalArgumentException("from must be before to");
    }
  }

  /** The words of {@code text}, lower-case, letters and digits only. */
  public java.util.List<String> words() {
    return text.map(t -> java.util.Arrays.stream(t.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList())
        .orElse(java.util.List.of());
  }
}
