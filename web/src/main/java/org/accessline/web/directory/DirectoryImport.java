package org.accessline.web.directory;

import java.util.List;
import org.accessline.gateway.directory.Agency;
import org.accessline.gateway.directory.ServiceEntry;

/** What an import file holds once read: every agency and service, or every bad row named (and then nothing is saved). */
public record DirectoryImport(List<Agency> agencies, List<ServiceEntry> services, List<String> problems) {
  public static final int MOST_PROBLEMS = 100;

  public DirectoryImport {
    agencies = List.copyOf(agencies);
    services = List.copyOf(services);
    problems = List.copyOf(problems.size() > MOST_PROBLEMS ? problems.subList(0, MOST_PROBLEMS) : problems);
  }

  /** A file that could not be read at all: nothing in it, and why. */
  public static DirectoryImport refused(List<String> problems) {
    return new DirectoryImport(List.of(), List.of(), problems);
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
