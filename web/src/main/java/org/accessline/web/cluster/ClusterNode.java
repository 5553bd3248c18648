package org.accessline.web.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.accessline.web.config.ClusterSettings;

/** Joins this process to the cluster: a clustered Vert.x over Hazelcast, configured from {@link ClusterSettings}. */
public final class ClusterNode {
  /** Hazelcast logs every membership step at INFO; the gateway says what matters itself. Held so the level is not collected. */
  private static final Logger HAZELCAST_LOGS = Logger.getLogger("com.hazelcast");
  /** Warns at every start that CP structures are unsafe; the gateway uses none (its lock is a map lock, its fence is in PostgreSQL). */
  private static final Logger CP_SUBSYSTEM_LOGS = Logger.getLogger("com.hazelcast.cp.CPSubsystem");

  private ClusterNode() {}

  /** A clustered Vert.x (without metrics) that has joined, or formed, the cluster the settings name. */
  public static Future<Vertx> join(ClusterSettings settings) {
    return Vertx.builder().with(options(settings)).withClusterManager(manager(settings)).buildClustered();
  }

  /** Vert.x's options for a node: the event bus, which carries calls to the owner and signals to every node, listens on cluster.host (a free port). */
  public static VertxOptions options(ClusterSettings settings) {
    return new VertxOptions().setEventBusOptions(new EventBusOptions().setHost(settings.host()).setClusterPublicHost(settings.host()));
  }

  /** The Hazelcast cluster manager for the settings. */
  public static ClusterManager manager(ClusterSettings settings) {
    if (!settings.enabled()) throw new IllegalArgumentException("the cluster is not enabled");
    HAZELCAST_LOGS.setLevel(Level.WARNING);
    CP_SUBSYSTEM_LOGS.setLevel(Level.SEVERE);
    return new HazelcastClusterManager(hazelcastConfig(settings));
  }

  static Config hazelcastConfig(ClusterSettings settings) {
    // Vert.x's defaults hold the settings of its own maps (subscriptions, node information); the network is ours.
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(settings.name());
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.heartbeat.interval.seconds", Long.toString(settings.heartbeat().toSeconds()));
    config.setProperty("hazelcast.max.no.heartbeat.seconds", Long.toString(settings.memberTimeout().toSeconds()));
    config.getNetworkConfig().setPort(settings.port()).setPortAutoIncrement(false);
    config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface(settings.host());
    // A node that was cut off or paused and came back sits in a cluster of its own until the halves merge,
    // forwarding nothing: look for the others as soon as a loss could have been noticed, not after Hazelcast's 5 minutes.
    String merge = Long.toString(Math.max(10, Math.min(120, settings.memberTimeout().toSeconds() * 2)));
    config.setProperty("hazelcast.merge.first.run.delay.seconds", merge);
    config.setProperty("hazelcast.merge.next.run.delay.seconds", merge);
    // Hazelcast would otherwise listen on every address of the machine, cluster.host only choosing what it tells the others.
    config.setProperty("hazelcast.socket.bind.any", "false");
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getAutoDetectionConfig().setEnabled(false);
    join.getMulticastConfig().setEnabled(settings.multicast());
    join.getTcpIpConfig().setEnabled(!settings.members().isEmpty()).setMembers(settings.members());
    return config;
  }
}
