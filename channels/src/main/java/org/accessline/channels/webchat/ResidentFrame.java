package org.accessline.channels.webchat;

import java.util.Optional;
import org.accessline.gateway.conversation.ConversationId;

/** A frame a resident's page sends, after validation. */
public sealed interface ResidentFrame {

  /** The first frame: who I am (if I was here before) and the last entry I saw. */
  record Hello(Optional<String> token, Optional<ConversationId> conversation, long lastSeq) implements ResidentFrame {}

  /** {@code clientId} is the page's own id for the message; a resend with the same id is not stored twice. */
  record Message(String clientId, String text) implements ResidentFrame {}

  record Typing(boolean active) implements ResidentFrame {}
}
