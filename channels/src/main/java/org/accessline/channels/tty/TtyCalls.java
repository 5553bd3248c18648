package org.accessline.channels.tty;

import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.accessline.gateway.channel.ChannelAdapter;
import org.accessline.gateway.channel.DeliveryOutcome;
import org.accessline.gateway.channel.OutboundMessage;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.ConversationId;

/**
 * The TTY calls in progress on this node, by conversation, and the channel adapter that hands an
 * agent's reply to the call it belongs to. A reply for a call that has ended fails, and the stream
 * records it as failed.
 */
public final class TtyCalls implements ChannelAdapter {
  private final Map<ConversationId, TtyCallSession> live = new ConcurrentHashMap<>();

  @Override
  public Channel channel() {
    return Channel.TTY;
  }

  @Override
  public Future<DeliveryOutcome> deliver(OutboundMessage message) {
    TtyCallSession call = live.get(message.conversation());
    if (call == null) return Future.failedFuture("The TTY call has ended, so this reply could not be sent.");
    return call.send(message);
  }

  /** Stops the reply being sent on this conversation's call and drops the ones waiting. */
  public Future<Integer> stopSending(ConversationId conversation) {
    TtyCallSession call = live.get(conversation);
    if (call == null) return Future.succeededFuture(0);
    return call.stopSending();
  }

  public Optional<TtyCallSession> call(ConversationId conversation) {
    return Optional.ofNullable(live.get(conversation));
  }

  void started(ConversationId conversation, TtyCallSession call) {
    live.put(conversation, call);
  }

  /** Forgets the call under every conversation it had: a resolved one and its follow-up alike. */
  void ended(TtyCallSession call) {
    live.values().removeIf(c -> c == call);
  }
}
