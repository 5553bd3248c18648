package org.accessline.web.cannedreplies;

import org.accessline.gateway.store.CannedReply;

/** Who may change or delete a canned reply: its owner a personal one, a supervisor a shared one. Pure. */
final class CannedReplyAccess {
  private CannedReplyAccess() {}

  static boolean mayChange(CannedReply reply, String username, boolean supervisor) {
    return reply.scope() == CannedReply.Scope.SHARED ? supervisor : reply.owner().get().equals(username);
  }
}
