package org.accessline.transcripts.postgres;

import org.accessline.gateway.store.InteractionStore;
import org.accessline.transcripts.DirectoryContract;
import org.accessline.transcripts.seal.RecordSeals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The directory contract on a real PostgreSQL, each test in a schema of its own. */
class PostgresDirectoryIT extends DirectoryContract {
  private final String schema = TestPostgres.freshSchema("directory");
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

  @AfterEach
  void dropSchema() {
    TestPostgres.dropSchema(schema);
  }
}
