package org.accessline.channels.tty;

/**
 * Hears the caller typing while we play. While we send, the inbound track carries our own echo,
 * attenuated and delayed, and perhaps the caller's tones on top. Both are mark and space tones, so
 * the tones alone cannot tell them apart; what we sent can. Every 5 ms block of received audio is
 * measured at the mark and space frequencies and compared with the same measures of what we sent,
 * at each delay up to {@link #MAX_DELAY_MS}. The caller's evidence is tone energy above the most
 * echo that delay could return (at most half of what we sent until the echo's delay and gain are
 * learnt from a long close fit, then the learnt gain with a margin, near the learnt delay): an echo
 * that drops out or weakens never counts. When that excess is both a large share of what we hear
 * and loud for {@link #HOLD_BLOCKS} blocks in a row at every delay, the caller is over us. Pure
 * arithmetic, no threads; sample positions are on the call's inbound clock.
 */
public final class BargeInDetector {
  /** 5 ms: mark (1400 Hz) and space (1800 Hz) fall on exact bins, and a tone 5% off still reads at about −3 dB. */
  static final int BLOCK = 40;
  /** The longest echo path we model: network both ways plus the line. */
  static final int MAX_DELAY_MS = 800;
  /** About two bits of the caller's tones before we call it typing. */
  static final int HOLD_BLOCKS = 8;
  /** A line returns at most half of what we send (6 dB echo return loss, the hybrid's worst). */
  static final double MAX_ECHO_GAIN = 0.5;
  /** Share of the received tone energy above any echo we could be hearing. */
  static final double UNEXPLAINED = 0.2;
  /** Unexplained tone level, as the magnitude a −42 dBFS tone gives in one block. */
  static final double FLOOR = Math.pow(10, -42 / 20.0) * 32767 * BLOCK / 2;
  /** Per-block decay of the running sums: a memory of about 100 ms. */
  private static final double DECAY = 0.95;
  /** Once the echo is learnt, delays this many blocks (120 ms) either side are still tried: playback gaps shift it. */
  private static final int TRACK = 24;
  /** The learnt echo gain, with room for the line's level to wander. */
  private static final double GAIN_MARGIN = 1.5;
  /** The caller's evidence is judged over about 20 ms, so their first bits stand out. */
  private static final double FAST_DECAY = 0.75;
  /** How closely, and for how long, one delay must explain what we hear to be taken as the echo's. */
  private static final double LOCK_FIT = 0.05;
  private static final int LOCK_BLOCKS = 30;

  private final int maxDelay;
  private final double markStep;
  private final double spaceStep;

  private float[] refMark = new float[0];
  private float[] refSpace = new float[0];
  private long start;
  private boolean active;

  private final short[] block = new short[BLOCK];
  private int filled;
  private long blockStart;
  private final double[] cross;
  private final double[] excess;
  private final double[] refEnergy;
  private double energy;
  private double weight;
  private int run;
  private long runStart;
  private boolean locked;
  private int lockK = -1;
  private int lockRun;
  private int lockedK;
  private double echoGain;
  private double received;

  public BargeInDetector(ModemSettings modem) {
    this.maxDelay = MAX_DELAY_MS * modem.sampleRate() / 1000 / BLOCK;
    this.markStep = 2 * Math.PI * modem.markHz() / modem.sampleRate();
    this.spaceStep = 2 * Math.PI * modem.spaceHz() / modem.sampleRate();
    this.cross = new double[maxDelay + 1];
    this.refEnergy = new double[maxDelay + 1];
    this.excess = new double[maxDelay + 1];
  }

  /** We start playing {@code sent}; its first sample goes out at inbound position {@code at}. */
  public void playing(short[] sent, long at) {
    int blocks = sent.length / BLOCK;
    refMark = new float[blocks];
    refSpace = new float[blocks];
    for (int b = 0; b < blocks; b++) {
      refMark[b] = (float) magnitude(sent, b * BLOCK, markStep);
      refSpace[b] = (float) magnitude(sent, b * BLOCK, spaceStep);
    }
    start = at;
    active = true;
    java.util.Arrays.fill(cross, 0);
    java.util.Arrays.fill(refEnergy, 0);
    java.util.Arrays.fill(excess, 0);
    received = 0;
    energy = 0;
    weight = 0;
    run = 0;
    filled = 0;
    locked = false;
    lockK = -1;
    lockRun = 0;
  }

  /** The echo's delay in whole blocks, once learnt from a long close fit; else −1. */
  public int echoDelayBlocks() {
    return locked ? lockedK : -1;
  }

  /** The longest echo delay modelled, in samples. */
  public int maxDelaySamples() {
    return maxDelay * BLOCK;
  }

  /** Our playback ended or was cleared. */
  public void stopped() {
    active = false;
  }

  /**
   * Received audio whose first sample is at inbound position {@code at}. Returns the position where
   * the caller's tones began, once they are heard over our echo, or −1.
   */
  public long accept(short[] pcm, int offset, int length, long at) {
    if (!active) return -1;
    if (filled == 0) blockStart = at;
    for (int i = 0; i < length; i++) {
      block[filled++] = pcm[offset + i];
      if (filled < BLOCK) continue;
      filled = 0;
      long began = measure(blockStart);
      blockStart += BLOCK;
      if (began >= 0) {
        active = false;
        return began;
      }
    }
    return -1;
  }

  private long measure(long at) {
    double mark = magnitude(block, 0, markStep);
    double space = magnitude(block, 0, spaceStep);
    long index = Math.floorDiv(at - start, BLOCK);
    energy = energy * DECAY + mark * mark + space * space;
    weight = weight * DECAY + 1;
    learnEcho(index, mark, space);
    // The caller's evidence is tone energy above the most echo we could be hearing: an echo that
    // drops out (a playback gap) or comes back weaker is never mistaken for the caller.
    int from = locked ? Math.max(0, lockedK - TRACK) : 0;
    int to = locked ? Math.min(maxDelay, lockedK + TRACK) : maxDelay;
    double gain = locked ? Math.min(MAX_ECHO_GAIN, echoGain * GAIN_MARGIN) : MAX_ECHO_GAIN;
    double least = Double.MAX_VALUE;
    for (int k = 0; k <= maxDelay; k++) {
      long r = index - k;
      double rm = r >= 0 && r < refMark.length ? refMark[(int) r] : 0;
      double rs = r >= 0 && r < refSpace.length ? refSpace[(int) r] : 0;
      double dm = Math.max(0, mark - gain * rm);
      double ds = Math.max(0, space - gain * rs);
      excess[k] = excess[k] * FAST_DECAY + dm * dm + ds * ds;
      if (k >= from && k <= to) least = Math.min(least, excess[k]);
    }
    received = received * FAST_DECAY + mark * mark + space * space;
    // Near the end of what we sent, a shifted echo outlasts it; the caller typing then is heard by
    // the demodulator once our playback is reported done.
    if (index - (locked ? lockedK : 0) >= refMark.length - TRACK) return decide(at, false);
    double level = Math.sqrt(least * (1 - FAST_DECAY));
    return decide(at, least > UNEXPLAINED * received && level > FLOOR);
  }

  /** Learns the echo's delay and gain from a long, close fit of what we hear to what we sent. */
  private void learnEcho(long index, double mark, double space) {
    double best = 1;
    int bestK = -1;
    for (int k = 0; k <= maxDelay; k++) {
      long r = index - k;
      double rm = r >= 0 && r < refMark.length ? refMark[(int) r] : 0;
      double rs = r >= 0 && r < refSpace.length ? refSpace[(int) r] : 0;
      cross[k] = cross[k] * DECAY + mark * rm + space * rs;
      refEnergy[k] = refEnergy[k] * DECAY + rm * rm + rs * rs;
      if (cross[k] > 0 && refEnergy[k] > 0) {
        double unexplained = 1 - cross[k] * cross[k] / (energy * refEnergy[k]);
        if (unexplained < best) {
          best = unexplained;
          bestK = k;
        }
      }
    }
    if (bestK >= 0 && best < LOCK_FIT && Math.sqrt(energy / weight) > FLOOR && bestK == lockK) {
      if (++lockRun >= LOCK_BLOCKS) {
        locked = true;
        lockedK = bestK;
        echoGain = cross[bestK] / refEnergy[bestK];
      }
    } else {
      lockRun = 0;
      lockK = bestK;
    }
  }

  private long decide(long at, boolean callerHeard) {
    if (!callerHeard) {
      run = 0;
      return -1;
    }
    if (run++ == 0) runStart = at;
    return run >= HOLD_BLOCKS ? Math.max(start, runStart - 2L * BLOCK) : -1;
  }

  /** The magnitude of one block at one frequency (Goertzel). */
  private static double magnitude(short[] pcm, int from, double step) {
    double coeff = 2 * Math.cos(step);
    double s1 = 0;
    double s2 = 0;
    int end = Math.min(from + BLOCK, pcm.length);
    for (int i = from; i < end; i++) {
      double s = pcm[i] + coeff * s1 - s2;
      s2 = s1;
      s1 = s;
    }
    return Math.sqrt(Math.max(0, s1 * s1 + s2 * s2 - coeff * s1 * s2));
  }
}
