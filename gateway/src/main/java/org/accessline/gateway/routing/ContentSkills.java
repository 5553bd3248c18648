package org.accessline.gateway.routing;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Skills a resident's first words call for: a center lists cue words per skill (for "es": hola,
 * necesito, ayuda…). Two different cues are needed, so one borrowed word does not send an English
 * speaker to a Spanish queue. Agents can change what the conversation needs afterwards. Pure.
 */
public record ContentSkills(Map<String, List<String>> cues) {
  private static final int CUES_NEEDED = 2;

  public ContentSkills {
    cues = Map.copyOf(cues);
    cues.forEach((skill, words) -> {
      if (!skill.matches("[a-z][a-z0-9-]{0,31}")) throw new IllegalArgumentException("routing.contentSkills: skills are lower-case words such as es");
      if (words.size() < CUES_NEEDED) throw new IllegalArgumentException("routing.contentSkills." + skill + " needs at least " + CUES_NEEDED + " cue words");
    });
  }

  public static ContentSkills none() {
    return new ContentSkills(Map.of());
  }

  public Set<String> in(String text) {
    if (cues.isEmpty()) return Set.of();
    String words = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + " ";
    Set<String> found = new HashSet<>();
    cues.forEach((skill, list) -> {
      long hits = list.stream().map(w -> w.toLowerCase(Locale.ROOT).strip()).filter(w -> words.contains(" " + w + " ")).distinct().count();
      if (hits >= CUES_NEEDED) found.add(skill);
    });
    return found;
  }
}
