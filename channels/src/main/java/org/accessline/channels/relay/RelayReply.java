package org.accessline.channels.relay;

/** An agent's reply as spoken to a relay assistant: it ends the turn with "go ahead" unless it already ends it otherwise. */
public final class RelayReply {
  private RelayReply() {}

  public static String spoken(String agentText) {
    String text = agentText.strip();
    if (RelayText.ending(text.replaceAll("[.!?]+$", "")).isPresent()) return text;
    boolean closed = text.matches("(?s).*[.!?]$");
    return text + (closed ? " " : ". ") + "Go ahead.";
  }
}
