package org.accessline.web.open311;

import org.accessline.web.config.Open311Config;
import org.accessline.web.config.Open311Format;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Optional;
import org.accessline.gateway.store.InteractionStore;

/** The one client, outbox and API a process shares, built when an endpoint is configured. */
public record Open311Parts(GeoReportClient client, ServiceRequestOutbox outbox, ServiceRequestsApi api) {
  public static Optional<Open311Parts> of(Vertx vertx, Open311Config config, InteractionStore store, Clock clock) {
    return of(vertx, config, store, clock, false);
  }

  /** {@code clustered}: the outbox claims each request in the store before working it, as it must with several nodes. */
  public static Optional<Open311Parts> of(Vertx vertx, Open311Config config, InteractionStore store, Clock clock, boolean clustered) {
    if (!config.enabled()) return Optional.empty();
    GeoReportClient client = new GeoReportClient(vertx, config);
    ServiceRequestOutbox outbox = new ServiceRequestOutbox(vertx, store.serviceRequests(), client, clock, config, clustered);
    return Optional.of(new Open311Parts(client, outbox, new ServiceRequestsApi(store, client, outbox, clock)));
  }
}
