package org.accessline.web.conversations;

import java.util.Optional;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.web.auth.AgentAccount;

/**
 * The dedupe key of a staff reply: a client id is unique per (staff member, conversation), so a
 * console that reuses one in another conversation sends a new reply rather than losing it.
 */
public final class ReplyKey {
  /** What a console may send as {@code clientId}. */
  public static final String CLIENT_ID = "[A-Za-z0-9_-]{1,64}";

  private ReplyKey() {}

  /** Whether a {@code clientId}, if given, is one a console may send. */
  public static boolean validClientId(Optional<String> clientId) {
    return clientId.isEmpty() || clientId.get().matches(CLIENT_ID);
  }

  /** @param role who replies: {@code agent}, or {@code supervisor} barging in */
  public static String of(String role, AgentAccount staff, ConversationId conversation, String clientId) {
    return role + ":" + staff.username().value() + ":" + conversation.value() + ":" + clientId;
  }
}
