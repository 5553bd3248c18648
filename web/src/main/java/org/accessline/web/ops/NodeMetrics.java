package org.accessline.web.ops;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.Optional;
import org.accessline.gateway.channel.GatewayMeter;
import org.accessline.web.config.AccesslineConfig;
import org.accessline.web.config.Operations;

/**
 * One node's metrics: a Prometheus registry that Vert.x reports its HTTP and socket metrics to and
 * the gateway its own ({@link MicrometerGatewayMeter}). With {@code metrics.enabled} off there is no
 * registry, Vert.x measures nothing, and {@code /metrics} does not exist.
 */
public final class NodeMetrics {
  private final Optional<PrometheusMeterRegistry> registry;
  private final GatewayMeter meter;

  private NodeMetrics(Optional<PrometheusMeterRegistry> registry) {
    this.registry = registry;
    this.meter = registry.<GatewayMeter>map(MicrometerGatewayMeter::new).orElse(GatewayMeter.NONE);
  }

  public static NodeMetrics of(AccesslineConfig config) {
    Operations ops = config.operations();
    if (!ops.metricsEnabled()) return off();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("node", ops.nodeId());
    return new NodeMetrics(Optional.of(registry));
  }

  public static NodeMetrics off() {
    return new NodeMetrics(Optional.empty());
  }

  /** A Vert.x instance that reports to this registry (or a plain one when metrics are off). */
  public Vertx vertx() {
    if (registry.isEmpty()) return Vertx.vertx();
    MicrometerMetricsOptions options = new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true);
    return Vertx.builder().with(new VertxOptions().setMetricsOptions(options)).withMetrics(new MicrometerMetricsFactory(registry.get())).build();
  }

  /** The same, joined to a cluster through {@code manager}; {@code options} carry the event bus's address. */
  public Future<Vertx> clusteredVertx(VertxOptions options, ClusterManager manager) {
    if (registry.isEmpty()) return Vertx.builder().with(options).withClusterManager(manager).buildClustered();
    options.setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true));
    return Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(registry.get())).withClusterManager(manager).buildClustered();
  }

  public Optional<PrometheusMeterRegistry> registry() {
    return registry;
  }

  public GatewayMeter meter() {
    return meter;
  }
}
