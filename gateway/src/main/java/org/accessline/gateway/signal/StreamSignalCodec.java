package org.accessline.gateway.signal;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;

/** Hands local consumers the published record itself; writes JSON when a signal must cross nodes. */
public final class StreamSignalCodec implements MessageCodec<StreamSignal, StreamSignal> {
  public static final String NAME = "accessline-stream-signal";
  public static final DeliveryOptions DELIVERY = new DeliveryOptions().setCodecName(NAME);

  /** Registers the codec once per Vert.x instance. */
  public static void register(Vertx vertx) {
    try {
      vertx.eventBus().registerCodec(new StreamSignalCodec());
    } catch (IllegalStateException alreadyRegistered) {
      // Another stream on the same Vert.x registered it first.
    }
  }

  @Override
  public void encodeToWire(Buffer buffer, StreamSignal signal) {
    Buffer json = signal.toJson().toBuffer();
    buffer.appendInt(json.length()).appendBuffer(json);
  }

  @Override
  public StreamSignal decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    return StreamSignal.fromJson(new JsonObject(buffer.getBuffer(pos + 4, pos + 4 + length)));
  }

  @Override
  public StreamSignal transform(StreamSignal signal) {
    return signal;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
