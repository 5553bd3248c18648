package org.accessline.gateway.escalation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.accessline.gateway.conversation.Channel;

/**
 * What counts as an emergency in a resident's words, and what each channel tells them at once.
 * Phrases match whole words in any case, ignoring punctuation and apostrophes, so "can't breathe",
 * "CANT BREATHE" and "Can't breathe!" are the same. A phrase in {@code notEmergencies} (such as
 * "fire hydrant") keeps its words from counting.
 */
public record EmergencyPolicy(List<String> phrases, List<String> notEmergencies, Map<Channel, String> guidance, String defaultGuidance) {

  public static final List<String> DEFAULT_PHRASES = List.of(
      "fire", "on fire", "smoke", "smell gas", "gas leak", "explosion",
      "not breathing", "cant breathe", "cannot breathe", "no breathing", "stopped breathing", "choking", "unconscious", "passed out",
      "heart attack", "chest pain", "stroke", "seizure", "bleeding", "overdose", "overdosed", "od", "too many pills", "cant breath",
      "gun", "shot", "shooting", "shooter", "knife", "stabbed", "stabbing", "weapon", "break in", "breaking in", "intruder",
      "kill myself", "killing myself", "suicide", "suicidal", "end my life", "want to die", "hurt myself",
      "help me now", "emergency", "911", "call police", "being attacked", "he is hitting me", "she is hitting me");
  public static final List<String> DEFAULT_NOT_EMERGENCIES = List.of(
      "fire hydrant", "fire lane", "fire pit", "fire permit", "fire department inspection", "smoke detector battery", "smoke alarm battery",
      "shot clinic", "flu shot", "shooting range", "non emergency", "not an emergency", "emergency preparedness");
  public static final Map<Channel, String> DEFAULT_GUIDANCE = Map.of(
      Channel.TTY, "IF THIS IS AN EMERGENCY, HANG UP AND CALL 911 ON YOUR TTY NOW. 911 ANSWERS TTY CALLS. WE ARE STILL HERE GA",
      Channel.RELAY, "Relay operator, please tell the caller: if this is an emergency, hang up and call 911 now; 911 takes relay calls. "
          + "We are still here. Go ahead.",
      Channel.SMS, "If this is an emergency, call 911 now, or text 911 where that is available. We are still here and will reply.",
      Channel.WEBCHAT, "If this is an emergency, call 911 now, or text 911 where that is available. We are still here and will reply.");

  public EmergencyPolicy {
    phrases = phrases.stream().map(EmergencyPolicy::normalize).filter(p -> !p.isBlank()).toList();
    notEmergencies = notEmergencies.stream().map(EmergencyPolicy::normalize).filter(p -> !p.isBlank()).toList();
    guidance = Map.copyOf(guidance);
    if (phrases.isEmpty()) throw new IllegalArgumentException("emergency.phrases must name at least one phrase");
    if (defaultGuidance == null || defaultGuidance.isBlank()) throw new IllegalArgumentException("emergency guidance must not be empty");
  }

  public static EmergencyPolicy defaults() {
    return new EmergencyPolicy(DEFAULT_PHRASES, DEFAULT_NOT_EMERGENCIES, DEFAULT_GUIDANCE, DEFAULT_GUIDANCE.get(Channel.SMS));
  }

  /** The first phrase the text contains, as configured, if any. */
  public Optional<String> match(String text) {
    // "can't" must read as "cant", and "OD'd" as "od d": both readings are tried.
    for (String reading : new String[] {normalize(text), normalize(APOSTROPHES.matcher(text).replaceAll(" "))}) {
      String words = " " + reading + " ";
      for (String harmless : notEmergencies) words = words.replace(" " + harmless + " ", " ");
      for (String phrase : phrases) if (words.contains(" " + phrase + " ")) return Optional.of(phrase);
    }
    return Optional.empty();
  }

  public String guidanceFor(Channel channel) {
    return guidance.getOrDefault(channel, defaultGuidance);
  }

  private static final Pattern APOSTROPHES = Pattern.compile("['\u2019`]");
  private static final Pattern NOT_WORDS = Pattern.compile("[^a-z0-9]+");

  /** Lower case, apostrophes dropped (can't → cant), every other run of non-letters one space. */
  static String normalize(String text) {
    String lower = APOSTROPHES.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
    return NOT_WORDS.matcher(lower).replaceAll(" ").strip();
  }
}
