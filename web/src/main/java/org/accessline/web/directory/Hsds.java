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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accessline.gateway.directory.Agency;
import org.accessline.gateway.directory.Directory;
import org.accessline.gateway.directory.Opening;
import org.accessline.gateway.directory.Reach;
import org.accessline.gateway.directory.ReachRules;
import org.accessline.gateway.directory.ServiceEntry;
import org.accessline.gateway.directory.Verification;

/**
 * The directory as Open Referral HSDS JSON: {@code organizations} (with their phones and website),
 * {@code services} (phones by type, weekly {@code schedules}, {@code languages},
 * {@code eligibility_description}, {@code service_areas}, {@code assured_date}), and
 * {@code locations} with {@code service_at_locations} for a service's address and accessibility. HSDS
 * names no time zone by name and no closed days, so organizations carry {@code x_timezone} and
 * {@code x_closed_on}, and a service who verified it in {@code x_assured_by}.
 */
public final class Hsds {
  private static final List<String> BYDAY = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");
  private static final Map<String, String> PHONE_TYPES = Map.of("phone", "voice", "tty", "textphone", "videoPhone", "video", "text", "text");
  /** Our kinds of reach as an import's reader finds them in an HSDS organization and service. */
  private static final Map<String, String> ORGANIZATION_FIELDS = Map.of("phone", "phones (voice)", "tty", "phones (textphone)", "videoPhone",
      "phones (video)", "text", "phones (text)", "web", "website", "address", "x_address");
  private static final Map<String, String> SERVICE_FIELDS = Map.of("phone", "phones (voice)", "tty", "phones (textphone)", "videoPhone",
      "phones (video)", "text", "phones (text)", "web", "url", "address", "address_1");

  private Hsds() {}

  public static JsonObject write(Directory.Contents contents) {
    JsonArray organizations = new JsonArray();
    for (Agency a : contents.agencies()) {
      JsonObject o = new JsonObject().put("id", a.id()).put("name", a.name()).put("description", a.description()).put("x_timezone", a.zone().getId())
          .put("x_closed_on", new JsonArray(a.closures().stream().map(LocalDate::toString).toList())).put("phones", phones(a.reach()));
      a.reach().web().ifPresent(w -> o.put("website", w));
      a.reach().address().ifPresent(ad -> o.put("x_address", ad));
      organizations.add(o);
    }
    JsonArray services = new JsonArray();
    JsonArray locations = new JsonArray();
    JsonArray atLocations = new JsonArray();
    for (ServiceEntry s : contents.services()) {
      JsonArray schedules = new JsonArray();
      for (Opening o : s.week()) {
        schedules.add(new JsonObject().put("freq", "WEEKLY").put("byday", BYDAY.get(o.day().getValue() - 1)).put("opens_at", o.opens().toString())
            .put("closes_at", o.closes().toString()));
      }
      JsonObject json = new JsonObject().put("id", s.id()).put("organization_id", s.agencyId()).put("name", s.name()).put("description", s.description())
          .put("eligibility_description", s.eligibility()).put("status", "active")
          .put("languages", new JsonArray(s.languages().stream().map(l -> new JsonObject().put("code", l)).toList()))
          .put("service_areas", s.serviceArea().isEmpty() ? new JsonArray() : new JsonArray().add(new JsonObject().put("name", s.serviceArea())))
          .put("phones", phones(s.reach())).put("schedules", schedules);
      s.reach().web().ifPresent(w -> json.put("url", w));
      s.verified().ifPresent(v -> json.put("assured_date", v.on().toString()).put("x_assured_by", v.by()));
      services.add(json);
      if (s.reach().address().isPresent() || !s.accessibility().isEmpty()) {
        String location = s.id() + "-location";
        JsonObject l = new JsonObject().put("id", location).put("organization_id", s.agencyId()).put("location_type", "physical");
        l.put("addresses", s.reach().address().map(ad -> new JsonArray().add(new JsonObject().put("address_1", ad))).orElse(new JsonArray()));
        l.put("accessibility", s.accessibility().isEmpty() ? new JsonArray() : new JsonArray().add(new JsonObject().put("description", s.accessibility())));
        locations.add(l);
        atLocations.add(new JsonObject().put("id", s.id() + "-at").put("service_id", s.id()).put("location_id", location));
      }
    }
    return new JsonObject().put("organizations", organizations).put("services", services).put("locations", locations).put("service_at_locations", atLocations);
  }

  /** Reads a file as {@link #write} makes it; each bad organization or service is named by its place in its list. */
  public static DirectoryImport read(JsonObject json, Instant at, String by) {
    List<String> problems = new ArrayList<>();
    List<Agency> agencies = new ArrayList<>();
    List<ServiceEntry> services = new ArrayList<>();
    Map<String, JsonObject> locations = new HashMap<>();
    array(json, "locations").forEach((i, l) -> locations.put(l.getString("id", ""), l));
    Map<String, JsonObject> serviceLocation = new HashMap<>();
    array(json, "service_at_locations").forEach((i, sl) -> {
      JsonObject l = locations.get(sl.getString("location_id", ""));
      if (l != null) serviceLocation.put(sl.getString("service_id", ""), l);
    });
    array(json, "organizations").forEach((i, o) -> {
      try {
        List<LocalDate> closed = o.getJsonArray("x_closed_on", new JsonArray()).stream().map(d -> LocalDate.parse(String.valueOf(d))).toList();
        Map<String, String> phones = phones(o.getJsonArray("phones", new JsonArray()));
        Reach reach = reach(phones, Optional.ofNullable(o.getString("website")), Optional.ofNullable(o.getString("x_address")));
        List<String> badReach = ReachRules.problems(reach, field -> ORGANIZATION_FIELDS.getOrDefault(field, field));
        if (!badReach.isEmpty()) {
          badReach.forEach(p -> problems.add("organizations[" + i + "]: " + p));
          return;
        }
        agencies.add(new Agency(o.getString("id"), o.getString("name"), o.getString("description", ""), ZoneId.of(o.getString("x_timezone", "UTC")),
            closed, reach, at, by));
      } catch (DateTimeException | ClassCastException e) {
        problems.add("organizations[" + i + "]: a date, time zone or field is not valid (" + e.getMessage() + ").");
      } catch (IllegalArgumentException e) {
        problems.add("organizations[" + i + "]: " + e.getMessage() + ".");
      }
    });
    array(json, "services").forEach((i, s) -> {
      try {
        List<Opening> week = new ArrayList<>();
        JsonArray schedules = s.getJsonArray("schedules", new JsonArray());
        for (int k = 0; k < schedules.size(); k++) {
          JsonObject sc = schedules.getJsonObject(k);
          LocalTime opens = LocalTime.parse(sc.getString("opens_at"));
          LocalTime closes = LocalTime.parse(sc.getString("closes_at"));
          for (String d : sc.getString("byday", "").split(",")) {
            int day = BYDAY.indexOf(d.strip().toUpperCase(java.util.Locale.ROOT));
            if (day < 0) throw new IllegalArgumentException("schedules[" + k + "].byday \"" + d + "\" is not one of " + BYDAY);
            week.add(new Opening(DayOfWeek.of(day + 1), opens, closes));
          }
        }
        List<String> languages = s.getJsonArray("languages", new JsonArray()).stream()
            .map(l -> l instanceof JsonObject lj ? lj.getString("code", "") : String.valueOf(l)).toList();
        JsonArray areas = s.getJsonArray("service_areas", new JsonArray());
        String area = areas.isEmpty() ? "" : areas.getJsonObject(0).getString("name", areas.getJsonObject(0).getString("description", ""));
        JsonObject location = serviceLocation.get(s.getString("id", ""));
        Optional<String> address = Optional.ofNullable(location).map(l -> l.getJsonArray("addresses", new JsonArray())).filter(a -> !a.isEmpty())
            .map(a -> a.getJsonObject(0).getString("address_1"));
        String accessibility = Optional.ofNullable(location).map(l -> l.getJsonArray("accessibility", new JsonArray())).filter(a -> !a.isEmpty())
            .map(a -> a.getJsonObject(0).getString("description", "")).orElse("");
        Optional<Verification> verified = Optional.ofNullable(s.getString("assured_date"))
            .map(d -> new Verification(LocalDate.parse(d), s.getString("x_assured_by", by)));
        Reach reach = reach(phones(s.getJsonArray("phones", new JsonArray())), Optional.ofNullable(s.getString("url")), address);
        List<String> badReach = ReachRules.problems(reach, field -> SERVICE_FIELDS.getOrDefault(field, field));
        if (!badReach.isEmpty()) {
          badReach.forEach(p -> problems.add("services[" + i + "]: " + p));
          return;
        }
        services.add(new ServiceEntry(s.getString("id"), s.getString("organization_id"), s.getString("name"), s.getString("description", ""), area,
            s.getString("eligibility_description", ""), languages, week, reach, accessibility, verified, at, by));
      } catch (DateTimeException | ClassCastException | NullPointerException e) {
        problems.add("services[" + i + "]: a time, date or field is missing or not valid (" + e.getMessage() + ").");
      } catch (IllegalArgumentException e) {
        problems.add("services[" + i + "]: " + e.getMessage() + ".");
      }
    });
    return new DirectoryImport(agencies, services, problems);
  }

  private static JsonArray phones(Reach r) {
    JsonArray out = new JsonArray();
    r.phone().ifPresent(v -> out.add(new JsonObject().put("number", v).put("type", "voice")));
    r.tty().ifPresent(v -> out.add(new JsonObject().put("number", v).put("type", "textphone")));
    r.videoPhone().ifPresent(v -> out.add(new JsonObject().put("number", v).put("type", "video")));
    r.text().ifPresent(v -> out.add(new JsonObject().put("number", v).put("type", "text")));
    return out;
  }

  /** Phones by our kind; an HSDS type we do not keep apart (cell, fax, pager) is a voice phone if none other is. */
  private static Map<String, String> phones(JsonArray phones) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < phones.size(); i++) {
      JsonObject p = phones.getJsonObject(i);
      String type = p.getString("type", "voice");
      String kind = PHONE_TYPES.entrySet().stream().filter(e -> e.getValue().equals(type)).map(Map.Entry::getKey).findFirst().orElse("phone");
      if (type.equals("fax")) continue;
      out.putIfAbsent(kind, p.getString("number"));
    }
    return out;
  }

  private static Reach reach(Map<String, String> phones, Optional<String> web, Optional<String> address) {
    return new Reach(Optional.ofNullable(phones.get("phone")), Optional.ofNullable(phones.get("tty")), Optional.ofNullable(phones.get("videoPhone")),
        Optional.ofNullable(phones.get("text")), web, address);
  }

  private interface Each {
    void accept(int index, JsonObject item);
  }

  private record Items(JsonArray array) {
    void forEach(Each each) {
      for (int i = 0; i < array.size(); i++) {
        Object item = array.getValue(i);
        if (item instanceof JsonObject o) each.accept(i, o);
        else each.accept(i, new JsonObject());
      }
    }
  }

  private static Items array(JsonObject json, String field) {
    Object v = json.getValue(field);
    return new Items(v instanceof JsonArray a ? a : new JsonArray());
  }
}
