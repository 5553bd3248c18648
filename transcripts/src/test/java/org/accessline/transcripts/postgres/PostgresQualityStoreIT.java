package org.accessline.transcripts.postgres;

import org.accessline.gateway.store.InteractionStore;
import org.accessline.transcripts.QualityStoreContract;
import org.accessline.transcripts.seal.RecordSeals;
import org.junit.jupiter.api.BeforeAll;

/** The quality review contract on a real PostgreSQL, each test in a schema of its own. */
class PostgresQualityStoreIT extends QualityStoreContract {
  private final String schema = TestPostgres.freshSchema("quality");
  @org.junit.jupiter.api.io.TempDir java.nio.file.Path sealDir;

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
}
