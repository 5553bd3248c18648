package org.accessline.transcripts.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * One store's versioned schema, run by Flyway at start: its scripts in one classpath location,
 * checked against their checksums in {@value #HISTORY}, and the Java work some versions do after
 * their script, in the script's transaction. A released script is never edited; a change is a new
 * script with the next number, and an edited one stops the store from starting.
 *
 * <p>Releases before Flyway recorded the versions they had applied in {@value #LEGACY} instead. A
 * store found with that table and no Flyway history is baselined at the version it records, so
 * nothing is applied twice, and only newer scripts run. Every version Flyway applies is written
 * there too, because those releases still read it: an older gateway started on a newer store then
 * refuses it by name, where an empty table would have it try to create every table again.
 */
public final class SchemaMigrations {
  /** Flyway's own record of what it applied, with each script's checksum. */
  public static final String HISTORY = "flyway_schema_history";
  /** The version table of the releases before Flyway: version, script, applied_at. Kept in step with {@value #HISTORY}. */
  public static final String LEGACY = "schema_version";

  /** Java work a version does after its script, on the migration's connection and in its transaction. */
  @FunctionalInterface
  public interface AfterScript {
    void run(Connection connection) throws SQLException;
  }

  private final String store;
  private final String location;
  private final Map<String, AfterScript> afterScripts;
  private final boolean oneTransaction;

  /**
   * @param store the store's name, for messages ("The embedded store")
   * @param location where its scripts are, e.g. {@code classpath:db/migration/h2}
   * @param afterScripts by version ("5"), what runs after that version's script
   * @param oneTransaction all pending versions in one transaction, for a database whose DDL is
   *     transactional (PostgreSQL); otherwise each version has its own (H2 commits at each DDL)
   */
  public SchemaMigrations(String store, String location, Map<String, AfterScript> afterScripts, boolean oneTransaction) {
    this.store = store;
    this.location = location;
    this.afterScripts = Map.copyOf(afterScripts);
    this.oneTransaction = oneTransaction;
  }

  /**
   * Brings the schema up to date.
   *
   * @param schema the schema the tables live in (created if missing), or null for the connection's own
   * @param target the version to stop at (for testing an upgrade from an older one), or null for the latest
   * @throws IllegalStateException when an applied script differs from this build's, the schema is
   *     newer than this build knows, or a migration fails; the message says which
   */
  public MigrateResult migrate(DataSource dataSource, String schema, String target) {
    FluentConfiguration config = Flyway.configure(SchemaMigrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations(location)
        .failOnMissingLocations(true)
        .callbacks(new AfterScripts(afterScripts))
        .group(oneTransaction)
        // No pattern ignores anything: a version applied by a newer build is refused, not skipped.
        .ignoreMigrationPatterns(new String[0])
        .cleanDisabled(true);
    if (schema != null) config.schemas(schema).defaultSchema(schema);
    if (target != null) config.target(target);
    try {
      Optional<Integer> legacy = legacyVersion(dataSource, schema);
      if (legacy.isPresent()) {
        config.baselineOnMigrate(true).baselineVersion(MigrationVersion.fromVersion(legacy.get().toString()))
            .baselineDescription(LEGACY + " " + legacy.get() + ", from the release before Flyway");
      }
      Flyway flyway = config.load();
      MigrateResult result = flyway.migrate();
      keepLegacyTable(dataSource, schema, flyway.info().applied());
      return result;
    } catch (FlywayValidateException e) {
      throw new IllegalStateException(store + " will not start: the migrations applied to its database do not match this build's scripts in "
          + location + " (a released script must never change: restore it, and put the change in a new script). " + withoutAdvert(e.getMessage()), e);
    } catch (FlywayException | SQLException e) {
      throw new IllegalStateException(store + " could not bring its schema up to date: " + e.getMessage(), e);
    }
  }

  /** Writes each applied version that {@value #LEGACY} does not hold yet, creating the table as the releases before Flyway did. */
  private static void keepLegacyTable(DataSource dataSource, String schema, MigrationInfo[] applied) throws SQLException {
    String table = schema == null ? LEGACY : schema + "." + LEGACY;
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS " + table + " (version INT PRIMARY KEY, script VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
      int recorded;
      try (ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM " + table)) {
        rs.next();
        recorded = rs.getInt(1);
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, CURRENT_TIMESTAMP)")) {
        for (MigrationInfo info : applied) {
          if (info.getVersion() == null) continue;
          int version = Integer.parseInt(info.getVersion().getVersion());
          if (version <= recorded) continue;
          insert.setInt(1, version);
          insert.setString(2, info.getScript());
          insert.executeUpdate();
        }
      }
    }
  }

  /** Flyway's message without its closing pointer to a web page about other validation rules. */
  private static String withoutAdvert(String message) {
    return message == null ? "" : message.replaceAll("(?m)^Need more flexibility with validation rules\\?.*$", "").strip();
  }

  /**
   * The version the release before Flyway recorded, when its {@value #LEGACY} table is there and
   * Flyway's history is not: the schema to baseline at.
   */
  static Optional<Integer> legacyVersion(DataSource dataSource, String schema) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      String in = schema != null ? schema : c.getSchema();
      DatabaseMetaData meta = c.getMetaData();
      if (table(meta, in, HISTORY).isPresent()) return Optional.empty();
      Optional<String> legacy = table(meta, in, LEGACY);
      if (legacy.isEmpty()) return Optional.empty();
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(version) FROM " + legacy.get())) {
        int version = rs.next() ? rs.getInt(1) : 0;
        return version > 0 ? Optional.of(version) : Optional.empty();
      }
    }
  }

  /** The table's quoted, schema-qualified name as the database spells it, if it exists (names compared in any case). */
  private static Optional<String> table(DatabaseMetaData meta, String schema, String name) throws SQLException {
    try (ResultSet rs = meta.getTables(null, null, "%", null)) {
      while (rs.next()) {
        String in = rs.getString("TABLE_SCHEM");
        String table = rs.getString("TABLE_NAME");
        if (table.equalsIgnoreCase(name) && in != null && in.equalsIgnoreCase(schema)) return Optional.of('"' + in + "\".\"" + table + '"');
      }
    }
    return Optional.empty();
  }

  /** Runs a version's Java work after its script, before Flyway records the version as applied. */
  private record AfterScripts(Map<String, AfterScript> steps) implements Callback {
    @Override
    public boolean supports(Event event, Context context) {
      return event == Event.AFTER_EACH_MIGRATE && step(context).isPresent();
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
      return true;
    }

    @Override
    public void handle(Event event, Context context) {
      try {
        step(context).orElseThrow().run(context.getConnection());
      } catch (SQLException e) {
        throw new FlywayException("the Java step after version " + context.getMigrationInfo().getVersion() + " failed: " + e.getMessage(), e);
      }
    }

    @Override
    public String getCallbackName() {
      return "accessline after-script steps";
    }

    private Optional<AfterScript> step(Context context) {
      if (context.getMigrationInfo() == null || context.getMigrationInfo().getVersion() == null) return Optional.empty();
      return Optional.ofNullable(steps.get(context.getMigrationInfo().getVersion().getVersion()));
    }
  }
}
