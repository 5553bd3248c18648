package org.accessline.gateway.signal;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A family of event-bus addresses, one per key (a conversation, an agent), and the signals published
 * there. Publisher and consumer both go through the same constant in {@link Addresses}, so a reader
 * can follow a signal from one to the other.
 */
public final class Topic<K, S extends StreamSignal> {
  private final String prefix;
  private final Function<K, String> keyName;
  private final Class<S> signals;

  Topic(String prefix, Function<K, String> keyName, Class<S> signals) {
    this.prefix = prefix;
    this.keyName = keyName;
    this.signals = signals;
  }

  public String address(K key) {
    return prefix + keyName.apply(key);
  }

  public void publish(EventBus bus, K key, S signal) {
    bus.publish(address(key), signal, StreamSignalCodec.DELIVERY);
  }

  public MessageConsumer<S> subscribe(EventBus bus, K key, Consumer<S> handler) {
    return bus.<S>consumer(address(key), m -> handler.accept(signals.cast(m.body())));
  }

  /** A consumer whose handler is set later, for a subscriber that must register before it can read. */
  public MessageConsumer<S> subscribe(EventBus bus, K key) {
    return bus.consumer(address(key));
  }
}
