package org.accessline.gateway.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One service an agency offers: what it is, where and for whom, its weekly hours (in the agency's
 * time zone), the languages it is offered in, how to reach it, accessibility notes, and when and by
 * whom it was last verified.
 */
public record ServiceEntry(String id, String agencyId, String name, String description, String serviceArea, String eligibility, List<String> languages,
    List<Opening> week, Reach reach, String accessibility, Optional<Verification> verified, Instant updatedAt, String updatedBy) {
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");

  public ServiceEntry {
    if (!DirectoryIds.valid(id)) throw new IllegalArgumentException("a service id is 1-64 letters, digits, '-' or '_'");
    if (!DirectoryIds.valid(agencyId)) throw new IllegalArgumentException("a service names its agency");
    if (name == null || name.isBlank() || name.length() > 200) throw new IllegalArgumentException("a service's name is 1-200 characters");
    name = name.strip();
    description = text(description, 4000, "description");
    serviceArea = text(serviceArea, 400, "service area");
    eligibility = text(eligibility, 1000, "eligibility");
    accessibility = text(accessibility, 1000, "accessibility notes");
    languages = List.copyOf(new java.util.TreeSet<>(languages == null ? List.of() : languages.stream().map(l -> l.strip().toLowerCase(java.util.Locale.ROOT)).toList()));
    if (languages.size() > 40 || languages.stream().anyMatch(l -> !LANGUAGE.matcher(l).matches())) {
      throw new IllegalArgumentException("languages are language tags such as en, es or ase (at most 40)");
    }
    week = (week == null ? List.<Opening>of() : week).stream()
        .sorted(java.util.Comparator.comparing(Opening::day).thenComparing(Opening::opens).thenComparing(Opening::closes)).toList();
    if (week.size() > 70) throw new IllegalArgumentException("a service lists at most 70 weekly openings");
    if (reach == null) reach = Reach.NONE;
    if (verified == null) verified = Optional.empty();
    if (updatedAt == null || updatedBy == null || updatedBy.isBlank()) throw new IllegalArgumentException("a service records who changed it when");
  }

  private static String text(String value, int most, String what) {
    String v = value == null ? "" : value.strip();
    if (v.length() > most) throw new IllegalArgumentException("a service's " + what + " is at most " + most + " characters");
    return v;
  }

  /** Whether it is open at that instant: a weekly opening covers the agency's local time, and the agency is not closed that day. */
  public boolean openAt(Agency agency, Instant at) {
    ZonedDateTime local = at.atZone(agency.zone());
    LocalDate day = local.toLocalDate();
    if (agency.closures().contains(day)) return false;
    int minute = local.getHour() * 60 + local.getMinute();
    return week.stream().anyMatch(o -> o.day() == local.getDayOfWeek() && o.opensMinute() <= minute && minute < o.closesMinute());
  }

  /** Whether it needs verifying again: never verified, or last verified before {@code notBefore}. */
  public boolean staleOn(LocalDate notBefore) {
    return verified.map(v -> v.on().isBefore(notBefore)).orElse(true);
  }

  public ServiceEntry verifiedBy(String who, LocalDate on, Instant at) {
    return new ServiceEntry(id, agencyId, name, description, serviceArea, eligibility, languages, week, reach, accessibility,
        Optional.of(new Verification(on, who)), at, who);
  }
}
