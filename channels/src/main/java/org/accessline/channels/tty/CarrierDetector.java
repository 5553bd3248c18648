package org.accessline.channels.tty;

/**
 * Whether the caller's TTY tones are on the line, steady under continuous line noise.
 *
 * <p>It measures the line's own noise floor while no carrier is up (quickly for the first quarter
 * second, then slowly, and at once when the line gets quieter) and judges tone against it, with
 * hysteresis: a carrier rises only on tone that holds most of the short window's energy and stands
 * 6 dB over the floor for a tenth of a bit; once up it stays while the tone keeps a fifth of the
 * energy and 3 dB over the floor, and falls only after three bits without. Noise alone, however
 * loud, moves the floor, not the carrier; and while the carrier is up the floor is left alone, so a
 * long burst does not teach the detector that the tone is the noise.
 *
 * <p>Plain arithmetic on numbers the demodulator already has, one call per sample.
 */
final class CarrierDetector {
  /** Share of the window's energy in the two tone bins for a carrier to rise, and to stay up. */
  private static final double RISE_SHARE = 0.5;
  private static final double HOLD_SHARE = 0.2;
  /** Tone level over the noise floor to rise (6 dB) and to stay up (3 dB). */
  private static final double RISE_OVER_FLOOR = 4;
  private static final double HOLD_OVER_FLOOR = 2;
  /** Below this mean energy per sample (−70 dBFS) a line counts as silent, whatever its floor. */
  private static final double QUIETEST = 1e-7;

  private final int confirm;
  private final int hold;
  private final int warmUp;
  private final double fast;
  private final double slow;

  private double floor = QUIETEST / RISE_OVER_FLOOR;
  private long measured;
  private boolean up;
  private int run;
  private long lastTone = Long.MIN_VALUE / 2;

  /** What changed with this sample. */
  enum Change {
    NONE,
    UP,
    DOWN
  }

  CarrierDetector(double samplesPerBit, int sampleRate) {
    this.confirm = (int) (samplesPerBit / 10);
    this.hold = (int) Math.round(3 * samplesPerBit);
    this.warmUp = sampleRate / 4;
    this.fast = 1.0 / (sampleRate / 40.0);
    this.slow = 1.0 / sampleRate;
  }

  /**
   * @param tone the tone bins' energy
   * @param pureTone what the tone bins would hold if all the window's energy were tone at either frequency
   * @param level the window's mean energy per sample
   */
  Change sample(double tone, double pureTone, double level, long n) {
    if (up) {
      if (tone > HOLD_SHARE * pureTone && level > HOLD_OVER_FLOOR * floor) lastTone = n;
      else if (n - lastTone > hold) {
        up = false;
        run = 0;
        return Change.DOWN;
      }
      return Change.NONE;
    }
    boolean rising = tone > RISE_SHARE * pureTone && level > RISE_OVER_FLOOR * floor;
    if (rising) {
      lastTone = n;
      if (++run > confirm) {
        up = true;
        return Change.UP;
      }
      return Change.NONE;
    }
    run = 0;
    learnFloor(level);
    return Change.NONE;
  }

  private void learnFloor(double level) {
    double heard = Math.max(level, QUIETEST / RISE_OVER_FLOOR);
    // A quieter line is believed at once (within a few milliseconds), a louder one only slowly.
    floor += (heard - floor) * (heard < floor || measured++ < warmUp ? fast : slow);
  }

  boolean up() {
    return up;
  }

  /** The first sample of the rising tone (on {@link Change#UP}) or the last one of tone (on {@link Change#DOWN}). */
  long edge(long n) {
    return up ? n - run : lastTone + 1;
  }

  /** The line's measured noise floor, as mean energy per sample. */
  double floor() {
    return floor;
  }
}
