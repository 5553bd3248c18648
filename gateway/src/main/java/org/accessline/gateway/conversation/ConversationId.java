package org.accessline.gateway.conversation;

import java.util.UUID;

public record ConversationId(String value) {
  public ConversationId {
    if (value == null || !value.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
      throw new IllegalArgumentException("conversation id must be a lower-case UUID");
    }
  }

  public static ConversationId random() {
    return new ConversationId(UUID.randomUUID().toString());
  }

  /** Parses untrusted text, returning empty for anything that is not a well-formed id. */
  public static java.util.Optional<ConversationId> parse(String text) {
    try {
      return java.util.Optional.of(new ConversationId(text));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
