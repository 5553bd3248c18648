package org.accessline.gateway.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.Breach;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.escalation.LimitPolicy;
import org.accessline.gateway.routing.RoutingSettings;

/** The time limits a conversation has just run past, as commands that record them. Pure. */
public final class Breaches {
  private Breaches() {}

  /** A wait in the queue past its limit also moves the conversation to the overflow queue, if there is one. */
  public static List<StreamCommand.RecordBreach> due(ConversationState state, Instant now, LimitPolicy limits, RoutingSettings routing) {
    String queue = routing.queueOf(state.queue(), state.contact().channel()).name();
    List<StreamCommand.RecordBreach> out = new ArrayList<>(1);
    for (Breach breach : limits.due(state, now, queue)) {
      Optional<String> overflow = breach.path().equals(Breach.QUEUE_WAIT) ? routing.overflowQueue() : Optional.empty();
      out.add(new StreamCommand.RecordBreach(state.id(), breach.path(), breach.reason(), breach.dedupeKey(), overflow));
    }
    return out;
  }
}
