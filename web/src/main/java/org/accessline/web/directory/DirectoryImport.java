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

  public boolean ok() {
    return problems.isEmpty();
  }
}
