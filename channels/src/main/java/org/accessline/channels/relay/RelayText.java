package org.accessline.channels.relay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accessline.channels.tty.TurnEnd;

/**
 * What a relay assistant's utterance holds, apart: the resident's words, the assistant's own
 * descriptions of what they hear, and the turn-taking phrase that ends it. Descriptions come in
 * parentheses where the text has them ("(typing)"), spoken as "open paren … close paren", or as an
 * utterance that is nothing but a known description ("background noise").
 */
public final class RelayText {
  /** One piece of an utterance, in order. */
  public sealed interface Part {
    record Words(String text) implements Part {}

    record Annotation(String text) implements Part {}
  }

  /** Descriptions that, said alone, are the assistant's and not the resident's words. */
  static final Set<String> DESCRIPTIONS = Set.of("typing", "caller typing", "still typing", "background noise", "background voices", "noise",
      "male voice", "female voice", "child's voice", "child voice", "laughing", "laughs", "crying", "coughing", "music", "hold music",
      "silence", "no response", "pause", "long pause", "static", "garbled", "recording", "beep", "tone", "dial tone", "busy signal",
      "inaudible", "unclear", "dog barking", "baby crying", "sighs", "sigh");

  private static final Pattern WRITTEN = Pattern.compile("\\(([^()]*)\\)");
  private static final Pattern SPOKEN = Pattern.compile(
      "\\b(?:open |begin |start )?paren(?:t|ts|thesis|theses)?\\b(.*?)\\b(?:close|end|closed|and) paren(?:t|ts|thesis|theses)?\\b");

  private RelayText() {}

  /** The utterance as resident's words and annotations, in order; empty pieces are dropped. */
  public static List<Part> split(String utterance) {
    String text = utterance.strip();
    List<Part> out = new ArrayList<>();
    if (DESCRIPTIONS.contains(bare(text))) {
      out.add(new Part.Annotation(bare(text)));
      return out;
    }
    Matcher m = WRITTEN.matcher(text);
    if (!m.find()) m = SPOKEN.matcher(text);
    else m.reset();
    int from = 0;
    while (m.find()) {
      addWords(out, text.substring(from, m.start()));
      String inside = m.group(1).strip();
      if (!inside.isEmpty()) out.add(new Part.Annotation(inside));
      from = m.end();
    }
    addWords(out, text.substring(from));
    return out;
  }

  private static void addWords(List<Part> out, String words) {
    String w = words.replaceAll("\\s+", " ").strip();
    if (!w.isEmpty()) out.add(new Part.Words(w));
  }

  private static String bare(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z' ]", " ").replaceAll("\\s+", " ").strip();
  }

  private static final Pattern GO_AHEAD = Pattern.compile("(?:^|\\s)(?:go ahead|go ahead please|g a|gee a|ga|go head)[\\s.!,]*$");
  /** With the confusions a small recogniser makes of "stop keying", a phrase its vocabulary barely knows. */
  private static final Pattern STOP_KEYING = Pattern.compile(
      "(?:^|\\s)(?:(?:stop|stopped|stock|start) (?:keying|key in|king|kin)|stop key|s k|sk)[\\s.!,]*$");
  private static final Pattern HANGING_UP = Pattern.compile("(?:^|\\s)(?:sksk|s k s k|sk sk|stop keying stop keying)[\\s.!,]*$");
  private static final Pattern GA_OR_SK = Pattern.compile("(?:^|\\s)(?:go ahead or stop keying|ga or sk|g a or s k)[\\s.!,]*$");

  /** The turn-taking phrase the words end with, if any: "go ahead" / "GA", "stop keying" / "SK". */
  public static Optional<TurnEnd> ending(String words) {
    String t = words.toLowerCase(Locale.ROOT).strip();
    if (GA_OR_SK.matcher(t).find()) return Optional.of(TurnEnd.GO_AHEAD_OR_STOP);
    if (HANGING_UP.matcher(t).find()) return Optional.of(TurnEnd.HANGING_UP);
    if (STOP_KEYING.matcher(t).find()) return Optional.of(TurnEnd.STOP_KEYING);
    if (GO_AHEAD.matcher(t).find()) return Optional.of(TurnEnd.GO_AHEAD);
    return Optional.empty();
  }
}
