package org.accessline.gateway.store;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Where canned replies live, beside the interaction records in the same database. Every future
 * completes on the caller's context, and a write only once it is durable.
 */
public interface CannedReplies {

  /** Every shared reply and the agent's own personal ones, by title. */
  Future<List<CannedReply>> visibleTo(String agent);

  Future<Optional<CannedReply>> find(String id);

  /**
   * Inserts the reply, or replaces the one with its id. Fails with {@link ShortcutTaken} when another
   * reply of the same set (shared, or the same agent's personal ones) already has its shortcut.
   */
  Future<Void> save(CannedReply reply);

  /** False when no reply has that id. */
  Future<Boolean> delete(String id);

  /** How many personal replies the agent keeps. */
  Future<Integer> countOwnedBy(String agent);

  /** The shortcut is already used in the same set. */
  final class ShortcutTaken extends RuntimeException {
    public ShortcutTaken(String shortcut) {
      super("the shortcut \"" + shortcut + "\" is already used");
    }
  }
}
