package org.accessline.channels.tty;

import java.time.Duration;

/**
 * How a TTY call behaves. Times are measured on the call's own audio clock, so a call replayed
 * faster than real time makes the same decisions.
 *
 * @param greeting sent in Baudot when the caller is silent after answer; it ends in GA, because the answerer types first
 * @param greetingDelay how long to listen after answer before greeting
 * @param guard how long the caller's carrier must be gone before we transmit
 * @param echoGuard how long to ignore received audio after our own playback ends
 * @param pause a caller's unfinished line becomes a message after this much quiet
 * @param turnEnd quiet after a final GA or SK before the turn is taken as ended (a word such as GAS may still follow)
 * @param wrapColumns a line end after at least this many characters is the TTY wrapping, not the caller ending a thought
 * @param appendGa whether replies that do not end a turn get GA appended
 * @param idleHangup the call is ended after this long with nothing sent either way; never under ten minutes
 * @param shiftAfterSpace what a space does to the caller's figures shift; {@code AUTO} reads it from the call
 * @param intake who may open a call: stream tokens and each number's call allowance
 */
public record TtyCallSettings(
    String greeting, Duration greetingDelay, Duration guard, Duration echoGuard, Duration pause, Duration turnEnd,
    int wrapColumns, boolean appendGa, Duration idleHangup,
    ModemSettings.ShiftAfterSpace shiftAfterSpace, TtyIntakeSettings intake) {

  public static final Duration SHORTEST_IDLE_HANGUP = Duration.ofMinutes(10);

  public TtyCallSettings {
    if (greeting == null || greeting.isBlank()) throw new IllegalArgumentException("a TTY call needs a greeting");
    for (Duration d : new Duration[] {greetingDelay, guard, echoGuard, pause, turnEnd}) {
      if (d == null || d.isNegative()) throw new IllegalArgumentException("TTY timings cannot be negative");
    }
    if (pause.compareTo(turnEnd) < 0) throw new IllegalArgumentException("the pause must be at least the turn-end quiet");
    if (wrapColumns < 20) throw new IllegalArgumentException("TTY lines are at least 20 columns");
    if (idleHangup == null || idleHangup.compareTo(SHORTEST_IDLE_HANGUP) < 0) {
      throw new IllegalArgumentException("a TTY call is never ended for inactivity under 10 minutes");
    }
    if (shiftAfterSpace == null) throw new IllegalArgumentException("say what a space does to figures shift (auto, letters or unchanged)");
    if (intake == null) throw new IllegalArgumentException("a TTY line needs its intake settings");
  }

  /** With the default intake settings. */
  public TtyCallSettings(
      String greeting, Duration greetingDelay, Duration guard, Duration echoGuard, Duration pause, Duration turnEnd,
      int wrapColumns, boolean appendGa, Duration idleHangup, ModemSettings.ShiftAfterSpace shiftAfterSpace) {
    this(greeting, greetingDelay, guard, echoGuard, pause, turnEnd, wrapColumns, appendGa, idleHangup, shiftAfterSpace, TtyIntakeSettings.defaults());
  }

  public static TtyCallSettings defaults(String centerName) {
    return new TtyCallSettings(TtyText.toTty(centerName) + " TTY. HOW MAY I HELP YOU Q GA", Duration.ofMillis(1500), Duration.ofMillis(1000),
        Duration.ofMillis(300), Duration.ofSeconds(6), Duration.ofMillis(1200), 60, true, Duration.ofMinutes(20),
        ModemSettings.US_TTY.shiftAfterSpace());
  }

  public TtyCallSettings withGreeting(String text) {
    return new TtyCallSettings(text, greetingDelay, guard, echoGuard, pause, turnEnd, wrapColumns, appendGa, idleHangup, shiftAfterSpace, intake);
  }

  public TtyCallSettings withIntake(TtyIntakeSettings settings) {
    return new TtyCallSettings(greeting, greetingDelay, guard, echoGuard, pause, turnEnd, wrapColumns, appendGa, idleHangup, shiftAfterSpace, settings);
  }

  /** The modem a call runs: US TTY tones and timing, with this call's shift rule. */
  public ModemSettings modem() {
    return ModemSettings.US_TTY.withShiftAfterSpace(shiftAfterSpace);
  }
}
