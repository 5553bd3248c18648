package org.accessline.transcripts.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.pgclient.PgConnectOptions;
import org.junit.jupiter.api.Test;

/** The JDBC URL Flyway migrates over names the server, database and SSL mode the reactive client uses, and never the password. */
class PgSchemaTest {
  private static String url(String storeUrl) {
    return PgSchema.jdbcUrl(PgConnectOptions.fromUri(storeUrl));
  }

  @Test
  void hostPortDatabaseAndSslModeComeFromTheStoreUrl() {
    assertEquals("jdbc:postgresql://db.example.gov:5433/accessline?sslmode=require&ApplicationName=accessline-migrations",
        url("postgresql://accessline:s3cret@db.example.gov:5433/accessline?sslmode=require"));
    assertEquals("jdbc:postgresql://127.0.0.1:5432/test?sslmode=disable&ApplicationName=accessline-migrations", url("postgresql://postgres@127.0.0.1:5432/test"));
  }

  @Test
  void verifyingModesCheckTheCertificateAgainstTheJvmTrustStore() {
    assertEquals("jdbc:postgresql://db.example.gov:5432/accessline?sslmode=verify-full&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory"
        + "&ApplicationName=accessline-migrations", url("postgresql://accessline@db.example.gov/accessline?sslmode=verify-full"));
  }

  @Test
  void anIpv6HostIsBracketedAndAnOddDatabaseNameEncoded() {
    assertEquals("jdbc:postgresql://[::1]:5432/records+%2F+2026?sslmode=disable&ApplicationName=accessline-migrations",
        url("postgresql://postgres@[::1]:5432/records%20%2F%202026"));
  }

  @Test
  void userAndPasswordGoApartFromTheUrl() {
    var dataSource = PgSchema.dataSource(PgConnectOptions.fromUri("postgresql://accessline:s3cret@db.example.gov/accessline"));
    assertEquals("accessline", dataSource.getUser());
    assertEquals("s3cret", dataSource.getPassword());
    assertEquals(-1, dataSource.getURL().indexOf("s3cret"));
  }

  @Test
  void aUnixSocketIsRefusedClearly() {
    var e = assertThrows(IllegalArgumentException.class, () -> url("postgresql://postgres@%2Fvar%2Frun%2Fpostgresql/test"));
    assertEquals("store.url: schema migrations reach PostgreSQL over TCP (JDBC); give a host name or address, not a Unix socket", e.getMessage());
  }
}
