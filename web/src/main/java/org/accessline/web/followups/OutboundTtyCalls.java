package org.accessline.web.followups;

import io.vertx.core.Future;
import org.accessline.gateway.followup.FollowUp;
import org.accessline.web.auth.AgentAccount;

/** Places a follow-up's outbound TTY call; its outcome arrives later and is recorded on the follow-up. */
public interface OutboundTtyCalls {
  /** Asks the carrier to place the call for the started follow-up; completes with it as it now stands, once the carrier took the request. */
  Future<FollowUp> place(FollowUp started, AgentAccount agent);
}
