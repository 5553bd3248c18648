package org.accessline.web.directory;

import java.util.List;
import org.accessline.gateway.directory.Agency;
import org.accessline.gateway.directory.ServiceEntry;

/** What an import file holds once read: every agency and service, or every bad row named (and then nothing is saved). */
public record DirectoryImport(List<Agency> agencies, List<ServiceEntry> services, List<String> problems) {
  public static final int MOST_PROBLEMS = 100;

  public DirectoryImport {
    // Two entries with one id would leave only the last saved while the answer counted both.
    List<String> all = new java.util.ArrayList<>(problems);
    agencies.forEach(a -> all.addAll(org.accessline.gateway.directory.DirectoryText.problems("Agency " + a.id() + ": ", a)));
    services.forEach(s -> all.addAll(org.accessline.gateway.directory.DirectoryText.problems("Service " + s.id() + ": ", s)));
    repeated(agencies.stream().map(Agency::id).toList()).forEach(id -> all.add("Agency id " + id + " appears more than once."));
    repeated(services.stream().map(ServiceEntry::id).toList()).forEach(id -> all.add("Service id " + id + " appears more than once."));
    problems = all;
    agencies = List.copyOf(agencies);
    services = List.copyOf(services);
    problems = List.copyOf(problems.size() > MOST_PROBLEMS ? problems.subList(0, MOST_PROBLEMS) : problems);
  }

  /** A file that could not be read at all: nothing in it, and why. */
  public static DirectoryImport refused(List<String> problems) {
    return new DirectoryImport(List.of(), List.of(), problems);
  }

  private static List<String> repeated(List<String> ids) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    return ids.stream().filter(id -> !seen.add(id)).distinct().toList();
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
