package org.accessline.web.cannedreplies;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.store.CannedReply;

/** What a canned reply may hold, how it is found, and how its placeholders are filled for one conversation. Pure. */
public final class CannedReplyRules {
  public static final int TITLE_CHARS = 80;
  public static final int SHORTCUT_CHARS = 24;
  public static final int TEXT_CHARS = 1600;
  /** A TTY wording is meant to be short: a TTY prints about six characters a second. */
  public static final int TTY_TEXT_CHARS = 400;
  public static final int PERSONAL_PER_AGENT = 100;
  public static final int SHARED = 500;
  public static final List<String> PLACEHOLDERS = List.of("resident", "center", "agent");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)\\}");

  private CannedReplyRules() {}

  /** What the agent asked to save, before it has an id and a scope's owner. */
  public record Draft(String title, String shortcut, String text, Optional<String> ttyText) {}

  /** Why a draft is refused: the field and a sentence for people; empty when it may be saved. */
  public record Problem(String field, String message) {}

  public static Optional<Problem> check(Draft d) {
    if (d.title() == null || d.title().isBlank() || d.title().length() > TITLE_CHARS) {
      return Optional.of(new Problem("title", "\"title\" must be 1-" + TITLE_CHARS + " characters."));
    }
    if (d.shortcut() == null || !d.shortcut().matches("[a-z0-9-]{1," + SHORTCUT_CHARS + "}")) {
      return Optional.of(new Problem("shortcut", "\"shortcut\" must be 1-" + SHORTCUT_CHARS + " lower-case letters, digits or '-'."));
    }
    if (d.text() == null || d.text().isBlank() || d.text().length() > TEXT_CHARS) {
      return Optional.of(new Problem("text", "\"text\" must be 1-" + TEXT_CHARS + " characters."));
    }
    if (d.ttyText().isPresent() && d.ttyText().get().length() > TTY_TEXT_CHARS) {
      return Optional.of(new Problem("ttyText", "\"ttyText\" can be at most " + TTY_TEXT_CHARS + " characters."));
    }
    for (String field : List.of("text", "ttyText")) {
      Optional<String> value = field.equals("text") ? Optional.of(d.text()) : d.ttyText();
      List<String> unknown = value.map(CannedReplyRules::unknownPlaceholders).orElse(List.of());
      if (!unknown.isEmpty()) {
        return Optional.of(new Problem(field, "\"" + field + "\" has an unknown placeholder {" + unknown.get(0) + "}: use {resident}, {center} or {agent}."));
      }
    }
    return Optional.empty();
  }

  /** Every {name} in the text that is not one of {@link #PLACEHOLDERS}. */
  static List<String> unknownPlaceholders(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) if (!PLACEHOLDERS.contains(m.group(1))) out.add(m.group(1));
    return out;
  }

  /** The wording for the channel (the TTY one, when there is one, on TTY and relay), its placeholders filled. */
  public static String filled(CannedReply reply, Channel channel, Map<String, String> values) {
    boolean slow = channel.equals(Channel.TTY) || channel.equals(Channel.RELAY);
    String text = slow && reply.ttyText().isPresent() ? reply.ttyText().get() : reply.text();
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
    m.appendTail(out);
    return out.toString();
  }

  /** Whether every word of the query is in its title, shortcut or text, ignoring case; no words match all. */
  public static boolean matches(CannedReply reply, String query) {
    String haystack = (reply.title() + " " + reply.shortcut() + " " + reply.text()).toLowerCase(Locale.ROOT);
    for (String word : query.toLowerCase(Locale.ROOT).strip().split("\\s+")) {
      if (!word.isEmpty() && !haystack.contains(word)) return false;
    }
    return true;
  }

  /** Shortcut matches come first, then title matches, so "/hou" puts "hours" at the top. */
  public static int rank(CannedReply reply, String query) {
    String q = query.strip().toLowerCase(Locale.ROOT);
    if (q.isEmpty()) return 2;
    if (reply.shortcut().startsWith(q)) return 0;
    return reply.title().toLowerCase(Locale.ROOT).contains(q) ? 1 : 2;
  }
}
