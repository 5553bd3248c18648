package org.accessline.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.accessline.gateway.channel.Desk;
import org.accessline.gateway.channel.Intake;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.web.cluster.ClusterPorts;
import org.accessline.web.cluster.StreamOwnership;
import org.accessline.web.config.ClusterSettings;

/**
 * Where the conversation stream runs: in this process alone, or, in a cluster, on whichever node owns
 * the open conversations, with this node's ports forwarding to it.
 */
final class StreamHost {
  private final Intake intake;
  private final Desk desk;
  private final Supplier<Future<Void>> start;
  private final Supplier<Future<Void>> stop;

  private StreamHost(Intake intake, Desk desk, Supplier<Future<Void>> start, Supplier<Future<Void>> stop) {
    this.intake = intake;
    this.desk = desk;
    this.start = start;
    this.stop = stop;
  }

  /** The stream in this process, which owns every conversation. */
  static <S extends VerticleBase & Intake & Desk> StreamHost single(Vertx vertx, S stream) {
    String[] deployment = new String[1];
    return new StreamHost(stream, stream, () -> vertx.deployVerticle(stream).map(id -> {
      deployment[0] = id;
      return null;
    }), () -> deployment[0] == null ? Future.succeededFuture() : vertx.undeploy(deployment[0]));
  }

  /** A stream started under each epoch this node claims, while it owns the conversations; calls forwarded otherwise. */
  static <S extends VerticleBase & Intake & Desk> StreamHost clustered(Vertx vertx, InteractionStore store, ClusterSettings settings, String nodeId,
      LongFunction<S> streamUnder, Duration drainWithin) {
    ClusterPorts ports = new ClusterPorts(vertx, store, settings.ownerWait());
    StreamOwnership ownership = new StreamOwnership(store, nodeId, settings, ports, epoch -> {
      S stream = streamUnder.apply(epoch);
      return vertx.deployVerticle(stream).map(id -> new StreamOwnership.Running(new ClusterPorts.Owned(stream, stream),
          () -> stream.deliveriesRecorded(drainWithin).eventually(() -> vertx.undeploy(id))));
    });
    String[] deployment = new String[1];
    return new StreamHost(ports.intake(), ports.desk(), () -> vertx.deployVerticle(ownership).map(id -> {
      deployment[0] = id;
      return null;
    }), () -> deployment[0] == null ? Future.succeededFuture() : vertx.undeploy(deployment[0]));
  }

  Intake intake() {
    return intake;
  }

  Desk desk() {
    return desk;
  }

  Future<Void> start() {
    return start.get();
  }

  Future<Void> stop() {
    return stop.get();
  }

  /** The replies on their way from this node's stream settle, if it runs one. */
  Future<Void> deliveriesRecorded(Duration within) {
    return desk.deliveriesRecorded(within);
  }
}
