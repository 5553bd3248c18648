package org.accessline.web.config;

import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.Function;

/**
 * What operators configure about the running node rather than the center: how it logs, the name it
 * logs under, and how its metrics are served.
 *
 * @param nodeId this node's name in every log event and metric
 * @param metricsEnabled whether Vert.x and the gateway record metrics at all
 * @param metricsToken a bearer token that may read {@code /metrics}; supervisors signed in may too
 * @param metricsPort a separate management port for {@code /metrics}; empty to serve it on the main port
 * @param metricsHost the address the management port listens on
 */
public record Operations(LogFormat logFormat, String nodeId, boolean metricsEnabled, Optional<String> metricsToken, Optional<Integer> metricsPort,
    String metricsHost) {

  public Operations {
    if (logFormat == null) throw new IllegalArgumentException("log.format must be json or text");
    if (nodeId == null || !nodeId.matches("[A-Za-z0-9._-]{1,64}")) throw new IllegalArgumentException("nodeId must be 1-64 letters, digits, dots, dashes or underscores");
    if (metricsToken == null || metricsPort == null || metricsHost == null || metricsHost.isBlank()) throw new IllegalArgumentException("metrics settings must be given");
    metricsToken.filter(t -> t.length() < 16).ifPresent(t -> {
      throw new IllegalArgumentException("metrics.token must be at least 16 characters");
    });
    metricsPort.filter(p -> p < 0 || p > 65535).ifPresent(p -> {
      throw new IllegalArgumentException("metrics.port must be 0-65535 (0 picks a free port)");
    });
  }

  public static Operations defaults() {
    return new Operations(LogFormat.TEXT, hostName(), true, Optional.empty(), Optional.empty(), "127.0.0.1");
  }

  static Operations fromJson(JsonObject json, Function<String, Optional<String>> var) {
    Operations d = defaults();
    JsonObject log = json.getJsonObject("log", new JsonObject());
    JsonObject metrics = json.getJsonObject("metrics", new JsonObject());
    return new Operations(
        LogFormat.parse(var.apply("LOG_FORMAT").orElse(log.getString("format", "text"))),
        var.apply("NODE_ID").orElse(json.getString("nodeId", d.nodeId())),
        var.apply("METRICS_ENABLED").map(Boolean::parseBoolean).orElse(metrics.getBoolean("enabled", d.metricsEnabled())),
        var.apply("METRICS_TOKEN").or(() -> Optional.ofNullable(metrics.getString("token"))),
        var.apply("METRICS_PORT").map(Integer::parseInt).or(() -> Optional.ofNullable(metrics.getInteger("port"))),
        var.apply("METRICS_HOST").orElse(metrics.getString("host", d.metricsHost())));
  }

  /** The host's name as the system knows it, cut to what a node id may hold. */
  private static String hostName() {
    String name = Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()).orElseGet(() -> {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        return "node";
      }
    });
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "-");
    return safe.isEmpty() ? "node" : safe.substring(0, Math.min(64, safe.length()));
  }
}
