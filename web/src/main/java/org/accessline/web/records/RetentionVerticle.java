package org.accessline.web.records;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Purges what the retention period allows: once at start, then every day, until undeployed. */
public final class RetentionVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionVerticle.class);
  private final RecordAccess records;
  private long timer = -1;

  public RetentionVerticle(RecordAccess records) {
    this.records = records;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(0, Duration.ofDays(1).toMillis(), t -> records.purgeDue()
        .onSuccess(n -> LOG.info("retention purge: " + n + " records purged"))
        .onFailure(e -> LOG.warn("the retention purge failed", e)));
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }
}
