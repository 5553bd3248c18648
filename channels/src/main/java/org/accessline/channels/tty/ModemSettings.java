package org.accessline.channels.tty;

/**
 * The physical layer of one TTY line. US TTYs: 45.45 baud, mark 1400 Hz, space 1800 Hz, 1.5 stop
 * bits; 50 baud is the international rate. Frequencies are whole hertz so the correlators can use
 * exact periodic tables.
 */
public record ModemSettings(int sampleRate, double baud, int markHz, int spaceHz, double stopBits, boolean unshiftOnSpace) {
  public static final ModemSettings US_TTY = new ModemSettings(8000, 45.45, 1400, 1800, 1.5, false);

  public ModemSettings {
    if (sampleRate < 4000) throw new IllegalArgumentException("sample rate must be at least 4000 Hz");
    // 45.45 (US) and 50 (international), with room for the few percent real devices are off by.
    if (baud < 43 || baud > 52) throw new IllegalArgumentException("baud must be 43-52 (45.45 US, 50 international)");
    if (markHz <= 0 || spaceHz <= markHz || spaceHz >= sampleRate / 2) throw new IllegalArgumentException("need 0 < mark < space < Nyquist");
    if (stopBits < 1.0 || stopBits > 2.0) throw new IllegalArgumentException("stop bits must be 1 to 2");
  }

  public double samplesPerBit() {
    return sampleRate / baud;
  }

  public ModemSettings withUnshiftOnSpace(boolean on) {
    return new ModemSettings(sampleRate, baud, markHz, spaceHz, stopBits, on);
  }

  public ModemSettings withTones(int mark, int space) {
    return new ModemSettings(sampleRate, baud, mark, space, stopBits, unshiftOnSpace);
  }

  public ModemSettings withStopBits(double stop) {
    return new ModemSettings(sampleRate, baud, markHz, spaceHz, stop, unshiftOnSpace);
  }

  public ModemSettings withBaud(double rate) {
    return new ModemSettings(sampleRate, rate, markHz, spaceHz, stopBits, unshiftOnSpace);
  }
}
