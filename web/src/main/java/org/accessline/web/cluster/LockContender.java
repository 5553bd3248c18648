package org.accessline.web.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Lock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One node's place in line for a cluster lock: it asks, and while another node holds the lock it
 * asks again after a random pause, so survivors of a lost holder do not all rush in together.
 * Hazelcast frees the lock when its holder leaves or is lost. Used from one verticle's context.
 */
final class LockContender {
  private static final long TRY_MILLIS = 2_000;

  private final Vertx vertx;
  private final String name;
  private final Duration jitter;
  private boolean stopped;
  private Lock lock;

  LockContender(Vertx vertx, String name, Duration jitter) {
    this.vertx = vertx;
    this.name = name;
    this.jitter = jitter;
  }

  /** Asks until the lock is held, then runs {@code held}; nothing once stopped (a lock got too late is let go). */
  void contend(Runnable held) {
    if (stopped || lock != null) return;
    vertx.sharedData().getLockWithTimeout(name, TRY_MILLIS).onComplete(ar -> {
      if (ar.failed()) {
        later(() -> contend(held));
        return;
      }
      lock = ar.result();
      if (stopped) release();
      else held.run();
    });
  }

  /** Runs {@code then} after a random pause of at most the takeover jitter, unless stopped. */
  void later(Runnable then) {
    if (stopped) return;
    long most = jitter.toMillis();
    vertx.setTimer(1 + (most <= 0 ? 0 : ThreadLocalRandom.current().nextLong(most + 1)), t -> then.run());
  }

  /** No more asking; the lock, if held, stays held until {@link #release()}. */
  void stop() {
    stopped = true;
  }

  boolean stopped() {
    return stopped;
  }

  void release() {
    if (lock != null) {
      try {
        lock.release();
      } catch (RuntimeException alreadyGone) {
        // This node's Hazelcast is no longer running: the cluster freed the lock when it lost the node.
      }
    }
    lock = null;
  }
}
