package org.accessline.transcripts.directory;

import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.directory.Agency;
import org.accessline.gateway.directory.Directory;
import org.accessline.gateway.directory.DirectoryHit;
import org.accessline.gateway.directory.DirectoryQuery;
import org.accessline.gateway.directory.ReferralCount;
import org.accessline.gateway.directory.ServiceEntry;

/** The directory on either store: the statements of {@link DirectorySql}, run by the store's {@link SqlRunner}. */
public final class SqlDirectory implements Directory {
  private final SqlRunner db;
  private final DirectorySql sql;
  private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();
  private volatile List<ZoneId> keptZones;

  public SqlDirectory(SqlRunner db, Sql.Dialect dialect) {
    this.db = db;
    this.sql = new DirectorySql(dialect);
  }

  @Override
  public Future<Void> saveAgency(Agency agency) {
    // The agency's name is indexed with each of its services, so they are indexed again with it.
    return completed(db.query(sql.servicesOf(agency.id()))).compose(services -> {
          List<Sql> all = new ArrayList<>(sql.saveAgency(agency));
          for (DirectoryHit h : services) all.addAll(sql.saveService(h.service(), agency.name()));
          return written(db.transaction(all));
        });
  }

  @Override
  public Future<Void> saveService(ServiceEntry service) {
    return agency(service.agencyId()).compose(agency -> agency.isEmpty() ? Future.failedFuture(new UnknownAgency(service.agencyId()))
        : written(db.transaction(sql.saveService(service, agency.get().name()))));
  }

  @Override
  public Future<Optional<Agency>> agency(String id) {
    return db.query(sql.agency(id)).compose(rows -> rows.isEmpty() ? Future.succeededFuture(Optional.<Agency>empty())
        : db.query(sql.closures(Set.of(id))).map(days -> Optional.of(DirectoryRows.agency(rows.get(0), 0, days.stream().map(d -> d.date(1)).toList()))));
  }

  @Override
  public Future<Optional<DirectoryHit>> service(String id) {
    return completed(db.query(sql.service(id))).map(hits -> hits.stream().findFirst());
  }

  @Override
  public Future<List<DirectoryHit>> search(DirectoryQuery query) {
    Future<List<ZoneId>> zones = query.openAt().isEmpty() ? Future.succeededFuture(List.of()) : zones();
    return zones.compose(z -> completed(db.query(sql.search(query, z))));
  }

  /** The agencies' time zones, kept between searches only while no other process can write them. */
  private Future<List<ZoneId>> zones() {
    List<ZoneId> known = keptZones;
    if (known != null) return Future.succeededFuture(known);
    long generation = writes.get();
    return db.query(sql.zones()).map(rows -> {
      List<ZoneId> read = rows.stream().map(r -> ZoneId.of(r.text(0))).toList();
      if (db.soleWriter()) {
        synchronized (writes) {
          // A write that completed while this read ran may have added a zone this read missed.
          if (writes.get() == generation) keptZones = read;
        }
      }
      return read;
    });
  }

  /** Runs a write, then forgets the kept zones, whether or not it committed. */
  private Future<Void> written(Future<Void> write) {
    return write.andThen(done -> {
      synchronized (writes) {
        writes.incrementAndGet();
        keptZones = null;
      }
    });
  }

  @Override
  public Future<List<DirectoryHit>> stale(LocalDate notBefore, int limit) {
    return completed(db.query(sql.stale(notBefore, limit)));
  }

  @Override
  public Future<Contents> contents() {
    return db.query(sql.allAgencies()).compose(agencyRows -> db.query(sql.allClosures()).compose(closureRows -> db.query(sql.allServices())
        .compose(serviceRows -> db.query(sql.allHours()).compose(hourRows -> db.query(sql.allLanguages()).map(languageRows -> {
          Map<String, List<LocalDate>> closures = DirectoryRows.grouped(cells(closureRows), c -> c.date(1));
          List<Agency> agencies = agencyRows.stream().map(r -> DirectoryRows.agency(r, 0, closures.getOrDefault(r.text(0), List.of()))).toList();
          List<DirectoryHit> hits = DirectoryRows.complete(serviceRows.stream().map(DirectoryRows::hit).toList(),
              DirectoryRows.grouped(cells(hourRows), DirectoryRows::opening), DirectoryRows.grouped(cells(languageRows), c -> c.text(1)), closures);
          return new Contents(agencies, hits.stream().map(DirectoryHit::service).toList());
        })))));
  }

  @Override
  public Future<Void> importAll(List<Agency> agencies, List<ServiceEntry> services) {
    Map<String, String> names = new HashMap<>();
    agencies.forEach(a -> names.put(a.id(), a.name()));
    List<String> missing = services.stream().map(ServiceEntry::agencyId).filter(id -> !names.containsKey(id)).distinct().toList();
    Future<Void> known = Future.succeededFuture();
    for (String id : missing) {
      known = known.compose(v -> agency(id).compose(a -> {
        if (a.isEmpty()) return Future.failedFuture(new UnknownAgency(id));
        names.put(id, a.get().name());
        return Future.succeededFuture();
      }));
    }
    return known.compose(v -> offTheEventLoop(() -> {
      List<Sql> all = new ArrayList<>();
      agencies.forEach(a -> all.addAll(sql.saveAgency(a)));
      services.forEach(s -> all.addAll(sql.saveService(s, names.get(s.agencyId()))));
      return all;
    })).compose(all -> written(db.transaction(all)));
  }

  /**
   * Runs work too long for an event loop on a worker: indexing the words of a whole directory's
   * services takes seconds, and an event loop that waits on it stops every other request.
   */
  private static <T> Future<T> offTheEventLoop(java.util.concurrent.Callable<T> work) {
    io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
    if (context != null) return context.executeBlocking(work, false);
    try {
      return Future.succeededFuture(work.call());
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
  }

  @Override
  public Future<List<ReferralCount>> referralsByAgency(Instant from, Instant to) {
    return db.query(sql.referralsByAgency(from, to)).map(rows -> rows.stream().map(r -> new ReferralCount(r.text(0), r.text(1), r.number(2))).toList());
  }

  private Future<List<DirectoryHit>> completed(Future<List<Row>> found) {
    return found.compose(rows -> {
      List<DirectoryRows.Partial> partial = rows.stream().map(DirectoryRows::hit).toList();
      if (partial.isEmpty()) return Future.succeededFuture(List.of());
      Set<String> ids = DirectoryRows.serviceIds(partial);
      return db.query(sql.details(ids, DirectoryRows.agencyIds(partial))).map(details -> {
        List<DirectoryRows.Cells> hours = new ArrayList<>();
        List<DirectoryRows.Cells> languages = new ArrayList<>();
        List<DirectoryRows.Cells> closures = new ArrayList<>();
        for (Row r : details) {
          Object[] v = r.values();
          switch (r.text(0)) {
            case "h" -> hours.add(new Row(new Object[] {v[1], v[2], v[3], v[4]}));
            case "l" -> languages.add(new Row(new Object[] {v[1], v[5]}));
            default -> closures.add(new Row(new Object[] {v[1], v[6]}));
          }
        }
        return DirectoryRows.complete(partial, DirectoryRows.grouped(hours, DirectoryRows::opening), DirectoryRows.grouped(languages, c -> c.text(1)),
            DirectoryRows.grouped(closures, c -> c.date(1)));
      });
    });
  }

  private static List<DirectoryRows.Cells> cells(List<Row> rows) {
    return new ArrayList<>(rows);
  }
}
