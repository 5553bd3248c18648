package org.accessline.gateway.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a store indexes for one service, in four tiers of weight: the service's name, its agency's
 * name, its description, then its area, eligibility and accessibility notes. A word counts at the
 * best tier it appears in.
 */
public record SearchDocument(String name, String agency, String description, String rest) {
  /** The embedded store's weights, tier by tier: a match in the name outranks one in the description. */
  public static final List<Integer> WEIGHTS = List.of(8, 4, 2, 1);

  public static SearchDocument of(ServiceEntry service, String agencyName) {
    return new SearchDocument(SearchWords.document(service.name()), SearchWords.document(agencyName), SearchWords.document(service.description()),
        SearchWords.document(service.serviceArea(), service.eligibility(), service.accessibility()));
  }

  /** Each word with the weight of the best tier it appears in. */
  public Map<String, Integer> weighted() {
    Map<String, Integer> out = new LinkedHashMap<>();
    List<String> tiers = List.of(name, agency, description, rest);
    for (int i = 0; i < tiers.size(); i++) {
      for (String w : tiers.get(i).split(" ")) if (!w.isEmpty()) out.merge(w, WEIGHTS.get(i), Math::max);
    }
    return out;
  }

  /** The local day, minute and date in one zone at an instant: what "open now" compares a service's hours with. */
  public record LocalNow(String zone, int day, int minute, LocalDate date) {
    public static LocalNow of(ZoneId zone, Instant at) {
      ZonedDateTime local = at.atZone(zone);
      return new LocalNow(zone.getId(), local.getDayOfWeek().getValue(), local.getHour() * 60 + local.getMinute(), local.toLocalDate());
    }
  }
}
