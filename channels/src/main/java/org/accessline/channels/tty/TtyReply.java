package org.accessline.channels.tty;

import java.util.regex.Pattern;

/** An agent's reply as a TTY will print it: the TTY character set, and a turn that ends in GA. */
public record TtyReply(String original, String sent, boolean changed, boolean gaAppended) {
  /** Sent before every message of ours, so it starts on a fresh line and never runs on from the caller's last words. */
  public static final String NEW_LINE = "\r\n";

  /** Exactly what goes down the line for a message: a fresh line, then its text. */
  public static String onTheLine(String ttyText) {
    return NEW_LINE + ttyText;
  }

  private static final Pattern ENDS_TURN = Pattern.compile("(?s).*\\b(GA|SK|SKSK|GA OR SK)[\\s.!]*$");

  public static TtyReply of(String agentText, boolean appendGa) {
    String text = TtyText.toTty(agentText.strip());
    boolean mapped = !text.equals(agentText.strip());
    boolean append = appendGa && !ENDS_TURN.matcher(text).matches();
    String sent = append ? text + " GA" : text;
    return new TtyReply(agentText, sent, mapped, append);
  }
}
