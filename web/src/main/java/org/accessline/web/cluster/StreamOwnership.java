package org.accessline.web.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.internal.VertxInternal;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.store.OwnerClaim;
import org.accessline.gateway.store.OwnerStillActiveException;
import org.accessline.web.config.ClusterSettings;

/**
 * Which node owns the open conversations. Every node contends for one cluster lock; the node that
 * holds it claims a new epoch in the store, starts the stream (which reloads every open conversation
 * from the store and writes only under that epoch), and takes the other nodes' calls at
 * {@link ClusterPorts#CALLS}. Hazelcast frees the lock when its holder leaves or is lost; a survivor,
 * after a random pause, takes it, and the old owner's writes are refused from its claim on.
 */
public final class StreamOwnership extends VerticleBase {
  private static final Logger LOG = Logger.getLogger(StreamOwnership.class.getName());
  static final String LOCK = "accessline.stream.owner";
  /** Published by a node that has taken over, with its Vert.x node id, so every node introduces its agents to the new floor. */
  static final String OWNER_CHANGED = "accessline.stream.owner-changed";
  private static final String VERTX_NODE_ID = "__vertx.nodeId";
  /** How often the owner renews its ownership in the store; a holder gone from the cluster may be taken over after three times this. */
  static final Duration RENEW_EVERY = Duration.ofMillis(300);

  /** Starts the stream under the epoch just claimed; the future it gives back stops it. */
  @FunctionalInterface
  public interface Streams {
    Future<Running> start(long epoch);
  }

  /** A started stream, its ports, and how to stop it (letting its writes on their way settle). */
  public record Running(ClusterPorts.Owned ports, Supplier<Future<Void>> stop) {}

  private final InteractionStore store;
  private final String nodeId;
  private final ClusterSettings settings;
  private final ClusterPorts ports;
  private final Streams streams;
  private LockContender turn;
  private Running running;
  private MessageConsumer<JsonObject> calls;
  private MessageConsumer<String> ownerChanges;
  private HazelcastInstance hazelcast;
  private java.util.UUID membership;
  private long epoch;
  private long renewing = -1;
  /** The claim the store granted, until this node lets it go. */
  private OwnerClaim held;
  /** Who held the conversations when a claim was last refused: said once, not at every try. */
  private String refusedBy;

  public StreamOwnership(InteractionStore store, String nodeId, ClusterSettings settings, ClusterPorts ports, Streams streams) {
    this.store = store;
    this.nodeId = nodeId;
    this.settings = settings;
    this.ports = ports;
    this.streams = streams;
  }

  /** Begins contending; started once this node listens for new owners, not when it owns. */
  @Override
  public Future<?> start() {
    hazelcast = ((HazelcastClusterManager) ((VertxInternal) vertx).clusterManager()).getHazelcastInstance();
    membership = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {}

      @Override
      public void memberRemoved(MembershipEvent event) {
        // Vert.x names its nodes apart from Hazelcast's members, in this member attribute.
        String node = event.getMember().getAttribute(VERTX_NODE_ID);
        if (node != null) ports.nodeLeft(node);
      }
    });
    // The new owner's own consoles too: its stream has just started with an empty floor.
    ownerChanges = vertx.eventBus().consumer(OWNER_CHANGED, message -> {
      ports.ownerIs(message.body());
      ports.introduceAgents().onFailure(e -> LOG.log(Level.WARNING, "could not introduce this node's agents to " + message.body(), e));
    });
    turn = new LockContender(vertx, LOCK, settings.takeoverJitter());
    return ownerChanges.completion().onSuccess(v -> contend());
  }

  /** The epoch this node owns under, or 0 while it does not own the conversations. */
  public long epoch() {
    return running == null ? 0 : epoch;
  }

  // Survivors of a lost node do not all reload at once: the winner pauses before it claims, so a
  // node that saw the loss late is not the one to stall the floor.
  private void contend() {
    turn.contend(() -> turn.later(this::takeOver));
  }

  /** This node's claim, with the members it sees now: the store refuses it while the holder still renews. */
  private OwnerClaim claim() {
    Set<String> present = new HashSet<>();
    for (Member member : hazelcast.getCluster().getMembers()) {
      String node = member.getAttribute(VERTX_NODE_ID);
      if (node != null) present.add(node);
    }
    return new OwnerClaim(nodeId, holder(), present, settings.memberTimeout(), RENEW_EVERY.multipliedBy(3));
  }

  private String holder() {
    return ((VertxInternal) vertx).clusterManager().getNodeId();
  }

  private void takeOver() {
    if (turn.stopped()) {
      turn.release();
      return;
    }
    OwnerClaim claim = claim();
    store.claimOwnership(claim).compose(claimed -> {
      epoch = claimed;
      held = claim;
      refusedBy = null;
      renewing = vertx.setPeriodic(RENEW_EVERY.toMillis(), t -> renew(claim, claimed));
      return streams.start(claimed);
    }).compose(started -> {
      running = started;
      ports.own(started.ports(), this::stepDown);
      calls = vertx.eventBus().consumer(ClusterPorts.CALLS, message -> ports.serve(message.body()).onComplete(ar -> {
        if (ar.succeeded()) message.reply(ar.result());
        else message.reply(new JsonObject().put("failure", "failed").put("detail", String.valueOf(ar.cause().getMessage())));
      }));
      return calls.completion();
    }).onSuccess(v -> {
      LOG.info("node " + nodeId + " owns the open conversations (epoch " + epoch + ")");
      vertx.eventBus().publish(OWNER_CHANGED, ((VertxInternal) vertx).clusterManager().getNodeId());
    }).onFailure(e -> {
      if (e instanceof OwnerStillActiveException active) {
        // This node's view of the cluster says it may own, but the store says another node is at work: it was cut off or paused.
        if (!active.node().equals(refusedBy)) LOG.warning("node " + nodeId + " holds the cluster lock but does not take over: " + e.getMessage());
        refusedBy = active.node();
        // No sooner than a gone holder could be taken over: asking more often only loads the database.
        stopOwning().onComplete(ar -> vertx.setTimer(RENEW_EVERY.multipliedBy(3).toMillis(), t -> turn.later(this::contend)));
        return;
      }
      LOG.log(Level.WARNING, "node " + nodeId + " could not take over the conversations; it will try again", e);
      stopOwning().onComplete(ar -> turn.later(this::contend));
    });
  }

  private void renew(OwnerClaim claim, long claimed) {
    // A node whose cluster has stopped under it falls silent, so a survivor takes over rather than wait out the lease.
    if (!hazelcast.getLifecycleService().isRunning()) return;
    store.renewOwnership(claim, claimed).onSuccess(still -> {
      if (!still && running != null && epoch == claimed) stepDown();
    }).onFailure(e -> LOG.warning("node " + nodeId + " could not renew its ownership: " + e.getMessage()));
  }

  /** Another node claimed a later epoch: this one stops its stream at once and contends again. */
  private void stepDown() {
    context.runOnContext(v -> {
      if (running == null) return;
      LOG.warning("node " + nodeId + " was taken over (its epoch " + epoch + " is stale); it stops writing");
      stopOwning().onComplete(ar -> turn.later(this::contend));
    });
  }

  /** Stops taking calls, stops the stream, then lets the lock go. */
  private Future<Void> stopOwning() {
    if (renewing >= 0) vertx.cancelTimer(renewing);
    renewing = -1;
    ports.disown();
    Future<Void> unregistered = calls == null ? Future.succeededFuture() : calls.unregister();
    calls = null;
    Running was = running;
    running = null;
    OwnerClaim letGo = held;
    long heldEpoch = epoch;
    held = null;
    return unregistered.eventually(() -> was == null ? Future.succeededFuture() : was.stop().get())
        .eventually(() -> letGo == null ? Future.succeededFuture() : store.releaseOwnership(letGo, heldEpoch)
            .onComplete(ar -> LOG.info("node " + nodeId + (ar.succeeded() ? " let the open conversations go (epoch " : " could not let the open conversations go (epoch ")
                + heldEpoch + ")" + (ar.succeeded() ? "" : ": " + ar.cause().getMessage())))).eventually(() -> {
      turn.release();
      return Future.succeededFuture();
    });
  }

  /** Hands the conversations on: another node takes over once this one has let its writes settle. */
  @Override
  public Future<?> stop() {
    turn.stop();
    try {
      if (membership != null) hazelcast.getCluster().removeMembershipListener(membership);
    } catch (RuntimeException alreadyGone) {
      // This node's Hazelcast is no longer running: there is nothing left to listen to.
    }
    Future<Void> listening = ownerChanges == null ? Future.succeededFuture() : ownerChanges.unregister();
    return listening.eventually(this::stopOwning);
  }
}
