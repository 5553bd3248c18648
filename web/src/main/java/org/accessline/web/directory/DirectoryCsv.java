package org.accessline.web.directory;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The directory as CSV (RFC 4180): one row per service, its agency's columns repeated. Lists inside
 * a cell (closed days, languages, hours) are separated by {@code ;}.
 */
public final class DirectoryCsv {
  public static final List<String> HEADER = List.of("agency_id", "agency_name", "agency_description", "time_zone", "closed_on", "service_id",
      "service_name", "description", "service_area", "eligibility", "languages", "hours", "phone", "tty", "video_phone", "text", "web", "address",
      "accessibility", "verified_on", "verified_by");

  private DirectoryCsv() {}

  public static String write(Directory.Contents contents) {
    Map<String, Agency> agencies = new LinkedHashMap<>();
    contents.agencies().forEach(a -> agencies.put(a.id(), a));
    StringBuilder out = new StringBuilder(line(HEADER));
    for (ServiceEntry s : contents.services()) {
      Agency a = agencies.get(s.agencyId());
      Reach r = s.reach();
      out.append(line(List.of(a.id(), a.name(), a.description(), a.zone().getId(), join(a.closures().stream().map(LocalDate::toString).toList()), s.id(),
          s.name(), s.description(), s.serviceArea(), s.eligibility(), join(s.languages()), join(s.week().stream().map(Opening::text).toList()),
          r.phone().orElse(""), r.tty().orElse(""), r.videoPhone().orElse(""), r.text().orElse(""), r.web().orElse(""), r.address().orElse(""),
          s.accessibility(), s.verified().map(v -> v.on().toString()).orElse(""), s.verified().map(Verification::by).orElse(""))));
    }
    return out.toString();
  }

  /** Reads the file; every bad row is named by its line number. An agency on several rows must be the same on each. */
  public static DirectoryImport read(String text, Instant at, String by) {
    List<String> problems = new ArrayList<>();
    List<List<String>> rows;
    try {
      rows = parse(text);
    } catch (IllegalArgumentException e) {
      return new DirectoryImport(List.of(), List.of(), List.of(e.getMessage()));
    }
    if (rows.isEmpty() || !rows.get(0).equals(HEADER)) {
      return new DirectoryImport(List.of(), List.of(), List.of("Line 1 must be the header: " + String.join(",", HEADER)));
    }
    Map<String, Agency> agencies = new LinkedHashMap<>();
    List<ServiceEntry> services = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      String where = "Line " + (i + 1) + ": ";
      if (row.size() == 1 && row.get(0).isEmpty()) continue;
      if (row.size() != HEADER.size()) {
        problems.add(where + "has " + row.size() + " columns; the header has " + HEADER.size() + ".");
        continue;
      }
      Map<String, String> cell = new LinkedHashMap<>();
      for (int c = 0; c < HEADER.size(); c++) cell.put(HEADER.get(c), unescape(row.get(c).strip()));
      try {
        Agency agency = new Agency(cell.get("agency_id"), cell.get("agency_name"), cell.get("agency_description"), ZoneId.of(cell.get("time_zone")),
            split(cell.get("closed_on")).stream().map(LocalDate::parse).toList(), Reach.NONE, at, by);
        Agency earlier = agencies.putIfAbsent(agency.id(), agency);
        if (earlier != null && !earlier.equals(agency)) problems.add(where + "agency " + agency.id() + " differs from its earlier row.");
        List<Opening> week = new ArrayList<>();
        for (String h : split(cell.get("hours"))) {
          week.add(DirectoryJson.opening(h).orElseThrow(() -> new IllegalArgumentException("hours are like \"mon 09:00-17:00\"; \"" + h + "\" is not")));
        }
        Optional<Verification> verified = cell.get("verified_on").isEmpty() ? Optional.empty()
            : Optional.of(new Verification(LocalDate.parse(cell.get("verified_on")), cell.get("verified_by").isEmpty() ? by : cell.get("verified_by")));
        Reach reach = new Reach(opt(cell, "phone"), opt(cell, "tty"), opt(cell, "video_phone"), opt(cell, "text"), opt(cell, "web"), opt(cell, "address"));
        List<String> badReach = ReachRules.problems(reach, field -> field.equals("videoPhone") ? "video_phone" : field);
        if (!badReach.isEmpty()) {
          badReach.forEach(p -> problems.add(where + p));
          continue;
        }
        services.add(new ServiceEntry(cell.get("service_id"), agency.id(), cell.get("service_name"), cell.get("description"), cell.get("service_area"),
            cell.get("eligibility"), split(cell.get("languages")), week, reach, cell.get("accessibility"), verified, at, by));
      } catch (DateTimeException e) {
        problems.add(where + "a date or time zone is not valid (" + e.getMessage() + ").");
      } catch (IllegalArgumentException e) {
        problems.add(where + e.getMessage() + ".");
      }
    }
    return new DirectoryImport(new ArrayList<>(agencies.values()), services, problems);
  }

  /** Undoes the quote mark {@link #line} puts before a cell a spreadsheet would run as a formula. */
  private static String unescape(String cell) {
    return cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@".indexOf(cell.charAt(1)) >= 0 ? cell.substring(1) : cell;
  }

  private static Optional<String> opt(Map<String, String> cell, String name) {
    return Optional.of(cell.get(name)).filter(v -> !v.isEmpty());
  }

  private static List<String> split(String cell) {
    return cell.isEmpty() ? List.of() : Arrays.stream(cell.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String join(List<String> values) {
    return String.join(";", values);
  }

  private static String line(List<String> cells) {
    List<String> quoted = new ArrayList<>();
    for (String c : cells) {
      // A leading =, +, - or @ would run as a formula in a spreadsheet; a quote mark keeps it text.
      String safe = !c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0 && !c.matches("[-+]?[0-9][0-9 ()-]*") ? "'" + c : c;
      quoted.add(safe.matches(".*[\",\r\n].*") || safe.startsWith(" ") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe);
    }
    return String.join(",", quoted) + "\r\n";
  }

  /** RFC 4180: quoted cells may hold commas, quotes (doubled) and line breaks. */
  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    int i = text.startsWith("\uFEFF") ? 1 : 0;
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') quoted = false;
        else cell.append(c);
      } else if (c == '"' && cell.length() == 0) quoted = true;
      else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else cell.append(c);
    }
    if (quoted) throw new IllegalArgumentException("A quoted cell is never closed.");
    if (cell.length() > 0 || !row.isEmpty()) {
      row.add(cell.toString());
      rows.add(row);
    }
    return rows;
  }
}
