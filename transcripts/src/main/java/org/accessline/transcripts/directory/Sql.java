package org.accessline.transcripts.directory;

import java.util.ArrayList;
import java.util.List;

/** One SQL statement and its arguments, written for one dialect's placeholders. */
public record Sql(String text, List<Object> args) {
  public enum Dialect { H2, POSTGRES }

  public Sql {
    args = java.util.Collections.unmodifiableList(new ArrayList<>(args));
  }

  /** Collects arguments and answers each one's placeholder: {@code ?} for H2, {@code $n} for PostgreSQL. */
  static final class Params {
    private final Dialect dialect;
    private final List<Object> args = new ArrayList<>();

    Params(Dialect dialect) {
      this.dialect = dialect;
    }

    String add(Object value) {
      args.add(value);
      return dialect == Dialect.H2 ? "?" : "$" + args.size();
    }

    Sql sql(CharSequence text) {
      return new Sql(text.toString(), args);
    }
  }
}
