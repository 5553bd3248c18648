package org.accessline.channels.relay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a relay assistant's opening identification from what was heard, such as "this is Georgia
 * Relay CA 2643" or, as a recogniser spells it, "this is georgia relay operator two six four
 * three, have you received a relay call before". Numbers may come as digits or as spoken words.
 */
public final class RelayAssistantId {
  /** Who announced themselves: the service's name, their number where they gave one, and the words that said so. */
  public record Identity(String service, Optional<String> number, String heard) {}

  private static final String ROLE = "(?:operator|agent|ca|c a|communications assistant|communication assistant|assistant)";
  /** Recognisers hear spoken digits as their homophones: "to six for three" and "to fix for three" are 2643. */
  private static final String NUMBER_WORD = "(?:zero|oh|o|one|two|to|too|three|four|for|five|six|fix|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
      + "|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|\\d+)";
  private static final String NUMBER = "((?:" + NUMBER_WORD + ")(?: " + NUMBER_WORD + ")*)";
  /** "[this is] [the] <up to three words> relay [operator|CA] [number] [N]". */
  private static final Pattern SERVICE = Pattern.compile(
      "(?:^|\\b)(this is |it's |its )?(?:the )?((?:[a-z]+ ){0,3}?)(?:relay|really(?= " + ROLE + "\\b))(?: service)?(?: " + ROLE + ")?(?: (?:number|no|id|i d))?(?: " + NUMBER + ")?\\b");
  /** "operator number 2643" with no service named. */
  private static final Pattern ROLE_NUMBER = Pattern.compile("\\b" + ROLE + " (?:number |no |id )?" + NUMBER + "\\b");
  private static final Pattern RELAY_QUESTION = Pattern.compile("\\b(?:received|had|taken|gotten|got) a relay call before\\b");
  private static final List<String> NOT_A_SERVICE_NAME = List.of("this", "is", "the", "a", "your", "my", "from", "with", "calling", "it's", "its", "hi", "hello");

  private RelayAssistantId() {}

  /** The identification in {@code heard}, if it holds one. */
  public static Optional<Identity> in(String heard) {
    String t = normalise(heard);
    Matcher m = SERVICE.matcher(t);
    while (m.find()) {
      boolean introduced = m.group(1) != null;
      String name = serviceName(m.group(2));
      Optional<String> number = Optional.ofNullable(m.group(3)).flatMap(RelayAssistantId::digits);
      boolean roleOrNumber = number.isPresent() || m.group().matches(".*(?:relay|really)(?: service)? " + ROLE + "\\b.*");
      // "relay" alone is too common a word ("can you relay this"): "this is …", a role or a number makes it an introduction.
      if (introduced || roleOrNumber) return Optional.of(new Identity(name.isEmpty() ? "Relay service" : name + " Relay", number, heard.strip()));
    }
    Matcher r = ROLE_NUMBER.matcher(t);
    if (r.find() && (t.contains("relay") || r.group().startsWith("operator") || r.group().startsWith("ca") || r.group().startsWith("c a"))) {
      Optional<String> number = digits(r.group(1));
      if (number.isPresent()) return Optional.of(new Identity("Relay service", number, heard.strip()));
    }
    if (RELAY_QUESTION.matcher(t).find()) return Optional.of(new Identity("Relay service", Optional.empty(), heard.strip()));
    return Optional.empty();
  }

  private static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]", " ").replaceAll("\\s+", " ").strip();
  }

  private static String serviceName(String words) {
    List<String> kept = new ArrayList<>();
    for (String w : words.strip().split(" ")) {
      if (w.isBlank()) continue;
      if (NOT_A_SERVICE_NAME.contains(w)) {
        kept.clear();
        continue;
      }
      kept.add(w);
    }
    StringBuilder out = new StringBuilder();
    for (String w : kept) {
      if (out.length() > 0) out.append(' ');
      out.append(w.length() <= 3 && !w.equals("new") ? w.toUpperCase(Locale.ROOT) : Character.toUpperCase(w.charAt(0)) + w.substring(1));
    }
    return out.toString();
  }

  private static final Map<String, Integer> UNITS = Map.ofEntries(
      Map.entry("zero", 0), Map.entry("oh", 0), Map.entry("o", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("to", 2),
      Map.entry("too", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("for", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("fix", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
      Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
      Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19));
  // "fix" is how the phone-band recogniser has heard "six" (BENCHMARKS.md, relay calls).
  private static final java.util.Set<String> HOMOPHONES = java.util.Set.of("to", "too", "for", "o", "oh", "fix");
  private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50, "sixty", 60, "seventy", 70,
      "eighty", 80, "ninety", 90);

  /**
   * Spoken digits as a string: "two six four three" and "twenty six forty three" are 2643, "four
   * hundred twelve" is 412. Each group (a unit, a tens word with its unit, a hundreds phrase) adds
   * its digits in order, as people read out an id.
   */
  static Optional<String> digits(String spoken) {
    StringBuilder out = new StringBuilder();
    String[] words = spoken.strip().split(" ");
    // Homophones count only beside a real number word: "operator to help you" has no number.
    if (java.util.Arrays.stream(words).allMatch(HOMOPHONES::contains)) return Optional.empty();
    int i = 0;
    while (i < words.length) {
      String w = words[i];
      if (w.matches("\\d+")) {
        out.append(w);
        i++;
      } else if (TENS.containsKey(w)) {
        int v = TENS.get(w);
        if (i + 1 < words.length && UNITS.containsKey(words[i + 1]) && UNITS.get(words[i + 1]) < 10 && UNITS.get(words[i + 1]) > 0) v += UNITS.get(words[++i]);
        out.append(v);
        i++;
      } else if (UNITS.containsKey(w)) {
        int v = UNITS.get(w);
        i++;
        if (i < words.length && words[i].equals("hundred")) {
          v *= 100;
          i++;
          if (i < words.length && TENS.containsKey(words[i])) {
            v += TENS.get(words[i++]);
            if (i < words.length && UNITS.containsKey(words[i]) && UNITS.get(words[i]) < 10) v += UNITS.get(words[i++]);
          } else if (i < words.length && UNITS.containsKey(words[i]) && !words[i].equals("oh") && !words[i].equals("o")) {
            v += UNITS.get(words[i++]);
          }
        }
        out.append(v);
      } else {
        i++;
      }
    }
    return out.length() == 0 || out.length() > 16 ? Optional.empty() : Optional.of(out.toString());
  }
}
