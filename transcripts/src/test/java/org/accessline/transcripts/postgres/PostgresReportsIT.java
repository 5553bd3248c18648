package org.accessline.transcripts.postgres;

import java.nio.file.Path;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.transcripts.ReportStoreContract;
import org.accessline.transcripts.seal.RecordSeals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The report contract on a real PostgreSQL, each test in a schema of its own. */
class PostgresReportsIT extends ReportStoreContract {
  private final String schema = TestPostgres.freshSchema("reports");
  @TempDir Path sealDir;

  @BeforeAll
  static void requireServer() {
    TestPostgres.require();
  }

  @Override
  protected InteractionStore openStore() {
    PostgresInteractionStore pg = new PostgresInteractionStore(vertx, TestPostgres.URI, schema, RecordSeals.in(sealDir));
    pg.start().await();
    return pg;
  }

  @AfterEach
  void dropSchema() {
    TestPostgres.dropSchema(schema);
  }
}
