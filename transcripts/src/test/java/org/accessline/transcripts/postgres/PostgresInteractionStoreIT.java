package org.accessline.transcripts.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
  static final String URI = System.getenv().getOrDefault("ACCESSLINE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test");
  private final String schema = "contract_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

  @BeforeAll
  static void requireServer() {
    Vertx probe = Vertx.vertx();
    boolean up;
    try {
      Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(URI)).using(probe).build();
      up = pool.query("SELECT 1").execute().map(r -> true).otherwise(false).await();
      pool.close().await();
    } catch (Exception e) {
      up = false;
    } finally {
      probe.close().await();
    }
    if (!up && "true".equals(System.getenv("CI"))) fail("CI=true but PostgreSQL does not answer at " + URI + "; .ci/run starts it");
    assumeTrue(up, "Skipping PostgreSQL store tests: no server answers at " + URI + " (set ACCESSLINE_TEST_PG)");
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
    Vertx cleaner = Vertx.vertx();
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(URI)).using(cleaner).build();
    pool.query("DROP SCHEMA IF EXISTS " + schema + " CASCADE").execute().await();
    pool.close().await();
    cleaner.close().await();
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
