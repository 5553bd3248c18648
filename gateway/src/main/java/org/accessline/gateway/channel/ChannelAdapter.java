package org.accessline.gateway.channel;

import io.vertx.core.Future;
import org.accessline.gateway.conversation.Channel;

/**
 * One way residents reach the center. Inbound, an adapter validates its wire input and hands it to
 * {@link Intake}; outbound, the stream calls {@link #deliver} for each agent message on a
 * conversation of this channel. A failed future records the delivery as failed.
 */
public interface ChannelAdapter {
  Channel channel();

  Future<DeliveryOutcome> deliver(OutboundMessage message);
}
