package org.accessline.web.directory;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.accessline.gateway.directory.Agency;
import org.accessline.gateway.directory.DirectoryHit;
import org.accessline.gateway.directory.Opening;
import org.accessline.gateway.directory.Reach;
import org.accessline.gateway.directory.ServiceEntry;
import org.accessline.gateway.directory.Verification;

/** The directory's JSON on the API: agencies and services out, and in with every problem named. */
public final class DirectoryJson {
  private DirectoryJson() {}

  /** A parsed value, or why not: each problem a sentence naming the field. */
  public record Parsed<T>(Optional<T> value, List<String> problems) {
    static <T> Parsed<T> of(T value) {
      return new Parsed<>(Optional.of(value), List.of());
    }

    static <T> Parsed<T> bad(List<String> problems) {
      return new Parsed<>(Optional.empty(), List.copyOf(problems));
    }
  }

  public static JsonObject agency(Agency a) {
    return new JsonObject().put("id", a.id()).put("name", a.name()).put("description", a.description()).put("timeZone", a.zone().getId())
        .put("closedOn", new JsonArray(a.closures().stream().map(LocalDate::toString).toList())).put("reach", reach(a.reach()))
        .put("updatedAt", a.updatedAt().toString()).put("updatedBy", a.updatedBy());
  }

  public static JsonObject service(ServiceEntry s) {
    JsonObject json = new JsonObject().put("id", s.id()).put("agencyId", s.agencyId()).put("name", s.name()).put("description", s.description())
        .put("serviceArea", s.serviceArea()).put("eligibility", s.eligibility()).put("languages", new JsonArray(s.languages()))
        .put("hours", new JsonArray(s.week().stream().map(Opening::text).toList())).put("reach", reach(s.reach())).put("accessibility", s.accessibility())
        .put("updatedAt", s.updatedAt().toString()).put("updatedBy", s.updatedBy());
    s.verified().ifPresent(v -> json.put("verifiedOn", v.on().toString()).put("verifiedBy", v.by()));
    return json;
  }

  public static JsonObject hit(DirectoryHit h, Instant now, LocalDate staleBefore) {
    return new JsonObject().put("service", service(h.service())).put("agency", agency(h.agency())).put("openNow", h.service().openAt(h.agency(), now))
        .put("stale", h.service().staleOn(staleBefore)).put("hours", ReferralText.hours(h.service().week()));
  }

  static JsonObject reach(Reach r) {
    JsonObject json = new JsonObject();
    r.phone().ifPresent(v -> json.put("phone", v));
    r.tty().ifPresent(v -> json.put("tty", v));
    r.videoPhone().ifPresent(v -> json.put("videoPhone", v));
    r.text().ifPresent(v -> json.put("text", v));
    r.web().ifPresent(v -> json.put("web", v));
    r.address().ifPresent(v -> json.put("address", v));
    return json;
  }

  public static Parsed<Agency> parseAgency(JsonObject j, String id, Instant at, String by) {
    List<String> problems = new ArrayList<>();
    ZoneId zone = null;
    try {
      zone = ZoneId.of(string(j, "timeZone", problems).orElse("UTC"));
    } catch (DateTimeException e) {
      problems.add("\"timeZone\" must be a time zone such as America/Chicago.");
    }
    List<LocalDate> closed = new ArrayList<>();
    for (String day : strings(j, "closedOn", problems)) {
      try {
        closed.add(LocalDate.parse(day));
      } catch (DateTimeException e) {
        problems.add("\"closedOn\" holds dates such as 2026-12-25; \"" + day + "\" is not one.");
      }
    }
    Reach reach = parseReach(j, problems);
    if (!problems.isEmpty()) return Parsed.bad(problems);
    try {
      Agency agency = new Agency(id, string(j, "name", problems).orElse(""), string(j, "description", problems).orElse(""), zone, closed, reach, at, by);
      return problems.isEmpty() ? Parsed.of(agency) : Parsed.bad(problems);
    } catch (IllegalArgumentException e) {
      return Parsed.bad(problems.isEmpty() ? List.of(sentence(e)) : problems);
    }
  }

  public static Parsed<ServiceEntry> parseService(JsonObject j, String id, Optional<org.accessline.gateway.directory.Verification> verified, Instant at,
      String by) {
    List<String> problems = new ArrayList<>();
    List<Opening> week = new ArrayList<>();
    for (String h : strings(j, "hours", problems)) {
      Optional<Opening> o = opening(h);
      if (o.isEmpty()) problems.add("\"hours\" holds openings such as \"mon 09:00-17:00\"; \"" + h + "\" is not one.");
      o.ifPresent(week::add);
    }
    List<String> languages = strings(j, "languages", problems);
    Reach reach = parseReach(j, problems);
    Optional<String> agencyId = string(j, "agencyId", problems);
    if (agencyId.isEmpty()) problems.add("\"agencyId\" must name the service's agency.");
    if (!problems.isEmpty()) return Parsed.bad(problems);
    try {
      ServiceEntry service = new ServiceEntry(id, agencyId.get(), string(j, "name", problems).orElse(""), string(j, "description", problems).orElse(""),
          string(j, "serviceArea", problems).orElse(""), string(j, "eligibility", problems).orElse(""), languages, week, reach,
          string(j, "accessibility", problems).orElse(""), verified, at, by);
      return problems.isEmpty() ? Parsed.of(service) : Parsed.bad(problems);
    } catch (IllegalArgumentException e) {
      return Parsed.bad(problems.isEmpty() ? List.of(sentence(e)) : problems);
    }
  }

  /** Parses {@code mon 09:00-17:00}. */
  public static Optional<Opening> opening(String text) {
    String[] parts = text.strip().toLowerCase(Locale.ROOT).split("\\s+");
    if (parts.length != 2) return Optional.empty();
    Optional<DayOfWeek> day = java.util.Arrays.stream(DayOfWeek.values()).filter(d -> d.name().toLowerCase(Locale.ROOT).startsWith(parts[0]) && parts[0].length() >= 3)
        .findFirst();
    String[] times = parts[1].split("-");
    if (day.isEmpty() || times.length != 2) return Optional.empty();
    try {
      return Optional.of(new Opening(day.get(), LocalTime.parse(times[0]), LocalTime.parse(times[1])));
    } catch (DateTimeException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Reach parseReach(JsonObject j, List<String> problems) {
    Object value = j.getValue("reach");
    if (value != null && !(value instanceof JsonObject)) {
      problems.add("\"reach\" must be an object of phone, tty, videoPhone, text, web and address.");
      return Reach.NONE;
    }
    JsonObject r = value == null ? new JsonObject() : (JsonObject) value;
    try {
      Reach reach = new Reach(string(r, "phone", problems), string(r, "tty", problems), string(r, "videoPhone", problems), string(r, "text", problems),
          string(r, "web", problems), string(r, "address", problems));
      problems.addAll(org.accessline.gateway.directory.ReachRules.problems(reach, field -> "reach." + field));
      return reach;
    } catch (IllegalArgumentException e) {
      problems.add(sentence(e));
      return Reach.NONE;
    }
  }

  private static Optional<String> string(JsonObject j, String field, List<String> problems) {
    Object v = j.getValue(field);
    if (v == null) return Optional.empty();
    if (!(v instanceof String s)) {
      problems.add("\"" + field + "\" must be text.");
      return Optional.empty();
    }
    if (org.accessline.gateway.directory.DirectoryText.unfit(s)) {
      problems.add(org.accessline.gateway.directory.DirectoryText.problem(field));
      return Optional.empty();
    }
    return Optional.of(s);
  }

  private static List<String> strings(JsonObject j, String field, List<String> problems) {
    Object v = j.getValue(field);
    if (v == null) return List.of();
    if (!(v instanceof JsonArray a) || a.stream().anyMatch(x -> !(x instanceof String))) {
      problems.add("\"" + field + "\" must be a list of text.");
      return List.of();
    }
    return a.stream().map(String::valueOf).toList();
  }

  static String sentence(IllegalArgumentException e) {
    String m = e.getMessage();
    return Character.toUpperCase(m.charAt(0)) + m.substring(1) + ".";
  }

  static Verification verification(LocalDate on, String by) {
    return new Verification(on, by);
  }
}
