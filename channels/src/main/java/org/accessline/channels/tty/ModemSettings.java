package org.accessline.channels.tty;

import java.util.Locale;

/**
 * The physical layer of one TTY line. US TTYs: 45.45 baud, mark 1400 Hz, space 1800 Hz, 1.5 stop
 * bits; 50 baud is the international rate. Frequencies are whole hertz so the correlators can use
 * exact periodic tables.
 */
public record ModemSettings(int sampleRate, double baud, int markHz, int spaceHz, double stopBits, ShiftAfterSpace shiftAfterSpace) {
  /** What a live call uses: US tones and timing, and the shift convention read from the caller's own audio. */
  public static final ModemSettings US_TTY = new ModemSettings(8000, 45.45, 1400, 1800, 1.5, ShiftAfterSpace.AUTO);

  /**
   * What a space does to figures shift. Some TTYs and encoders return to letters after a space and
   * send digits after a space behind a fresh FIGS; others stay in figures until an explicit LTRS.
   * A receiver cannot know which without evidence, so {@link #AUTO} reads it from the call.
   */
  public enum ShiftAfterSpace {
    /** Decide per call from the sender's own shifts and, failing that, from which reading is plausible text. */
    AUTO,
    /** Always return to letters after a space (unshift-on-space). */
    LETTERS,
    /** Stay in figures until an explicit LTRS. */
    UNCHANGED;

    /** The configuration spelling: {@code auto}, {@code letters} or {@code unchanged}. */
    public String configName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static ShiftAfterSpace parse(String value) {
      for (ShiftAfterSpace s : values()) if (s.configName().equals(value.trim().toLowerCase(Locale.ROOT))) return s;
      throw new IllegalArgumentException("tty.shiftAfterSpace must be auto, letters or unchanged, not \"" + value + "\"");
    }
  }

  public ModemSettings {
    if (sampleRate < 4000) throw new IllegalArgumentException("sample rate must be at least 4000 Hz");
    // 45.45 (US) and 50 (international), with room for the few percent real devices are off by.
    if (baud < 43 || baud > 52) throw new IllegalArgumentException("baud must be 43-52 (45.45 US, 50 international)");
    if (markHz <= 0 || spaceHz <= markHz || spaceHz >= sampleRate / 2) throw new IllegalArgumentException("need 0 < mark < space < Nyquist");
    if (stopBits < 1.0 || stopBits > 2.0) throw new IllegalArgumentException("stop bits must be 1 to 2");
    if (shiftAfterSpace == null) throw new IllegalArgumentException("say what a space does to figures shift");
  }

  public double samplesPerBit() {
    return sampleRate / baud;
  }

  public ModemSettings withShiftAfterSpace(ShiftAfterSpace rule) {
    return new ModemSettings(sampleRate, baud, markHz, spaceHz, stopBits, rule);
  }

  public ModemSettings withTones(int mark, int space) {
    return new ModemSettings(sampleRate, baud, mark, space, stopBits, shiftAfterSpace);
  }

  public ModemSettings withStopBits(double stop) {
    return new ModemSettings(sampleRate, baud, markHz, spaceHz, stop, shiftAfterSpace);
  }

  public ModemSettings withBaud(double rate) {
    return new ModemSettings(sampleRate, rate, markHz, spaceHz, stopBits, shiftAfterSpace);
  }
}
