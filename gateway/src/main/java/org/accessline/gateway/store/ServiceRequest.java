package org.accessline.gateway.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.accessline.gateway.conversation.ConversationId;

/**
 * A city service request (Open311 GeoReport v2) made from a conversation. It is kept before it is
 * sent, so a request the city's endpoint could not take is still here to be sent again.
 *
 * @param id ours, also written into the request's description so a retry can find a request that did arrive
 * @param form the fields sent, as a JSON object of field name to value
 * @param errors the endpoint's refusal as a JSON array of {@code {"code","description","field"}}; empty when none
 * @param nextAttemptAt when the outbox next sends, asks for the id or asks for the status
 */
public record ServiceRequest(String id, ConversationId conversation, String serviceCode, String serviceName, String form, State state,
    Optional<String> token, Optional<String> serviceRequestId, Optional<String> status, Optional<String> statusNotes, String errors,
    int attempts, Instant nextAttemptAt, Optional<String> lastProblem, String createdBy, Instant createdAt, Instant updatedAt) {

  /** Where a request is in its life; the first three are worked by the outbox. */
  public enum State {
    /** Kept, not yet taken by the endpoint. */
    SENDING,
    /** Taken; the endpoint gave a token, and the id is still to come. */
    AWAITING_ID,
    /** The endpoint gave its id; the status is polled. */
    OPEN,
    CLOSED,
    /** The endpoint refused it (the errors say why); the agent may send a corrected one. */
    REJECTED;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<State> parse(String name) {
      for (State s : values()) if (s.wireName().equals(name)) return Optional.of(s);
      return Optional.empty();
    }

    public boolean worked() {
      return this == SENDING || this == AWAITING_ID || this == OPEN;
    }
  }

  public ServiceRequest {
    if (id == null || conversation == null || serviceCode == null || serviceName == null || form == null || state == null || errors == null
        || nextAttemptAt == null || createdBy == null || createdAt == null || updatedAt == null) {
      throw new IllegalArgumentException("a service request needs its id, conversation, service, form, state, times and author");
    }
    if (state == State.OPEN && serviceRequestId.isEmpty()) throw new IllegalArgumentException("an open service request has the endpoint's id");
    if (state == State.AWAITING_ID && token.isEmpty()) throw new IllegalArgumentException("a service request awaiting its id has a token");
  }

  /** The same request, moved on: the attempt count and problem are the caller's to set. */
  public ServiceRequest with(State next, Optional<String> token, Optional<String> serviceRequestId, Optional<String> status, Optional<String> statusNotes,
      String errors, int attempts, Instant nextAttemptAt, Optional<String> lastProblem, Instant now) {
    return new ServiceRequest(id, conversation, serviceCode, serviceName, form, next, token, serviceRequestId, status, statusNotes, errors, attempts,
        nextAttemptAt, lastProblem, createdBy, createdAt, now);
  }
}
