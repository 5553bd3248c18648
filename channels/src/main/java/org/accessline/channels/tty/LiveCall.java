package org.accessline.channels.tty;

import io.vertx.core.Future;
import org.accessline.gateway.channel.DeliveryOutcome;
import org.accessline.gateway.channel.OutboundMessage;

/** A call in progress on this node, in whichever mode it runs: TTY tones or relay speech. */
public interface LiveCall {
  /** Sends an agent's reply down the line, when the line's etiquette allows. */
  Future<DeliveryOutcome> send(OutboundMessage message);

  /** Stops what is being sent and withdraws the replies waiting; answers how many were dropped. */
  Future<Integer> stopSending();

  /** Whether the resident (or their relay assistant) is mid-turn now. */
  Future<Boolean> callerMidTurn();

  /** Moves the call to {@code mode} by an agent's hand; answers false when it cannot (already so, or no speech on this gateway). */
  Future<Boolean> switchTo(LineMode mode);
}
