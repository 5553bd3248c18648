package org.accessline.transcripts.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.directory.Agency;
import org.accessline.gateway.directory.DirectoryQuery;
import org.accessline.gateway.directory.Opening;
import org.accessline.gateway.directory.Reach;
import org.accessline.gateway.directory.SearchDocument;
import org.accessline.gateway.directory.ServiceEntry;
import org.accessline.transcripts.directory.Sql.Dialect;

/** The directory's statements for either store: writes as lists run in one transaction, and the search as one query. */
public final class DirectorySql {
  static final String REACH = "phone, tty, video_phone, text_number, web, address";
  /** The columns {@link DirectoryRows#hit} reads, in order: the service's 17, then its agency's 12, then the score. */
  static final String HIT_COLUMNS = "s.id, s.agency_id, s.name, s.description, s.service_area, s.eligibility, s.accessibility, "
      + "s.phone, s.tty, s.video_phone, s.text_number, s.web, s.address, s.verified_on, s.verified_by, s.updated_at, s.updated_by, "
      + "a.id, a.name, a.description, a.zone, a.phone, a.tty, a.video_phone, a.text_number, a.web, a.address, a.updated_at, a.updated_by";
  private static final String FROM = " FROM directory_services s JOIN directory_agencies a ON a.id = s.agency_id";

  private final Dialect dialect;

  public DirectorySql(Dialect dialect) {
    this.dialect = dialect;
  }

  public List<Sql> saveAgency(Agency a) {
    List<Sql> out = new ArrayList<>();
    Sql.Params p = new Sql.Params(dialect);
    String values = String.join(", ", p.add(a.id()), p.add(a.name()), p.add(a.description()), p.add(a.zone().getId()), reach(p, a.reach()),
        p.add(time(a.updatedAt())), p.add(a.updatedBy()));
    out.add(p.sql(upsert("directory_agencies", "id, name, description, zone, " + REACH + ", updated_at, updated_by", values)));
    Sql.Params d = new Sql.Params(dialect);
    out.add(d.sql("DELETE FROM directory_closures WHERE agency_id = " + d.add(a.id())));
    for (LocalDate day : a.closures()) {
      Sql.Params c = new Sql.Params(dialect);
      out.add(c.sql("INSERT INTO directory_closures (agency_id, closed_on) VALUES (" + c.add(a.id()) + ", " + c.add(day) + ")"));
    }
    return out;
  }

  public List<Sql> saveService(ServiceEntry s, String agencyName) {
    List<Sql> out = new ArrayList<>();
    SearchDocument doc = SearchDocument.of(s, agencyName);
    Sql.Params p = new Sql.Params(dialect);
    StringBuilder values = new StringBuilder(String.join(", ", p.add(s.id()), p.add(s.agencyId()), p.add(s.name()), p.add(s.description()),
        p.add(s.serviceArea()), p.add(s.eligibility()), p.add(s.accessibility()), reach(p, s.reach()),
        p.add(s.verified().map(v -> (Object) v.on()).orElse(null)), p.add(s.verified().map(v -> v.by()).orElse(null)),
        p.add(time(s.updatedAt())), p.add(s.updatedBy())));
    String columns = "id, agency_id, name, description, service_area, eligibility, accessibility, " + REACH + ", verified_on, verified_by, updated_at, updated_by";
    if (dialect == Dialect.POSTGRES) {
      columns += ", search";
      values.append(", setweight(to_tsvector('simple', ").append(p.add(doc.name())).append("), 'A') || setweight(to_tsvector('simple', ")
          .append(p.add(doc.agency())).append("), 'B') || setweight(to_tsvector('simple', ").append(p.add(doc.description()))
          .append("), 'C') || setweight(to_tsvector('simple', ").append(p.add(doc.rest())).append("), 'D')");
    }
    out.add(p.sql(upsert("directory_services", columns, values.toString())));
    List<String> children = new ArrayList<>(List.of("directory_hours", "directory_languages"));
    if (dialect == Dialect.H2) children.add("directory_words");
    for (String table : children) {
      Sql.Params d = new Sql.Params(dialect);
      out.add(d.sql("DELETE FROM " + table + " WHERE service_id = " + d.add(s.id())));
    }
    for (Opening o : s.week()) {
      Sql.Params h = new Sql.Params(dialect);
      out.add(h.sql("INSERT INTO directory_hours (service_id, weekday, opens, closes) VALUES (" + h.add(s.id()) + ", " + h.add(o.day().getValue()) + ", "
          + h.add(o.opensMinute()) + ", " + h.add(o.closesMinute()) + ")"));
    }
    for (String language : s.languages()) {
      Sql.Params l = new Sql.Params(dialect);
      out.add(l.sql("INSERT INTO directory_languages (service_id, language) VALUES (" + l.add(s.id()) + ", " + l.add(language) + ")"));
    }
    if (dialect == Dialect.H2) {
      for (Map.Entry<String, Integer> w : doc.weighted().entrySet()) {
        Sql.Params i = new Sql.Params(dialect);
        out.add(i.sql("INSERT INTO directory_words (word, service_id, weight) VALUES (" + i.add(w.getKey()) + ", " + i.add(s.id()) + ", " + i.add(w.getValue()) + ")"));
      }
    }
    return out;
  }

  /** The services matching the query, best first; the zones are every zone the directory's agencies keep hours in. */
  public Sql search(DirectoryQuery q, List<ZoneId> zones) {
    Sql.Params p = new Sql.Params(dialect);
    StringBuilder sql = new StringBuilder();
    boolean words = !q.terms().isEmpty();
    if (words && dialect == Dialect.H2) {
      // Each group scores its best term, a word the resident typed counting twice a synonym; every group must match.
      StringBuilder terms = new StringBuilder();
      for (int g = 0; g < q.terms().size(); g++) {
        boolean typed = true;
        for (String term : q.terms().get(g)) {
          if (terms.length() > 0) terms.append(", ");
          terms.append("(CAST(").append(p.add(term)).append(" AS VARCHAR(40)), CAST(").append(p.add(g)).append(" AS INT), CAST(")
              .append(p.add(typed ? 2 : 1)).append(" AS INT))");
          typed = false;
        }
      }
      sql.append("SELECT ").append(HIT_COLUMNS).append(", m.score").append(FROM)
          .append(" JOIN (SELECT b.service_id, SUM(b.best) AS score FROM (SELECT w.service_id, q.grp, MAX(w.weight * q.factor) AS best")
          .append(" FROM directory_words w JOIN (VALUES ").append(terms).append(") AS q (term, grp, factor) ON w.word = q.term")
          .append(" GROUP BY w.service_id, q.grp) b GROUP BY b.service_id HAVING COUNT(*) = ").append(p.add(q.terms().size()))
          .append(") m ON m.service_id = s.id");
    } else if (words) {
      // The words the resident typed rank again on their own, above a match by synonym only.
      sql.append("SELECT ").append(HIT_COLUMNS).append(", ts_rank(s.search, tq) + ts_rank(s.search, typed) AS score").append(FROM)
          .append(" CROSS JOIN to_tsquery('simple', ").append(p.add(tsQuery(q.terms()))).append(") AS tq")
          .append(" CROSS JOIN to_tsquery('simple', ").append(p.add(typedQuery(q.terms()))).append(") AS typed");
    } else {
      sql.append("SELECT ").append(HIT_COLUMNS).append(", 0 AS score").append(FROM);
    }
    if (q.openAt().isPresent()) {
      if (zones.isEmpty()) zones = List.of(ZoneOffset.UTC);
      StringBuilder now = new StringBuilder();
      for (ZoneId zone : zones) {
        SearchDocument.LocalNow l = SearchDocument.LocalNow.of(zone, q.openAt().get());
        if (now.length() > 0) now.append(", ");
        now.append("(CAST(").append(p.add(l.zone())).append(" AS VARCHAR(64)), CAST(").append(p.add(l.day())).append(" AS INT), CAST(")
            .append(p.add(l.minute())).append(" AS INT), CAST(").append(p.add(l.date())).append(" AS DATE))");
      }
      sql.append(" JOIN (VALUES ").append(now).append(") AS n (n_zone, n_weekday, n_minute, n_date) ON n.n_zone = a.zone");
    }
    sql.append(" WHERE 1 = 1");
    if (words && dialect == Dialect.POSTGRES) sql.append(" AND s.search @@ tq");
    if (q.openAt().isPresent()) {
      sql.append(" AND EXISTS (SELECT 1 FROM directory_hours h WHERE h.service_id = s.id AND h.weekday = n.n_weekday AND h.opens <= n.n_minute AND h.closes > n.n_minute)")
          .append(" AND NOT EXISTS (SELECT 1 FROM directory_closures x WHERE x.agency_id = a.id AND x.closed_on = n.n_date)");
    }
    q.language().ifPresent(l -> sql.append(" AND EXISTS (SELECT 1 FROM directory_languages l WHERE l.service_id = s.id AND l.language = ")
        .append(p.add(l.toLowerCase(java.util.Locale.ROOT))).append(")"));
    if (q.ttyOnly()) sql.append(" AND s.tty IS NOT NULL");
    sql.append(" ORDER BY score DESC, s.name, s.id LIMIT ").append(p.add(q.limit()));
    return p.sql(sql);
  }

  public Sql stale(LocalDate notBefore, int limit) {
    Sql.Params p = new Sql.Params(dialect);
    return p.sql("SELECT " + HIT_COLUMNS + ", 0 AS score" + FROM + " WHERE s.verified_on IS NULL OR s.verified_on < " + p.add(notBefore)
        + " ORDER BY s.verified_on NULLS FIRST, s.name, s.id LIMIT " + p.add(limit));
  }

  public Sql service(String id) {
    Sql.Params p = new Sql.Params(dialect);
    return p.sql("SELECT " + HIT_COLUMNS + ", 0 AS score" + FROM + " WHERE s.id = " + p.add(id));
  }

  public Sql servicesOf(String agencyId) {
    Sql.Params p = new Sql.Params(dialect);
    return p.sql("SELECT " + HIT_COLUMNS + ", 0 AS score" + FROM + " WHERE s.agency_id = " + p.add(agencyId) + " ORDER BY s.id");
  }

  public Sql allServices() {
    return new Sql("SELECT " + HIT_COLUMNS + ", 0 AS score" + FROM + " ORDER BY s.agency_id, s.id", List.of());
  }

  public Sql agency(String id) {
    Sql.Params p = new Sql.Params(dialect);
    return p.sql("SELECT id, name, description, zone, " + REACH + ", updated_at, updated_by FROM directory_agencies WHERE id = " + p.add(id));
  }

  public Sql allAgencies() {
    return new Sql("SELECT id, name, description, zone, " + REACH + ", updated_at, updated_by FROM directory_agencies ORDER BY id", List.of());
  }

  public Sql zones() {
    return new Sql("SELECT DISTINCT zone FROM directory_agencies", List.of());
  }

  /**
   * The services' hours and languages and the agencies' closures in one statement, so a search costs one
   * round trip for them instead of three: rows of (kind 'h', 'l' or 'c', id, day, opens, closes, language, closed on).
   */
  public Sql details(Set<String> services, Set<String> agencies) {
    Sql.Params p = new Sql.Params(dialect);
    String svc = marks(p, services);
    String hours = "SELECT CAST('h' AS VARCHAR(1)) AS kind, service_id AS id, CAST(weekday AS INT) AS a, CAST(opens AS INT) AS b, CAST(closes AS INT) AS c,"
        + " CAST(NULL AS VARCHAR(24)) AS t, CAST(NULL AS DATE) AS d FROM directory_hours WHERE service_id IN " + svc;
    String languages = "SELECT 'l', service_id, CAST(NULL AS INT), CAST(NULL AS INT), CAST(NULL AS INT), language, CAST(NULL AS DATE)"
        + " FROM directory_languages WHERE service_id IN " + marks(p, services);
    String closures = "SELECT 'c', agency_id, CAST(NULL AS INT), CAST(NULL AS INT), CAST(NULL AS INT), CAST(NULL AS VARCHAR(24)), closed_on"
        + " FROM directory_closures WHERE agency_id IN " + marks(p, agencies);
    return p.sql(hours + " UNION ALL " + languages + " UNION ALL " + closures + " ORDER BY 1, 2, 3, 4, 6, 7");
  }

  private static String marks(Sql.Params p, Set<String> ids) {
    if (ids.isEmpty()) return "(" + p.add("") + ")";
    List<String> marks = new ArrayList<>();
    for (String id : ids) marks.add(p.add(id));
    return "(" + String.join(", ", marks) + ")";
  }

  /** Rows of (service id, day, opens, closes) for the services. */
  public Sql hours(Set<String> services) {
    return in("SELECT service_id, weekday, opens, closes FROM directory_hours WHERE service_id IN ", services, " ORDER BY service_id, weekday, opens");
  }

  public Sql languages(Set<String> services) {
    return in("SELECT service_id, language FROM directory_languages WHERE service_id IN ", services, " ORDER BY service_id, language");
  }

  public Sql closures(Set<String> agencies) {
    return in("SELECT agency_id, closed_on FROM directory_closures WHERE agency_id IN ", agencies, " ORDER BY agency_id, closed_on");
  }

  public Sql allHours() {
    return new Sql("SELECT service_id, weekday, opens, closes FROM directory_hours ORDER BY service_id, weekday, opens", List.of());
  }

  public Sql allLanguages() {
    return new Sql("SELECT service_id, language FROM directory_languages ORDER BY service_id, language", List.of());
  }

  public Sql allClosures() {
    return new Sql("SELECT agency_id, closed_on FROM directory_closures ORDER BY agency_id, closed_on", List.of());
  }

  public Sql referralsByAgency(Instant from, Instant to) {
    Sql.Params p = new Sql.Params(dialect);
    // An agency renamed within the range is shown by the name its latest referral gave it.
    String latestName = "(SELECT l.agency_name FROM referrals l WHERE l.agency_id = r.agency_id AND l.referred_at >= " + p.add(time(from))
        + " AND l.referred_at < " + p.add(time(to)) + " ORDER BY l.referred_at DESC, l.conversation_num DESC, l.seq DESC LIMIT 1)";
    return p.sql("SELECT r.agency_id, " + latestName + ", COUNT(*) AS n FROM referrals r WHERE r.referred_at >= " + p.add(time(from))
        + " AND r.referred_at < " + p.add(time(to)) + " GROUP BY r.agency_id ORDER BY n DESC, r.agency_id");
  }

  private Sql in(String head, Set<String> ids, String tail) {
    Sql.Params p = new Sql.Params(dialect);
    if (ids.isEmpty()) return p.sql(head + "(" + p.add("") + ")" + tail);
    List<String> marks = new ArrayList<>();
    for (String id : ids) marks.add(p.add(id));
    return p.sql(head + "(" + String.join(", ", marks) + ")" + tail);
  }

  private String upsert(String table, String columns, String values) {
    if (dialect == Dialect.H2) return "MERGE INTO " + table + " (" + columns + ") KEY (id) VALUES (" + values + ")";
    StringBuilder set = new StringBuilder();
    for (String c : columns.split(",\\s*")) {
      if (c.equals("id")) continue;
      if (set.length() > 0) set.append(", ");
      set.append(c).append(" = EXCLUDED.").append(c);
    }
    return "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ") ON CONFLICT (id) DO UPDATE SET " + set;
  }

  private static String reach(Sql.Params p, Reach r) {
    return String.join(", ", p.add(r.phone().orElse(null)), p.add(r.tty().orElse(null)), p.add(r.videoPhone().orElse(null)), p.add(r.text().orElse(null)),
        p.add(r.web().orElse(null)), p.add(r.address().orElse(null)));
  }

  /** A PostgreSQL text-search query: every group, each any of its terms. Terms are folded words, letters and digits only. */
  static String tsQuery(List<Set<String>> groups) {
    List<String> parts = new ArrayList<>();
    for (Set<String> g : groups) parts.add("(" + String.join(" | ", g) + ")");
    return String.join(" & ", parts);
  }

  /** Any of the words as typed, each group's first term. */
  static String typedQuery(List<Set<String>> groups) {
    List<String> typed = new ArrayList<>();
    for (Set<String> g : groups) typed.add(g.iterator().next());
    return String.join(" | ", typed);
  }

  static OffsetDateTime time(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }

  static Optional<String> text(String value) {
    return Optional.ofNullable(value);
  }
}
