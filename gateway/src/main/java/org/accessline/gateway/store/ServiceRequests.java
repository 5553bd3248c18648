package org.accessline.gateway.store;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.ConversationId;

/**
 * Service requests made from conversations, beside the records in the same database: the outbox of
 * requests not yet taken by the city's endpoint and the requests whose status is followed. Every
 * future completes on the caller's context, and a write only once it is durable.
 */
public interface ServiceRequests {

  /** Inserts the request, or replaces the one with its id. */
  Future<Void> save(ServiceRequest request);

  /**
   * Replaces the request only if it is still as {@code read} left it (same state, attempts, next
   * attempt and last change): of two nodes working the same request at once, one wins and the other
   * leaves it alone. False when it was changed meanwhile.
   */
  Future<Boolean> replace(ServiceRequest read, ServiceRequest next);

  Future<Optional<ServiceRequest>> find(String id);

  /** The conversation's requests, oldest first. */
  Future<List<ServiceRequest>> forConversation(ConversationId conversation);

  /** Requests still worked (sending, awaiting an id, open) whose next attempt is due, soonest first. */
  Future<List<ServiceRequest>> due(Instant now, int limit);
}
