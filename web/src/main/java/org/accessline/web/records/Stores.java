package org.accessline.web.records;

import io.vertx.core.Vertx;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.transcripts.embedded.EmbeddedInteractionStore;
import org.accessline.transcripts.postgres.PostgresInteractionStore;
import org.accessline.web.config.AccesslineConfig;

/** Where the records are kept, as configured: the gateway and the records verifier open the same store. */
public final class Stores {
  private Stores() {}

  /** PostgreSQL when a store URL is configured, else the embedded file store in the data directory. */
  public static InteractionStore open(Vertx vertx, AccesslineConfig config) {
    return config.storeUrl().<InteractionStore>map(url -> new PostgresInteractionStore(vertx, url, config.storeSchema(), config.recordSeals()))
        .orElseGet(() -> new EmbeddedInteractionStore(config.dataDir(), config.recordSeals()));
  }
}
