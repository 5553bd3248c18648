package org.accessline.web.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Several gateway nodes as one: a Vert.x cluster over Hazelcast, found by a list of members (TCP-IP)
 * or by multicast. Off by default: one process with its own store needs none of it.
 *
 * @param members other nodes' Hazelcast addresses, {@code host} or {@code host:port}; empty with multicast
 * @param host the address this node's Hazelcast listens on and tells the others
 * @param port this node's Hazelcast port
 * @param heartbeat how often members tell each other they are alive
 * @param memberTimeout a member silent this long is taken for gone, and its conversations are taken over
 * @param takeoverJitter the longest random pause a survivor takes before trying to take over, so survivors do not all reload at once
 * @param ownerWait how long a node holds a command while no node owns the conversations (a takeover under way) before answering that it is unavailable
 * @param callHold how long a TTY or relay call stays up, silent, after its media stream dropped, for a surviving node to connect it again
 */
public record ClusterSettings(boolean enabled, String name, List<String> members, boolean multicast, String host, int port, Duration heartbeat,
    Duration memberTimeout, Duration takeoverJitter, Duration ownerWait, Duration callHold) {

  public ClusterSettings {
    if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) throw new IllegalArgumentException("cluster.name must be 1-64 letters, digits, '.', '_' or '-'");
    members = List.copyOf(members);
    for (String m : members) {
      if (!m.matches("[A-Za-z0-9.:\\[\\]-]{1,255}")) throw new IllegalArgumentException("cluster.members: " + m + " is not a host or host:port");
    }
    if (host == null || host.isBlank()) throw new IllegalArgumentException("cluster.host must not be empty");
    if (port < 1 || port > 65535) throw new IllegalArgumentException("cluster.port must be 1-65535");
    if (heartbeat == null || heartbeat.toSeconds() < 1 || heartbeat.toSeconds() > 60) throw new IllegalArgumentException("cluster.heartbeatSeconds must be 1-60");
    if (memberTimeout == null || memberTimeout.toSeconds() < 2 * heartbeat.toSeconds() || memberTimeout.toSeconds() > 600) {
      throw new IllegalArgumentException("cluster.memberTimeoutSeconds must be at least twice cluster.heartbeatSeconds and at most 600");
    }
    if (takeoverJitter == null || takeoverJitter.isNegative() || takeoverJitter.toMillis() > 60_000) throw new IllegalArgumentException("cluster.takeoverJitterMillis must be 0-60000");
    if (callHold == null || enabled && memberTimeout != null && callHold.compareTo(memberTimeout.plusSeconds(5)) < 0 || callHold.toSeconds() > 3600) {
      throw new IllegalArgumentException("cluster.callHoldSeconds must be at least cluster.memberTimeoutSeconds + 5 (a lost node is seen only after that) and at most 3600");
    }
    if (ownerWait == null || ownerWait.toSeconds() < 1 || ownerWait.toSeconds() > 600) throw new IllegalArgumentException("cluster.ownerWaitSeconds must be 1-600");
    if (enabled && members.isEmpty() && !multicast) {
      throw new IllegalArgumentException("cluster.enabled needs the other nodes: list them in cluster.members, or set cluster.multicast to find them on the local network");
    }
  }

  public static ClusterSettings off() {
    return new ClusterSettings(false, "accessline", List.of(), false, "127.0.0.1", 5701, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(90));
  }

  static ClusterSettings fromJson(JsonObject json, Function<String, Optional<String>> var) {
    ClusterSettings d = off();
    List<String> members = var.apply("CLUSTER_MEMBERS").map(v -> List.of(v.strip().split("\\s*,\\s*"))).orElseGet(() -> strings(json.getJsonArray("members")));
    return new ClusterSettings(
        var.apply("CLUSTER_ENABLED").map(Boolean::parseBoolean).orElse(json.getBoolean("enabled", d.enabled)),
        var.apply("CLUSTER_NAME").orElse(json.getString("name", d.name)),
        members,
        var.apply("CLUSTER_MULTICAST").map(Boolean::parseBoolean).orElse(json.getBoolean("multicast", d.multicast)),
        var.apply("CLUSTER_HOST").orElse(json.getString("host", d.host)),
        var.apply("CLUSTER_PORT").map(Integer::parseInt).orElse(json.getInteger("port", d.port)),
        Duration.ofSeconds(var.apply("CLUSTER_HEARTBEAT_SECONDS").map(Long::parseLong).orElse(json.getLong("heartbeatSeconds", d.heartbeat.toSeconds()))),
        Duration.ofSeconds(var.apply("CLUSTER_MEMBER_TIMEOUT_SECONDS").map(Long::parseLong)
            .orElse(json.getLong("memberTimeoutSeconds", d.memberTimeout.toSeconds()))),
        Duration.ofMillis(json.getLong("takeoverJitterMillis", d.takeoverJitter.toMillis())),
        Duration.ofSeconds(var.apply("CLUSTER_OWNER_WAIT_SECONDS").map(Long::parseLong).orElse(json.getLong("ownerWaitSeconds", d.ownerWait.toSeconds()))),
        Duration.ofSeconds(var.apply("CLUSTER_CALL_HOLD_SECONDS").map(Long::parseLong).orElse(json.getLong("callHoldSeconds", d.callHold.toSeconds()))));
  }

  private static List<String> strings(JsonArray array) {
    List<String> out = new ArrayList<>();
    if (array != null) for (int i = 0; i < array.size(); i++) out.add(array.getString(i));
    return out;
  }
}
