package org.accessline.gateway.conversation;

import java.time.Instant;
import java.util.Optional;

/**
 * One durable, numbered step of a conversation. Sequence numbers start at 1 and have no gaps.
 * The dedupe key is the channel's own message id (Twilio MessageSid, a chat client's message id),
 * which makes intake idempotent.
 */
public record Entry(
    ConversationId conversationId,
    long seq,
    Instant at,
    Participant actor,
    ConversationEvent event,
    Optional<String> dedupeKey) {

  public Entry {
    if (conversationId == null) throw new IllegalArgumentException("entry needs a conversation");
    if (seq < 1) throw new IllegalArgumentException("sequence numbers start at 1");
    if (at == null || actor == null || event == null) throw new IllegalArgumentException("entry needs time, actor and event");
    dedupeKey = dedupeKey == null ? Optional.empty() : dedupeKey;
    dedupeKey.ifPresent(key -> {
      if (key.isBlank() || key.length() > 200) throw new IllegalArgumentException("dedupe key must be 1-200 characters");
    });
  }

  public boolean isMessage() {
    return event instanceof ConversationEvent.MessagePosted;
  }

  public Optional<String> text() {
    return event instanceof ConversationEvent.MessagePosted m ? Optional.of(m.text()) : Optional.empty();
  }
}
