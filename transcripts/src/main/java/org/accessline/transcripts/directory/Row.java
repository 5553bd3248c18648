package org.accessline.transcripts.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One row read whole into memory, from JDBC or the PostgreSQL client, with their value types told apart here. */
public record Row(Object[] values) implements DirectoryRows.Cells {

  @Override
  public String text(int column) {
    Object v = values[column];
    return v == null ? null : v.toString();
  }

  @Override
  public LocalDate date(int column) {
    Object v = values[column];
    if (v == null) return null;
    if (v instanceof LocalDate d) return d;
    if (v instanceof java.sql.Date d) return d.toLocalDate();
    return LocalDate.parse(v.toString());
  }

  @Override
  public Instant time(int column) {
    Object v = values[column];
    if (v == null) return null;
    if (v instanceof OffsetDateTime t) return t.toInstant();
    if (v instanceof java.sql.Timestamp t) return t.toInstant();
    if (v instanceof java.time.ZonedDateTime t) return t.toInstant();
    if (v instanceof Instant t) return t;
    throw new IllegalStateException("not a time: " + v.getClass());
  }

  @Override
  public long number(int column) {
    return ((Number) values[column]).longValue();
  }

  @Override
  public double decimal(int column) {
    return ((Number) values[column]).doubleValue();
  }
}
