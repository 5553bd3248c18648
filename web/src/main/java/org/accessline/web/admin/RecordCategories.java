package org.accessline.web.admin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import org.accessline.gateway.store.Administration;
import org.accessline.web.config.WorkspaceSettings;

/**
 * The categories a record may be filed under, kept in the store and held here in memory. The
 * configuration's {@code records.categories} seeds the store on the first start only; afterwards an
 * administrator keeps the list, and each node reloads when one changes it.
 */
public final class RecordCategories {
  /** Event bus address published (to every node) after the list changes. */
  public static final String CHANGED = "accessline.records.categories-changed";
  private final java.util.function.Supplier<Administration> stored;
  private volatile WorkspaceSettings current;

  /** @param stored the store's categories, asked for only once the store has started */
  public RecordCategories(java.util.function.Supplier<Administration> stored, WorkspaceSettings configured) {
    this.stored = stored;
    this.current = configured;
  }

  /** The list with the rest of the workspace settings, as filing a record checks it. */
  public WorkspaceSettings settings() {
    return current;
  }

  public List<String> list() {
    return current.categories();
  }

  /** Seeds the store from the configuration if it has none, then loads; and reloads whenever any node changes the list. */
  public Future<Void> start(Vertx vertx) {
    vertx.eventBus().<String>consumer(CHANGED, m -> reload());
    return stored.get().seedCategories(current.categories()).compose(v -> reload());
  }

  Future<Void> reload() {
    return stored.get().categories().map(stored -> {
      if (!stored.isEmpty()) current = new WorkspaceSettings(stored, current.residentNamesKeyFile());
      return null;
    });
  }
}
