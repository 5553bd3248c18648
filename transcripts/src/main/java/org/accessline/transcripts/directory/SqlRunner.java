package org.accessline.transcripts.directory;

import io.vertx.core.Future;
import java.util.List;

/** What a store lends the directory: reads, and writes of several statements in one transaction, durable before they complete. */
public interface SqlRunner {
  Future<List<Row>> query(Sql sql);

  /**
   * Runs the statements in order in one transaction: all or none. A row naming an agency that is not
   * kept fails with {@link org.accessline.gateway.directory.Directory.UnknownAgency}.
   */
  Future<Void> transaction(List<Sql> statements);

  /**
   * Whether every write to these tables passes through this runner (one process owns the database), so
   * what the directory reads may be kept between searches until it writes again.
   */
  default boolean soleWriter() {
    return false;
  }
}
