package org.accessline.web.records;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.accessline.gateway.store.InteractionStore;

/**
 * Writes a checkpoint of every record's sealed head to the checkpoint file at each interval, and a
 * last one when the gateway stops, so what was written before a stop is anchored outside the
 * database too.
 */
public final class CheckpointVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointVerticle.class);
  private final InteractionStore store;
  private final Duration every;
  private final Clock clock;
  private long timer = -1;
  /** The checkpoint being written, if any: one at a time, so a slow one never piles up behind itself. */
  private Future<Long> writing = Future.succeededFuture(0L);

  public CheckpointVerticle(InteractionStore store, Duration every, Clock clock) {
    this.store = store;
    this.every = every;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(every.toMillis(), t -> checkpoint());
    return Future.succeededFuture();
  }

  private void checkpoint() {
    if (!writing.isComplete()) return;
    writing = write();
  }

  private Future<Long> write() {
    return store.checkpoint(clock.instant()).onFailure(e -> LOG.warn("the checkpoint of sealed record heads failed", e));
  }

  /** The last checkpoint waits for one still being written, so the store is not closed under it. */
  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return writing.otherwiseEmpty().compose(v -> write()).otherwiseEmpty();
  }
}
