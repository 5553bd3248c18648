package org.accessline.web.open311;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.store.ServiceRequest;
import org.accessline.gateway.store.ServiceRequest.State;
import org.junit.jupiter.api.Test;

/** What a kept request becomes after each answer of the endpoint, and how long it waits after each failure. */
class OutboxStepTest {
  private static final Instant T0 = Instant.parse("2026-11-28T15:00:00Z");
  private static final OutboxStep.Timing TIMING = new OutboxStep.Timing(Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofMinutes(15));
  private final ServiceRequest kept = new ServiceRequest("7f1c0c52-5b7e-4d8e-9d38-0d6f4a1e2b3c", ConversationId.random(), "POTHOLE", "Pothole",
      "{\"description\":\"x\",\"attribute[DEPTH]\":\"90\"}", State.SENDING, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "", 0, T0,
      Optional.empty(), "maria", T0, T0);

  @Test
  void anIdOpensItATokenAwaitsItsIdAndTheStatusFollowsTheEndpoint() {
    ServiceRequest open = OutboxStep.next(kept, new OutboxStep.Outcome.Taken(new GeoReport.Posted.Id("1001")), T0, TIMING);
    assertEquals(State.OPEN, open.state());
    assertEquals(Optional.of("1001"), open.serviceRequestId());
    assertEquals(T0.plusSeconds(60), open.nextAttemptAt());

    ServiceRequest waiting = OutboxStep.next(kept, new OutboxStep.Outcome.Taken(new GeoReport.Posted.Token("tok-1")), T0, TIMING);
    assertEquals(State.AWAITING_ID, waiting.state());
    assertEquals(State.AWAITING_ID, OutboxStep.next(waiting, new OutboxStep.Outcome.StillPending(), T0, TIMING).state());
    ServiceRequest given = OutboxStep.next(waiting, new OutboxStep.Outcome.IdGiven("1002"), T0, TIMING);
    assertEquals(State.OPEN, given.state());
    assertEquals(Optional.of("tok-1"), given.token(), "the token stays on the record beside the id");

    ServiceRequest closed = OutboxStep.next(open, new OutboxStep.Outcome.Status(new GeoReport.RequestStatus("1001", "closed", Optional.of("Filled"),
        Optional.empty(), Optional.empty(), Optional.empty())), T0, TIMING);
    assertEquals(State.CLOSED, closed.state());
    assertEquals(Optional.of("Filled"), closed.statusNotes());
    assertEquals(State.OPEN, OutboxStep.next(kept, new OutboxStep.Outcome.AlreadyThere("1003"), T0, TIMING).state());
  }

  @Test
  void aFailureWaitsTwiceAsLongEachTimeUpToTheLongestAndASecondSendSearchesFirst() {
    ServiceRequest r = kept;
    List<Long> waits = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      r = OutboxStep.next(r, new OutboxStep.Outcome.Unreachable("503"), T0, TIMING);
      waits.add(Duration.between(T0, r.nextAttemptAt()).toSeconds());
    }
    assertEquals(List.of(5L, 10L, 20L, 40L, 80L, 160L, 320L, 640L, 900L, 900L), waits);
    assertEquals(State.SENDING, r.state());
    assertEquals(Optional.of("503"), r.lastProblem());
    assertEquals(false, OutboxStep.maySendAgainOnlyAfterSearch(kept));
    assertEquals(true, OutboxStep.maySendAgainOnlyAfterSearch(r));
    assertEquals(Duration.ofMinutes(15), OutboxStep.backOff(10_000, TIMING), "no overflow after many failures");
  }

  @Test
  void aRefusalIsKeptWithItsErrorsByFieldAndNoLongerWorked() {
    ServiceRequest refused = OutboxStep.next(kept, new OutboxStep.Outcome.Refused(List.of(new GeoReport.ApiError("400", "attribute[DEPTH] must be under 48"))),
        T0, TIMING);
    assertEquals(State.REJECTED, refused.state());
    assertEquals(false, refused.state().worked());
    assertEquals("[{\"field\":\"DEPTH\",\"message\":\"attribute[DEPTH] must be under 48\"}]", refused.errors());
  }

  @Test
  void aClaimCountsASendAsAnAttemptSoTheNextSenderSearchesFirstAndKeepsTheRequestFromOthersMeanwhile() {
    Instant at = T0.plusNanos(123_456_789);
    ServiceRequest claimed = OutboxStep.claimed(kept, at, Duration.ofSeconds(50));
    assertEquals(1, claimed.attempts());
    assertEquals(true, OutboxStep.maySendAgainOnlyAfterSearch(claimed), "a node lost mid-send leaves the next one to search the endpoint");
    assertEquals(T0.plusMillis(123).plusSeconds(50), claimed.nextAttemptAt(), "to the millisecond, as the stores keep it");
    assertEquals(T0.plusMillis(123), claimed.updatedAt());
    assertEquals(State.SENDING, claimed.state());
    assertEquals(2, OutboxStep.next(claimed, new OutboxStep.Outcome.Unreachable("down"), T0, TIMING).attempts());
    assertEquals(1, OutboxStep.next(kept, new OutboxStep.Outcome.Unreachable("down"), T0, TIMING).attempts(),
        "the outcome is reckoned from the request as read, so a claim does not count a failed send twice");

    ServiceRequest open = OutboxStep.next(kept, new OutboxStep.Outcome.Taken(new GeoReport.Posted.Id("1001")), T0, TIMING);
    assertEquals(0, OutboxStep.claimed(open, at, Duration.ofSeconds(50)).attempts(), "asking for a status is no send");
  }
}
