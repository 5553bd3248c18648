package org.accessline.transcripts.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Random;
import org.accessline.gateway.report.HandleBands;
import org.junit.jupiter.api.Test;

/** The figures from sums against H2's own aggregates over the values, so the rollup's answers are H2's to the last bit. */
class H2FiguresTest {
  @Test
  void averagesAndTheNinetiethPercentileAreWhatH2Computes() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:figures")) {
      c.createStatement().execute("CREATE TABLE v (g INT, x BIGINT)");
      Random random = new Random(7);
      try (PreparedStatement st = c.prepareStatement("INSERT INTO v VALUES (?, ?)")) {
        // Every count from 1 to 400 (small counts and rank ties), then random sizes and values, some exactly halfway at the 11th decimal.
        for (int g = 1; g <= 600; g++) {
          int n = g <= 400 ? g : 1 + random.nextInt(3000);
          for (int i = 0; i < n; i++) {
            st.setInt(1, g);
            st.setLong(2, g % 7 == 0 ? (i == 0 ? 3 : 0) : random.nextInt(5) == 0 ? 42 : random.nextInt(4_000_000));
            st.addBatch();
          }
        }
        st.executeBatch();
      }
      String sql = "SELECT g, COUNT(x), SUM(x), CAST(AVG(x) AS DOUBLE PRECISION), CAST(PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY x) AS DOUBLE PRECISION),"
          + " ARRAY_AGG(x ORDER BY x) FROM v GROUP BY g";
      try (ResultSet rs = c.createStatement().executeQuery(sql)) {
        while (rs.next()) {
          long n = rs.getLong(2);
          assertEquals(rs.getDouble(4), H2Figures.average(rs.getLong(3), n), "average of group " + rs.getInt(1));
          Object[] sorted = (Object[]) rs.getArray(6).getArray();
          assertEquals(rs.getDouble(5), ((Number) sorted[(int) H2Figures.ninetiethRank(n) - 1]).doubleValue(), "percentile of group " + rs.getInt(1));
        }
      }
    }
  }

  @Test
  void thereIsNoPercentileOfNothing() {
    assertEquals(1, H2Figures.ninetiethRank(1));
    assertEquals(9, H2Figures.ninetiethRank(10));
    assertThrows(IllegalArgumentException.class, () -> H2Figures.ninetiethRank(0));
  }

  @Test
  void theMigrationBandsHandleTimesAsHandleBandsDoes() throws Exception {
    String migration = Files.readString(Path.of("src/main/resources/db/migration/h2/V14__report_rollup.sql"));
    assertEquals(true, migration.contains("SET handle_band = " + HandleBands.sqlCase("ended_ms - answered_ms") + "\n"));
    String pg = Files.readString(Path.of("src/main/resources/db/migration/postgresql/V14__report_handle_bands.sql"));
    assertEquals(true, pg.contains("SET handle_band = " + HandleBands.sqlCase("ended_ms - answered_ms") + "\n"));
  }
}
