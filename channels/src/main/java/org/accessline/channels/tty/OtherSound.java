package org.accessline.channels.tty;

/**
 * Sustained, predictable sound that is not TTY tone: a note or a voice, told from line noise by a
 * second-order linear predictor over the demodulator's short window. The demodulator drops a frame
 * when the half second before it held such sound at a level within 3 dB of the frame's own tones:
 * that is a tune or a voice whose notes happen to fall on the mark and space frequencies with the
 * right timing. Line noise never counts, however loud.
 *
 * <p>The predictor needs only the window's first three autocorrelations; the demodulator already
 * has the first (the window's energy), and the other two are kept as sliding sums, so each sample
 * costs a few multiplications.
 */
final class OtherSound {
  /** Residual energy of the 2nd-order predictor below which sound counts as a note or voice (6 dB gain). */
  private static final double PREDICTABLE_RESIDUAL = 0.25;
  private static final double OTHER_SOUND_RATIO = 0.5;
  private static final int RUNS = 64;
  private static final int RESUM_EVERY = 1 << 16;

  private final int window;
  private final int context;
  /** Products of each sample with the one and two before it, for the window's lag-1 and lag-2 sums. */
  private final double[] lag1, lag2;
  private int slot1, slot2, sinceResum;
  private double r1, r2, previous, beforePrevious;
  /** The most recent runs of other sound longer than the window: where each ended, its length and summed level. */
  private final long[] runEnds = new long[RUNS];
  private final int[] runLengths = new int[RUNS];
  private final double[] runLevels = new double[RUNS];
  private int runCount;
  private int run;
  private double runLevel;
  private long now;

  OtherSound(int window, int sampleRate) {
    this.window = window;
    this.context = sampleRate / 2;
    this.lag1 = new double[window - 1];
    this.lag2 = new double[window - 2];
  }

  /**
   * One sample.
   *
   * @param energy the window's energy (its lag-0 autocorrelation)
   * @param judge whether the window is audible and not TTY tone, so worth judging
   */
  void sample(double x, double energy, boolean judge, double level, long n) {
    double p1 = x * previous;
    double p2 = x * beforePrevious;
    r1 += p1 - lag1[slot1];
    r2 += p2 - lag2[slot2];
    lag1[slot1] = p1;
    lag2[slot2] = p2;
    if (++slot1 == lag1.length) slot1 = 0;
    if (++slot2 == lag2.length) slot2 = 0;
    beforePrevious = previous;
    previous = x;
    if (++sinceResum == RESUM_EVERY) {
      sinceResum = 0;
      r1 = sum(lag1);
      r2 = sum(lag2);
    }
    now = n + 1;
    if (judge && predictable(energy)) {
      run++;
      runLevel += level;
    } else if (run > 0) {
      endRun(n);
    }
  }

  private static double sum(double[] ring) {
    double total = 0;
    for (double v : ring) total += v;
    return total;
  }

  private boolean predictable(double r0) {
    double k1 = r1 / r0;
    double residual1 = 1 - k1 * k1;
    if (residual1 <= 0) return true;
    double k2 = (r2 / r0 - k1 * k1) / residual1;
    return residual1 * (1 - k2 * k2) < PREDICTABLE_RESIDUAL;
  }

  private void endRun(long n) {
    // Short gaps are the correlator straddling a tone change; only longer runs are other sound.
    if (run > window) {
      int r = runCount++ % RUNS;
      runEnds[r] = n;
      runLengths[r] = run;
      runLevels[r] = runLevel;
    }
    run = 0;
    runLevel = 0;
  }

  /** Whether sustained non-TTY sound, nearly as loud as a frame's tones, came just before it. */
  boolean nearby(long edge, double toneLevel) {
    double otherLevel = 0;
    long otherSamples = 0;
    for (int back = 1; back <= Math.min(runCount, RUNS); back++) {
      int r = (runCount - back) % RUNS;
      long start = runEnds[r] - runLengths[r];
      if (runEnds[r] <= edge - context) break;
      if (start >= edge) continue;
      otherLevel += runLevels[r];
      otherSamples += runLengths[r];
    }
    // Sound still going on when the frame began counts too.
    if (run > window && now - run < edge) {
      otherLevel += runLevel;
      otherSamples += run;
    }
    return otherSamples > 0 && otherLevel / otherSamples > OTHER_SOUND_RATIO * toneLevel;
  }
}
