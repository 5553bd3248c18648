package org.accessline.transcripts.postgres;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.util.UUID;

/**
 * The PostgreSQL the tests use ({@code ACCESSLINE_TEST_PG}, default
 * postgresql://postgres@127.0.0.1:5432/test), and a schema of its own for each test.
 */
public final class TestPostgres {
  public static final String URI = System.getenv().getOrDefault("ACCESSLINE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test");

  private TestPostgres() {}

  /** Skips the test when no server answers, except with CI=true, where that fails it. */
  public static void require() {
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
    assumeTrue(up, "Skipping PostgreSQL tests: no server answers at " + URI + " (set ACCESSLINE_TEST_PG)");
  }

  public static String freshSchema(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  public static void dropSchema(String schema) {
    Vertx cleaner = Vertx.vertx();
    try {
      Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(URI)).using(cleaner).build();
      pool.query("DROP SCHEMA IF EXISTS " + schema + " CASCADE").execute().await();
      pool.close().await();
    } finally {
      cleaner.close().await();
    }
  }
}
