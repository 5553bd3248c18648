package org.accessline.channels.tty;

import java.time.Duration;

/**
 * Who may open a TTY call.
 *
 * @param streamTokenTtl how long the single-use token the voice webhook issues stays good for opening the call's media stream
 * @param callsPerNumber how many calls one calling number may place within {@code callWindow}; a call over that is rejected
 * @param callWindow the sliding window {@code callsPerNumber} counts over
 */
public record TtyIntakeSettings(Duration streamTokenTtl, int callsPerNumber, Duration callWindow) {

  public TtyIntakeSettings {
    if (streamTokenTtl == null || streamTokenTtl.toMillis() < 1_000 || streamTokenTtl.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("tty.streamTokenSeconds must be 1-600");
    }
    if (callsPerNumber < 1 || callsPerNumber > 1_000) throw new IllegalArgumentException("tty.callsPerNumber must be 1-1000");
    if (callWindow == null || callWindow.compareTo(Duration.ofMinutes(1)) < 0 || callWindow.compareTo(Duration.ofHours(24)) > 0) {
      throw new IllegalArgumentException("tty.callWindowMinutes must be 1-1440");
    }
  }

  /** Twilio opens the stream within a second or two of our answer; a caller whose call drops may call back a few times. */
  public static TtyIntakeSettings defaults() {
    return new TtyIntakeSettings(Duration.ofSeconds(30), 5, Duration.ofMinutes(10));
  }
}
