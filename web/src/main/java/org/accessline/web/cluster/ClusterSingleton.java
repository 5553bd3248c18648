package org.accessline.web.cluster;

import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.function.Supplier;
import org.accessline.web.config.ClusterSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that one node of the cluster does at a time (the follow-up scheduler, the service-request
 * outbox): every node contends for a cluster lock named for the work, and the holder deploys it.
 * Hazelcast frees the lock when its holder stops, leaves or is lost (after the member timeout), and
 * a survivor takes it after a random pause. The lock alone cannot stop a lost node that still runs
 * from working on for a moment, so the work itself claims each item in the store before acting.
 */
public final class ClusterSingleton extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterSingleton.class);
  static final String LOCK_PREFIX = "accessline.singleton.";

  private final String name;
  private final Supplier<Deployable> work;
  private final ClusterSettings settings;
  private LockContender turn;
  private String deployment;

  public ClusterSingleton(String name, ClusterSettings settings, Supplier<Deployable> work) {
    this.name = name;
    this.settings = settings;
    this.work = work;
  }

  @Override
  public Future<?> start() {
    turn = new LockContender(vertx, LOCK_PREFIX + name, settings.takeoverJitter());
    turn.contend(this::deployWork);
    return Future.succeededFuture();
  }

  private void deployWork() {
    vertx.deployVerticle(work.get()).onSuccess(id -> {
      if (turn.stopped()) {
        undeployWork(id).onComplete(x -> turn.release());
        return;
      }
      deployment = id;
      LOG.atInfo().addKeyValue("work", name).log("this node took over {}", name);
    }).onFailure(e -> {
      LOG.atWarn().addKeyValue("work", name).setCause(e).log("could not start {}; letting another node try", name);
      turn.release();
      turn.later(() -> turn.contend(this::deployWork));
    });
  }

  /** Stops the work, then lets the lock go, so another node takes over at once. */
  @Override
  public Future<?> stop() {
    turn.stop();
    String was = deployment;
    deployment = null;
    return undeployWork(was).eventually(() -> {
      turn.release();
      return Future.succeededFuture();
    });
  }

  /** The work is deployed from this verticle, so Vert.x may already have undeployed it with this one: either way it has stopped. */
  private Future<Void> undeployWork(String id) {
    if (id == null) return Future.succeededFuture();
    try {
      return vertx.undeploy(id).recover(alreadyUndeployed -> Future.succeededFuture());
    } catch (IllegalStateException alreadyUndeployed) {
      return Future.succeededFuture();
    }
  }
}
