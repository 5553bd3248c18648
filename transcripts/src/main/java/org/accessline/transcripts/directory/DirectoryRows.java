package org.accessline.transcripts.directory;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.directory.Agency;
import org.accessline.gateway.directory.DirectoryHit;
import org.accessline.gateway.directory.Opening;
import org.accessline.gateway.directory.Reach;
import org.accessline.gateway.directory.ServiceEntry;
import org.accessline.gateway.directory.Verification;

/** Reads the directory's rows from either store's result, through {@link Cells}. */
public final class DirectoryRows {
  private DirectoryRows() {}

  /** One row of a result, whichever client read it. Columns count from 0. */
  public interface Cells {
    String text(int column);

    LocalDate date(int column);

    Instant time(int column);

    long number(int column);

    double decimal(int column);
  }

  /** A service and its agency as first read, before their hours, languages and closures are added. */
  public record Partial(ServiceEntry service, Agency agency, double score) {}

  public static Partial hit(Cells c) {
    Optional<Verification> verified = c.date(13) == null ? Optional.empty() : Optional.of(new Verification(c.date(13), c.text(14)));
    ServiceEntry s = new ServiceEntry(c.text(0), c.text(1), c.text(2), c.text(3), c.text(4), c.text(5), List.of(), List.of(), reach(c, 7), c.text(6),
        verified, c.time(15), c.text(16));
    return new Partial(s, agency(c, 17, List.of()), c.decimal(29));
  }

  /** An agency's row starting at {@code at}: id, name, description, zone, the six ways to reach it, updated at and by. */
  public static Agency agency(Cells c, int at, List<LocalDate> closures) {
    return new Agency(c.text(at), c.text(at + 1), c.text(at + 2), ZoneId.of(c.text(at + 3)), closures, reach(c, at + 4), c.time(at + 10), c.text(at + 11));
  }

  private static Reach reach(Cells c, int at) {
    return new Reach(Optional.ofNullable(c.text(at)), Optional.ofNullable(c.text(at + 1)), Optional.ofNullable(c.text(at + 2)),
        Optional.ofNullable(c.text(at + 3)), Optional.ofNullable(c.text(at + 4)), Optional.ofNullable(c.text(at + 5)));
  }

  public static Opening opening(Cells c) {
    return new Opening(DayOfWeek.of((int) c.number(1)), LocalTime.ofSecondOfDay(c.number(2) * 60), LocalTime.ofSecondOfDay(c.number(3) * 60));
  }

  /** The hits, each with its own hours and languages and its agency's closures, in the order found. */
  public static List<DirectoryHit> complete(List<Partial> partial, Map<String, List<Opening>> hours, Map<String, List<String>> languages,
      Map<String, List<LocalDate>> closures) {
    List<DirectoryHit> out = new ArrayList<>();
    for (Partial p : partial) {
      ServiceEntry s = p.service();
      ServiceEntry full = new ServiceEntry(s.id(), s.agencyId(), s.name(), s.description(), s.serviceArea(), s.eligibility(),
          languages.getOrDefault(s.id(), List.of()), hours.getOrDefault(s.id(), List.of()), s.reach(), s.accessibility(), s.verified(), s.updatedAt(), s.updatedBy());
      out.add(new DirectoryHit(full, withClosures(p.agency(), closures.getOrDefault(p.agency().id(), List.of())), p.score()));
    }
    return out;
  }

  public static Agency withClosures(Agency a, List<LocalDate> closures) {
    return new Agency(a.id(), a.name(), a.description(), a.zone(), closures, a.reach(), a.updatedAt(), a.updatedBy());
  }

  public static Set<String> serviceIds(List<Partial> partial) {
    Set<String> out = new LinkedHashSet<>();
    partial.forEach(p -> out.add(p.service().id()));
    return out;
  }

  public static Set<String> agencyIds(List<Partial> partial) {
    Set<String> out = new LinkedHashSet<>();
    partial.forEach(p -> out.add(p.agency().id()));
    return out;
  }

  /** Groups rows of (key, …) by their first column. */
  public static <T> Map<String, List<T>> grouped(List<Cells> rows, java.util.function.Function<Cells, T> value) {
    Map<String, List<T>> out = new LinkedHashMap<>();
    for (Cells c : rows) out.computeIfAbsent(c.text(0), k -> new ArrayList<>()).add(value.apply(c));
    return out;
  }
}
