package org.accessline.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.accessline.gateway.store.InteractionStore;

/**
 * Writes a checkpoint of every record's sealed head to the checkpoint file at each interval, and a
 * last one when the gateway stops, so what was written before a stop is anchored outside the
 * database too.
 */
final class CheckpointVerticle extends VerticleBase {
  private static final Logger LOG = Logger.getLogger(CheckpointVerticle.class.getName());
  private final InteractionStore store;
  private final Duration every;
  private long timer = -1;
  /** One checkpoint at a time: a slow one must not pile up behind itself. */
  private boolean writing;

  CheckpointVerticle(InteractionStore store, Duration every) {
    this.store = store;
    this.every = every;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(every.toMillis(), t -> checkpoint());
    return Future.succeededFuture();
  }

  private Future<Long> checkpoint() {
    if (writing) return Future.succeededFuture(-1L);
    writing = true;
    return store.checkpoint(Instant.now())
        .onFailure(e -> LOG.log(Level.WARNING, "the checkpoint of sealed record heads failed", e))
        .eventually(() -> {
          writing = false;
          return Future.succeededFuture();
        });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return checkpoint().otherwiseEmpty();
  }
}
