package org.accessline.transcripts.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.transcripts.InteractionStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract on a real PostgreSQL ({@code ACCESSLINE_TEST_PG}, default
 * postgresql://postgres@127.0.0.1:5432/test), each test in a schema of its own. Outside CI it skips
 * with a clear message when no server answers; with CI=true it must run.
 */
class PostgresInteractionStoreIT extends InteractionStoreContract {
  private static final String URI = TestPostgres.URI;
  private final String schema = TestPostgres.freshSchema("contract");

  @BeforeAll
  static void requireServer() {
    TestPostgres.require();
  }

  @Override
  protected InteractionStore openStore() {
    PostgresInteractionStore pg = new PostgresInteractionStore(vertx, URI, schema);
    pg.start().await();
    return pg;
  }

  @Override
  protected void alterEvent(ConversationId conversation, long seq, String from, String to) {
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(URI).addProperty("search_path", schema)).using(vertx).build();
    try {
      int changed = pool.preparedQuery("UPDATE entries SET event = replace(event, $1, $2) WHERE seq = $3 AND conversation_num = (SELECT num FROM conversations WHERE id = $4)")
          .execute(Tuple.of(from, to, seq, UUID.fromString(conversation.value()))).await().rowCount();
      assertEquals(1, changed);
    } finally {
      pool.close().await();
    }
  }

  @AfterEach
  void dropSchema() {
    TestPostgres.dropSchema(schema);
  }

  @Test
  void migrationsAreRecordedOnceAndAStartOnAMigratedSchemaChangesNothing() {
    store.close().await();
    store = openStore();
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(URI).addProperty("search_path", schema)).using(vertx).build();
    try {
      assertEquals(PostgresInteractionStore.SCRIPTS.size(), pool.query("SELECT count(*) FROM schema_version").execute().await().iterator().next().getLong(0).intValue());
    } finally {
      pool.close().await();
    }
  }
}
