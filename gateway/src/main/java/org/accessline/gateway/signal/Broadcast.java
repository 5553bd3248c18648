package org.accessline.gateway.signal;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.function.Consumer;

/** One event-bus address every interested console follows, and the signal published there. */
public final class Broadcast<S extends StreamSignal> {
  private final String address;
  private final Class<S> signals;

  Broadcast(String address, Class<S> signals) {
    this.address = address;
    this.signals = signals;
  }

  public String address() {
    return address;
  }

  public void publish(EventBus bus, S signal) {
    bus.publish(address, signal, StreamSignalCodec.DELIVERY);
  }

  public MessageConsumer<S> subscribe(EventBus bus, Consumer<S> handler) {
    return bus.<S>consumer(address, m -> handler.accept(signals.cast(m.body())));
  }
}
