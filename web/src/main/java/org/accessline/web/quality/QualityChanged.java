package org.accessline.web.quality;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;

/**
 * Told on the event bus, to every node, when an evaluation is submitted, acknowledged, disputed or
 * resolved, so whoever shows quality averages reads them again then rather than polling for them.
 * The message is the evaluation's id.
 */
public final class QualityChanged {
  static final String ADDRESS = "accessline.quality.changed";

  private QualityChanged() {}

  static void publish(Vertx vertx, String evaluation) {
    vertx.eventBus().publish(ADDRESS, evaluation);
  }

  public static MessageConsumer<String> subscribe(Vertx vertx, Runnable changed) {
    return vertx.eventBus().<String>consumer(ADDRESS, m -> changed.run());
  }
}
