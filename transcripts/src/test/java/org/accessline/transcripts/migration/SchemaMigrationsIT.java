package org.accessline.transcripts.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway's checks on a build's own scripts, on an H2 file: here the scripts are files in a folder, so
 * a test can edit one after it was applied, as a careless change to a released script would.
 */
class SchemaMigrationsIT {
  @TempDir Path dir;
  private Path scripts;
  private JdbcDataSource database;
  private int afterV2;

  @BeforeEach
  void scriptsAndDatabase() throws Exception {
    scripts = Files.createDirectories(dir.resolve("scripts"));
    Files.writeString(scripts.resolve("V1__notes.sql"), "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(200));\nINSERT INTO notes VALUES (1, 'a; b')");
    Files.writeString(scripts.resolve("V2__note_authors.sql"), "ALTER TABLE notes ADD COLUMN author VARCHAR(64)");
    database = new JdbcDataSource();
    database.setURL("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath());
  }

  private SchemaMigrations migrations() {
    return new SchemaMigrations("The test store", "filesystem:" + scripts, Map.of("2", c -> afterV2++), false);
  }

  @Test
  void scriptsRunOnceInOrderWithTheirJavaStepAndASemicolonInAStringIsNotASplit() throws Exception {
    assertEquals(2, migrations().migrate(database, null, null).migrationsExecuted);
    assertEquals(0, migrations().migrate(database, null, null).migrationsExecuted);
    assertEquals(1, afterV2);
    try (var c = database.getConnection(); var rs = c.createStatement().executeQuery("SELECT body FROM notes")) {
      rs.next();
      assertEquals("a; b", rs.getString(1));
    }
  }

  @Test
  void anEditedAppliedScriptIsRefusedWithTheVersionNamed() throws Exception {
    migrations().migrate(database, null, null);
    Files.writeString(scripts.resolve("V2__note_authors.sql"), "ALTER TABLE notes ADD COLUMN author VARCHAR(128)");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> migrations().migrate(database, null, null));
    assertTrue(e.getMessage().startsWith("The test store will not start: the migrations applied to its database do not match this build's scripts"), e.getMessage());
    assertTrue(e.getMessage().contains("checksum mismatch for migration version 2"), e.getMessage());
  }

  @Test
  void aDatabaseANewerBuildMigratedIsRefused() throws Exception {
    Files.writeString(scripts.resolve("V3__note_dates.sql"), "ALTER TABLE notes ADD COLUMN written DATE");
    migrations().migrate(database, null, null);
    Files.delete(scripts.resolve("V3__note_dates.sql"));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> migrations().migrate(database, null, null));
    assertTrue(e.getMessage().contains("not resolved locally"), e.getMessage());
  }
}
