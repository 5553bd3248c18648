package org.accessline.transcripts.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.transcripts.ReportStoreContract;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedReportsIT extends ReportStoreContract {
  @TempDir Path dir;

  @Override
  protected InteractionStore openStore() {
    EmbeddedInteractionStore embedded = new EmbeddedInteractionStore(dir);
    embedded.start().await();
    return embedded;
  }

  @Override
  protected Optional<List<String>> countsKeptAhead() {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(((EmbeddedInteractionStore) store).jdbcUrl());
        ResultSet rs = c.createStatement().executeQuery("SELECT * FROM report_rollup ORDER BY quarter_ms, channel, queue")) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        boolean any = false;
        for (int i = 1; i <= columns; i++) {
          row.append(rs.getMetaData().getColumnLabel(i)).append('=').append(rs.getString(i)).append(' ');
          if (i > 3 && rs.getLong(i) != 0) any = true;
        }
        if (any) rows.add(row.toString());
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return Optional.of(rows);
  }
}
