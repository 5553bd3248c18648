package org.accessline.gateway.routing;

import java.time.Duration;
import java.util.Optional;
import org.accessline.gateway.conversation.Channel;

/** What a texting or TTY resident is told about their place in line. */
public final class QueueMessages {
  private QueueMessages() {}

  public static String text(Channel channel, int position, Optional<Duration> wait) {
    String minutes = wait.map(w -> Math.max(1, (w.toSeconds() + 59) / 60)).map(m -> m + (m == 1 ? " minute" : " minutes")).orElse(null);
    if (channel.equals(Channel.TTY) || channel.equals(Channel.RELAY)) {
      return "YOU ARE NUMBER " + position + " IN LINE" + (minutes == null ? ". NO AGENT IS FREE RIGHT NOW" : ", ABOUT " + minutes.toUpperCase())
          + ". PLS HOLD OR TYPE YOUR QUESTION GA";
    }
    return "You are number " + position + " in line" + (minutes == null ? "; no agent is free right now, but your message is saved"
        : "; the wait is about " + minutes) + ". You can add details while you wait.";
  }
}
