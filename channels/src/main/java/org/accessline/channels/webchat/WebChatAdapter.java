package org.accessline.channels.webchat;

import io.vertx.core.Future;
import org.accessline.gateway.channel.ChannelAdapter;
import org.accessline.gateway.channel.DeliveryOutcome;
import org.accessline.gateway.channel.OutboundMessage;
import org.accessline.gateway.conversation.Channel;

/**
 * The web chat side of the channel SPI. A resident's page follows its conversation on the event bus
 * and catches up from the store when it reconnects, so an agent's message needs no separate send.
 */
public final class WebChatAdapter implements ChannelAdapter {
  @Override
  public Channel channel() {
    return Channel.WEBCHAT;
  }

  @Override
  public Future<DeliveryOutcome> deliver(OutboundMessage message) {
    return Future.succeededFuture(new DeliveryOutcome.Live());
  }
}
