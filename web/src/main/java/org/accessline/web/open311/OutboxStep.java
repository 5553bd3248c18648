package org.accessline.web.open311;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.store.ServiceRequest;
import org.accessline.gateway.store.ServiceRequest.State;

/**
 * What becomes of a kept service request after one call to the endpoint. Pure: the outbox makes the
 * call, this decides, the store keeps the answer before anyone is told.
 */
public final class OutboxStep {
  private OutboxStep() {}

  /** What the call to the endpoint came to. */
  public sealed interface Outcome {
    /** The request was taken: its id, or a token. */
    record Taken(GeoReport.Posted posted) implements Outcome {}

    /** A search found the request we kept already on the endpoint (an earlier send arrived, its answer did not). */
    record AlreadyThere(String serviceRequestId) implements Outcome {}

    /** The endpoint refused it with the spec's error array. */
    record Refused(List<GeoReport.ApiError> errors) implements Outcome {}

    /** The endpoint could not be reached, timed out, failed (5xx) or answered what we cannot read. */
    record Unreachable(String problem) implements Outcome {}

    /** The token's id is not there yet. */
    record StillPending() implements Outcome {}

    record IdGiven(String serviceRequestId) implements Outcome {}

    record Status(GeoReport.RequestStatus status) implements Outcome {}
  }

  /** How long between status checks, and the back-off after a failed attempt. */
  public record Timing(Duration poll, Duration firstRetry, Duration longestRetry) {}

  public static ServiceRequest next(ServiceRequest r, Outcome outcome, Instant now, Timing timing) {
    Instant poll = now.plus(timing.poll());
    if (outcome instanceof Outcome.Taken taken && taken.posted() instanceof GeoReport.Posted.Id id) return opened(r, id.serviceRequestId(), poll, now);
    if (outcome instanceof Outcome.Taken taken && taken.posted() instanceof GeoReport.Posted.Token token) {
      return r.with(State.AWAITING_ID, Optional.of(token.token()), Optional.empty(), Optional.empty(), Optional.empty(), "", 0, poll, Optional.empty(), now);
    }
    if (outcome instanceof Outcome.AlreadyThere there) return opened(r, there.serviceRequestId(), poll, now);
    if (outcome instanceof Outcome.IdGiven given) return opened(r, given.serviceRequestId(), poll, now);
    if (outcome instanceof Outcome.Refused refused) {
      return r.with(State.REJECTED, r.token(), r.serviceRequestId(), r.status(), r.statusNotes(),
          errorsJson(ServiceRequestForm.byField(refused.errors(), new JsonObject(r.form()))), r.attempts() + 1, now, Optional.empty(), now);
    }
    if (outcome instanceof Outcome.Unreachable down) {
      int attempts = r.attempts() + 1;
      return r.with(r.state(), r.token(), r.serviceRequestId(), r.status(), r.statusNotes(), r.errors(), attempts, now.plus(backOff(attempts, timing)),
          Optional.of(down.problem()), now);
    }
    if (outcome instanceof Outcome.Status status) {
      GeoReport.RequestStatus s = status.status();
      return r.with(s.closed() ? State.CLOSED : State.OPEN, r.token(), r.serviceRequestId(), Optional.of(s.status()), s.statusNotes(), "", 0, poll,
          Optional.empty(), now);
    }
    return r.with(r.state(), r.token(), r.serviceRequestId(), r.status(), r.statusNotes(), r.errors(), 0, poll, Optional.empty(), now);
  }

  private static ServiceRequest opened(ServiceRequest r, String serviceRequestId, Instant poll, Instant now) {
    return r.with(State.OPEN, r.token(), Optional.of(serviceRequestId), Optional.of("open"), Optional.empty(), "", 0, poll, Optional.empty(), now);
  }

  /** Twice as long after each failed attempt, from the first retry up to the longest. */
  static Duration backOff(int attempts, Timing timing) {
    long first = Math.max(1, timing.firstRetry().toMillis());
    long longest = Math.max(first, timing.longestRetry().toMillis());
    int doublings = Math.min(Math.max(0, attempts - 1), 30);
    long factor = 1L << doublings;
    return Duration.ofMillis(first > longest / factor ? longest : first * factor);
  }

  /**
   * The request as a node keeps it while it works it: out of every pass for {@code claimFor}, and a
   * send counted as an attempt before it is made, so if this node is lost mid-send the next one
   * searches the endpoint before it sends.
   */
  public static ServiceRequest claimed(ServiceRequest r, Instant now, Duration claimFor) {
    int attempts = r.state() == State.SENDING ? r.attempts() + 1 : r.attempts();
    // To the millisecond, as every store keeps it: the claim is matched by these values when its outcome is kept.
    Instant at = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    return r.with(r.state(), r.token(), r.serviceRequestId(), r.status(), r.statusNotes(), r.errors(), attempts, at.plus(claimFor), r.lastProblem(), at);
  }

  /** Whether a send may already have reached the endpoint, so it must be searched for before it is sent again. */
  public static boolean maySendAgainOnlyAfterSearch(ServiceRequest r) {
    return r.state() == State.SENDING && r.attempts() > 0;
  }

  static String errorsJson(List<ServiceRequestForm.FieldError> errors) {
    JsonArray out = new JsonArray();
    errors.forEach(e -> out.add(e.json()));
    return out.encode();
  }
}
