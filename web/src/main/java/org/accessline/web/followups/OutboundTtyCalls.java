package org.accessline.web.followups;

import io.vertx.core.Future;
import org.accessline.gateway.followup.FollowUp;
import org.accessline.web.auth.AgentAccount;

/** Places a follow-up's outbound TTY call; its outcome arrives later and is recorded on the follow-up. */
public interface OutboundTtyCalls {
  /**
   * Asks the carrier to place the call for the started follow-up; completes with it as it now stands,
   * once the carrier took the request (or may have). A request the carrier surely did not take is
   * recorded as a failed attempt and completes failed with {@link NotPlaced}; any other failure came
   * before the attempt was recorded, and nothing was asked of the carrier.
   */
  Future<FollowUp> place(FollowUp started, AgentAccount agent);

  /** The carrier did not take the request: the attempt is recorded as failed on {@code recorded}. */
  final class NotPlaced extends RuntimeException {
    private final transient FollowUp recorded;

    public NotPlaced(FollowUp recorded, String reason) {
      super(reason, null, false, false);
      this.recorded = recorded;
    }

    public FollowUp recorded() {
      return recorded;
    }
  }
}
