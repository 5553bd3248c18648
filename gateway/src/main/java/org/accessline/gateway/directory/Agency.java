package org.accessline.gateway.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A public or private agency: its name and description, the time zone its hours are kept in, the
 * dates it is closed (holidays), and who last changed it when.
 */
public record Agency(String id, String name, String description, ZoneId zone, List<LocalDate> closures, Reach reach, Instant updatedAt,
    String updatedBy) {
  public Agency {
    if (!DirectoryIds.valid(id)) throw new IllegalArgumentException("an agency id is 1-64 letters, digits, '-' or '_'");
    if (name == null || name.isBlank() || name.length() > 200) throw new IllegalArgumentException("an agency's name is 1-200 characters");
    description = description == null ? "" : description.strip();
    if (description.length() > 4000) throw new IllegalArgumentException("an agency's description is at most 4000 characters");
    if (zone == null) throw new IllegalArgumentException("an agency needs the time zone of its hours");
    closures = List.copyOf(new java.util.TreeSet<>(closures == null ? List.of() : closures));
    if (closures.size() > 366) throw new IllegalArgumentException("an agency lists at most 366 closed days");
    if (reach == null) reach = Reach.NONE;
    if (updatedAt == null || updatedBy == null || updatedBy.isBlank()) throw new IllegalArgumentException("an agency records who changed it when");
    name = name.strip();
  }
}
