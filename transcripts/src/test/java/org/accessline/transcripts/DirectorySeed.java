package org.accessline.transcripts;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.directory.Agency;
import org.accessline.gateway.directory.Opening;
import org.accessline.gateway.directory.Reach;
import org.accessline.gateway.directory.ServiceEntry;
import org.accessline.gateway.directory.Verification;

/**
 * A directory of 40 agencies in four time zones and 240 services with known answers: a handful of
 * services a search must find first, among many that share none of their words.
 */
public final class DirectorySeed {
  public static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");
  public static final List<ZoneId> ZONES = List.of(ZoneId.of("America/New_York"), ZoneId.of("America/Chicago"), ZoneId.of("America/Los_Angeles"),
      ZoneId.of("Pacific/Honolulu"));
  /** Thanksgiving: every agency in New York's zone is closed. */
  public static final LocalDate HOLIDAY = LocalDate.of(2026, 11, 26);
  private static final String[] FILLER = {"community", "program", "outreach", "center", "workshop", "class", "club", "library", "recreation", "youth",
      "senior", "garden", "museum", "arts", "sports", "league", "festival", "volunteer", "tour", "lecture"};

  public final List<Agency> agencies = new ArrayList<>();
  public final List<ServiceEntry> services = new ArrayList<>();

  public DirectorySeed() {
    for (int a = 0; a < 40; a++) {
      ZoneId zone = ZONES.get(a % 4);
      List<LocalDate> closures = zone.getId().equals("America/New_York") ? List.of(HOLIDAY) : List.of();
      Reach reach = new Reach(Optional.of("555-01" + String.format("%02d", a)), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.of("https://agency" + a + ".example.org"), Optional.of(a + " Main Street"));
      agencies.add(new Agency("ag" + a, "Agency " + name(a), "Serves the county", zone, closures, reach, AT, "seed"));
      for (int s = 0; s < 6; s++) {
        int n = a * 6 + s;
        services.add(filler(n, "ag" + a, zone));
      }
    }
    // The known answers replace fillers, so the directory stays at 240.
    known(0, "trash-bulk", "ag0", "Bulk trash pickup", "Curbside collection of large items such as furniture", List.of("en", "es"), true);
    known(1, "refuse-carts", "ag4", "Refuse cart replacement", "A new cart when yours is broken or stolen", List.of("en"), false);
    known(2, "garbage-schedule", "ag8", "Collection schedule", "Which day garbage and recycling are collected on your street", List.of("en"), false);
    known(3, "pothole-repair", "ag12", "Pothole repair", "Report a hole in the road", List.of("en", "es"), true);
    known(4, "street-crew", "ag5", "Street maintenance", "Crews fix potholes, cracks and signs", List.of("en"), false);
    known(5, "meals-home", "ag2", "Meal delivery for seniors", "Hot meals brought to your home on weekdays", List.of("en", "es", "vi"), true);
    known(6, "food-pantry", "ag6", "Food pantry", "Groceries for families once a week", List.of("en", "es"), false);
    known(7, "deaf-services", "ag3", "Deaf and hard of hearing services", "Interpreters, captioning and TTY help", List.of("en", "ase"), true);
  }

  private void known(int slot, String id, String agency, String name, String description, List<String> languages, boolean tty) {
    ServiceEntry filler = services.get(slot * 6 + 1);
    ZoneId zone = agencies.stream().filter(a -> a.id().equals(agency)).findFirst().orElseThrow().zone();
    services.set(slot * 6 + 1, new ServiceEntry(id, agency, name, description, "Whole county", "Any resident", languages, weekdays(9, 17),
        reach(tty), "Step-free entrance", Optional.of(new Verification(LocalDate.of(2026, 11, 1), "seed")), AT, "seed"));
    if (zone == null) throw new IllegalStateException(filler.id());
  }

  private static ServiceEntry filler(int n, String agency, ZoneId zone) {
    String name = FILLER[n % FILLER.length] + " " + FILLER[(n / 3 + 7) % FILLER.length] + " " + n;
    int opens = 6 + n % 5;
    // Every fifth was never verified, every fifth verified long ago: the stale ones.
    Optional<Verification> verified = n % 5 == 0 ? Optional.empty()
        : Optional.of(new Verification(n % 5 == 1 ? LocalDate.of(2025, 1, 1 + n % 28) : LocalDate.of(2026, 10, 1 + n % 28), "seed"));
    return new ServiceEntry("svc" + n, agency, name, "A " + FILLER[(n + 5) % FILLER.length] + " for the " + FILLER[(n + 11) % FILLER.length],
        "District " + n % 7, "", n % 3 == 0 ? List.of("en", "es") : List.of("en"), twoDays(n, opens, opens + 4), reach(n % 4 == 0), "", verified, AT, "seed");
  }

  private static Reach reach(boolean tty) {
    return new Reach(Optional.of("555-0100"), tty ? Optional.of("555-0199") : Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  private static List<Opening> twoDays(int n, int opens, int closes) {
    List<Opening> week = weekdays(opens, closes);
    return List.of(week.get(n % 5), week.get((n + 2) % 5));
  }

  public static List<Opening> weekdays(int opens, int closes) {
    List<Opening> out = new ArrayList<>();
    for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
      out.add(new Opening(d, LocalTime.of(opens, 0), LocalTime.of(closes, 0)));
    }
    return out;
  }

  private static String name(int a) {
    return FILLER[a % FILLER.length].substring(0, 1).toUpperCase() + FILLER[a % FILLER.length].substring(1) + " " + a;
  }
}
