package org.accessline.channels.tty;

import java.util.function.Consumer;

/**
 * Turns 8 kHz audio into TTY characters.
 *
 * <p>Detection is non-coherent: sliding quadrature correlators at the mark and space frequencies
 * over a short window (two cycles of their difference, 5 ms for US tones, where the two are exactly
 * orthogonal). The window is short so that tones up to 5% off still land in the main lobe. Both
 * correlator energies are kept for the last second. A tone is present only while mark and space
 * energy make up a good share of all the energy in the window and the window stands over the line's
 * noise floor, which keeps speech, music, DTMF and noise out. Frames are found by scanning that history for a mark-to-space edge with
 * tone present (so a bare start bit after silence works), then summing mark and space energy over
 * the middle half of each bit: the start bit must be space and the stop bit mark, and every bit must be
 * clear, or the frame is dropped and the scan moves on one sample. Bits are timed from the edge, so
 * ±2% baud error stays within the averaged region.
 *
 * <p>Weak callers are read by one-bit correlators at the nominal tones ({@link NarrowBits}), tried
 * first at every position; the wide window above reads what they leave, such as tones a few percent
 * off. Either way a frame is dropped when a tune or a voice came just before it ({@link OtherSound}).
 * Codes become characters in {@link ShiftDecoder}, and {@link CarrierDetector} says when the
 * caller's tones are on the line.
 *
 * <p>Not thread-safe; one instance per call. Allocation-free per sample.
 */
public final class BaudotDemodulator {
  private static final double TONE_SHARE = 0.20;
  private static final double SILENCE = 1e-7;
  private static final double START_STOP_CLARITY = 0.1;
  private static final double BIT_CLARITY = 0.15;
  private static final double TONE_FRACTION = 0.75;
  private static final double TONE_OVER_FLOOR = 4;
  private static final int TONE_STRIDE = 4;
  private static final double FULL_SCALE = 1.0 / 32768;
  private static final int HISTORY = 8192;
  private static final int MASK = HISTORY - 1;
  /** Frames are looked for at least this often, well before the history wraps. */
  private static final int SCAN_EVERY = 1024;
  private static final int RESUM_EVERY = 1 << 16;

  private final ModemSettings settings;
  private final int window;
  private final double spb;
  private final double[] markCos, markSin, spaceCos, spaceSin;
  private final double[] ringMarkI, ringMarkQ, ringSpaceI, ringSpaceQ, ringEnergy;
  private final float[] markEnergy = new float[HISTORY];
  private final float[] spaceEnergy = new float[HISTORY];
  private final boolean[] tone = new boolean[HISTORY];
  private final float[] level = new float[HISTORY];
  /** Running total of {@link #level}, so a frame's mean level costs two reads. */
  private final double[] levelTotal = new double[HISTORY];
  private double runningLevel;
  private final NarrowBits narrow;
  private static final int NONE = 0;
  private static final int FOUND = 1;
  private static final int WAIT = 2;
  private boolean ended;
  /**
   * A bin's energy grows with the square of its length for a tone on its frequency, linearly for
   * noise: the one-bit bins must hold at least this share of that square law over the wide ones.
   */
  private static final double NOMINAL_CAPTURE = 0.4;
  private final double nominalCapture;
  /** The one-bit correlators have already weighed every placement up to here and found no frame. */
  private long searchedUntil = Long.MIN_VALUE;
  /** Where the last frame read by the one-bit correlators began. */
  private long lastStart = Long.MIN_VALUE / 2;
  /** Where in each bit the wide bins are looked at, as fractions of the bit. */
  private static final double[] WIDE_LOOKS = {0.3, 0.5, 0.7};
  private final int[] wideLooks;
  private final OtherSound otherSound;
  private short[] decoded = new short[160];
  private final int frameSpan;

  private double markI, markQ, spaceI, spaceQ, energy;
  private int slot, markPhase, spacePhase, sinceResum;
  private long samples;
  private long scan;
  /** Frames that began with a start edge but whose bits were not clear; one count per character's span. */
  private long dropped;
  private long countableAfter;
  private final ShiftDecoder shifts;
  private final CarrierDetector carrier;
  /** Where the last frame ended; a held stretch is settled when no frame follows for a while. */
  private long lastFrameEnd;
  private final int burstGap;

  public BaudotDemodulator(ModemSettings settings) {
    this.settings = settings;
    this.window = Math.max(8, (int) Math.round(2.0 * settings.sampleRate() / (settings.spaceHz() - settings.markHz())));
    this.spb = settings.samplesPerBit();
    this.markCos = table(settings.markHz(), true);
    this.markSin = table(settings.markHz(), false);
    this.spaceCos = table(settings.spaceHz(), true);
    this.spaceSin = table(settings.spaceHz(), false);
    this.ringMarkI = new double[window];
    this.ringMarkQ = new double[window];
    this.ringSpaceI = new double[window];
    this.ringSpaceQ = new double[window];
    this.ringEnergy = new double[window];
    this.otherSound = new OtherSound(window, settings.sampleRate());
    this.frameSpan = (int) Math.ceil(7.0 * spb) + 2;
    this.scan = 1;
    this.shifts = new ShiftDecoder(settings.shiftAfterSpace());
    this.carrier = new CarrierDetector(spb, settings.sampleRate());
    this.burstGap = (int) Math.round(15 * spb);
    this.narrow = new NarrowBits(spb, HISTORY);
    double ratio = Math.round(spb) / (double) window;
    this.nominalCapture = NOMINAL_CAPTURE * ratio * ratio;
    this.wideLooks = new int[7 * WIDE_LOOKS.length];
    for (int k = 0; k < 7; k++) {
      for (int j = 0; j < WIDE_LOOKS.length; j++) wideLooks[k * WIDE_LOOKS.length + j] = (int) Math.round((k + WIDE_LOOKS[j]) * spb) + window / 2;
    }
  }

  private double[] table(int hz, boolean cosine) {
    int period = settings.sampleRate() / gcd(hz, settings.sampleRate());
    double[] t = new double[period];
    for (int i = 0; i < period; i++) {
      double phase = 2 * Math.PI * hz * i / settings.sampleRate();
      t[i] = cosine ? Math.cos(phase) : Math.sin(phase);
    }
    return t;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /** Feeds signed 16-bit samples, in chunks of any size. */
  public void accept(short[] pcm, int offset, int length, Consumer<ModemEvent> out) {
    int at = offset;
    int end = offset + length;
    while (at < end) {
      // Look for frames at least every SCAN_EVERY samples, well before the history wraps.
      int until = (int) Math.min(end, at + (SCAN_EVERY - (samples % SCAN_EVERY)));
      correlate(pcm, at, until, out);
      frames(out);
      at = until;
    }
  }

  /**
   * The stream has ended: characters held back to settle their shift are printed now. A live line
   * never needs this (the caller's carrier drops first); a recording that stops mid-tone does.
   */
  /** How many character frames were heard starting but dropped because their bits were not clear. */
  public long droppedCharacters() {
    return dropped;
  }

  public void end(Consumer<ModemEvent> out) {
    ended = true;
    frames(out);
    shifts.endOfBurst(out);
  }

  /** Feeds G.711 μ-law bytes, as Twilio sends them. */
  public void acceptMuLaw(byte[] ulaw, int offset, int length, Consumer<ModemEvent> out) {
    if (decoded.length < length) decoded = new short[length];
    for (int i = 0; i < length; i++) decoded[i] = MuLaw.decode(ulaw[offset + i]);
    accept(decoded, 0, length, out);
  }

  /** The per-sample work, with the sliding state held in locals for the length of the chunk. */
  private void correlate(short[] pcm, int from, int to, Consumer<ModemEvent> out) {
    double mI = markI, mQ = markQ, sI = spaceI, sQ = spaceQ, en = energy;
    int sl = slot, mp = markPhase, sp = spacePhase, sinceSum = sinceResum;
    long n = samples;
    final double toneThreshold = TONE_SHARE * window * 0.5;
    final double silence = SILENCE * window;
    for (int i = from; i < to; i++) {
      double x = pcm[i] * FULL_SCALE;
      double mi = x * markCos[mp];
      double mq = x * markSin[mp];
      double si = x * spaceCos[sp];
      double sq = x * spaceSin[sp];
      double e = x * x;
      mI += mi - ringMarkI[sl];
      mQ += mq - ringMarkQ[sl];
      sI += si - ringSpaceI[sl];
      sQ += sq - ringSpaceQ[sl];
      en += e - ringEnergy[sl];
      ringMarkI[sl] = mi;
      ringMarkQ[sl] = mq;
      ringSpaceI[sl] = si;
      ringSpaceQ[sl] = sq;
      ringEnergy[sl] = e;
      if (++sl == window) sl = 0;
      if (++mp == markCos.length) mp = 0;
      if (++sp == spaceCos.length) sp = 0;
      if (++sinceSum == RESUM_EVERY) {
        // Sliding sums drift by rounding; now and then they are added up afresh from the rings.
        sinceSum = 0;
        mI = sum(ringMarkI);
        mQ = sum(ringMarkQ);
        sI = sum(ringSpaceI);
        sQ = sum(ringSpaceQ);
        en = sum(ringEnergy);
      }
      double m = mI * mI + mQ * mQ;
      double s = sI * sI + sQ * sQ;
      boolean audible = en > silence;
      // For a pure tone in the window, its correlator energy equals energy * window / 2.
      boolean present = audible && (m + s) > toneThreshold * en;
      int at = (int) (n & MASK);
      markEnergy[at] = (float) m;
      spaceEnergy[at] = (float) s;
      // Line noise now and then looks like tone to so short a window; it never stands over the floor.
      tone[at] = present && en > TONE_OVER_FLOOR * window * carrier.floor();
      double meanLevel = en / window;
      level[at] = (float) meanLevel;
      runningLevel += meanLevel;
      levelTotal[at] = runningLevel;
      narrow.sample(mi, mq, si, sq, at);
      otherSound.sample(x, en, audible && !present, meanLevel, n);
      switch (carrier.sample(m + s, en * window * 0.5, meanLevel, n)) {
        case UP -> out.accept(new ModemEvent.CarrierUp(carrier.edge(n)));
        case DOWN -> {
          // Everything of the burst is printed before the line is said to be quiet.
          samples = n;
          frames(out);
          shifts.endOfBurst(out);
          out.accept(new ModemEvent.CarrierDown(carrier.edge(n)));
        }
        case NONE -> { }
      }
      n++;
    }
    markI = mI;
    markQ = mQ;
    spaceI = sI;
    spaceQ = sQ;
    energy = en;
    slot = sl;
    markPhase = mp;
    spacePhase = sp;
    sinceResum = sinceSum;
    samples = n;
  }

  private static double sum(double[] ring) {
    double total = 0;
    for (double v : ring) total += v;
    return total;
  }

  private void frames(Consumer<ModemEvent> out) {
    if (scan < samples - HISTORY + frameSpan) scan = samples - HISTORY + frameSpan;
    while (scan + frameSpan <= samples) {
      int narrowRead = narrowFrame(out);
      if (narrowRead == FOUND) continue;
      if (narrowRead == WAIT) break;
      if (isStartEdge(scan)) {
        int code = frameAt(scan);
        if (code >= 0) {
          emit(code, scan, out);
          scan += (long) (7.0 * spb);
          continue;
        }
        if (scan >= countableAfter) {
          dropped++;
          countableAfter = scan + frameSpan;
        }
      }
      scan++;
    }
    // A held stretch is not kept waiting past the burst, even when noise keeps the line busy.
    if (shifts.holding() && samples - lastFrameEnd > burstGap) shifts.endOfBurst(out);
  }

  /**
   * A frame read by the one-bit correlators at {@link #scan}, placed where its bits are clearest
   * within a bit after; on success it is printed and the scan moves past it.
   */
  private int narrowFrame(Consumer<ModemEvent> out) {
    long edge = scan;
    if (edge <= searchedUntil || !narrowAt(edge)) return NONE;
    // The best placement may lie up to a bit later; a live stream waits for that audio to arrive.
    if (edge + (long) spb > samples - frameSpan && !ended) return WAIT;
    long best = edge;
    int bestCode = narrow.code;
    double bestScore = narrow.score;
    long last = Math.min(edge + (long) spb, samples - frameSpan);
    for (long t = edge + 1; t <= last; t++) {
      // The score first: the other checks cost more and matter only for a better placement.
      if (narrow.mayStart(t) && narrow.frame(t, inStep(t)) && narrow.score > bestScore && checked(t)) {
        best = t;
        bestCode = narrow.code;
        bestScore = narrow.score;
      }
    }
    if (otherSound.nearby(best, frameLevel(best))) {
      // Every placement up to here has been weighed; they are not weighed again one sample later.
      searchedUntil = last;
      return NONE;
    }
    emit(bestCode, best, out);
    lastStart = best;
    scan = best + (long) (7.0 * spb);
    return FOUND;
  }

  private boolean narrowAt(long edge) {
    return narrow.mayStart(edge) && narrow.frame(edge, inStep(edge)) && checked(edge);
  }

  /** The checks on a frame {@link NarrowBits#frame} has just read that need the whole band. */
  private boolean checked(long edge) {
    return narrow.explains(frameLevel(edge)) && narrow.toneTotal > nominalCapture * wideTone(edge);
  }

  /** The wide detector's tone bins over the middle of each of a frame's seven bits, summed over the bits. */
  private double wideTone(long edge) {
    double total = 0;
    for (int look : wideLooks) {
      int i = (int) ((edge + look) & MASK);
      total += Math.max(markEnergy[i], spaceEnergy[i]);
    }
    return total / WIDE_LOOKS.length;
  }

  /** Whether a frame at {@code edge} would follow the last one as the next character of a burst. */
  private boolean inStep(long edge) {
    double bits = (edge - lastStart) / spb;
    return bits > 7.2 && bits < 8.6;
  }

  /** Mean whole-band power per sample over the seven bits of a frame starting at {@code edge}. */
  private double frameLevel(long edge) {
    long end = edge + (long) (7.0 * spb);
    return (levelTotal[(int) (end & MASK)] - levelTotal[(int) (edge & MASK)]) / (end - edge);
  }

  private boolean isStartEdge(long at) {
    int i = (int) (at & MASK);
    int before = (int) ((at - 1) & MASK);
    return tone[i] && spaceEnergy[i] > markEnergy[i] && (markEnergy[before] >= spaceEnergy[before] || !tone[before]);
  }

  /** The 5-bit code of a valid frame starting at the edge, or −1. */
  private int frameAt(long edge) {
    if (bitMargin(edge, 0) > -START_STOP_CLARITY) return -1;
    if (bitMargin(edge, 6) < START_STOP_CLARITY) return -1;
    int code = 0;
    for (int bit = 0; bit < 5; bit++) {
      double margin = bitMargin(edge, bit + 1);
      if (Math.abs(margin) < BIT_CLARITY) return -1;
      if (margin > 0) code |= 1 << bit;
    }
    // Tone presence and level, looked at every few samples across the frame.
    int span = (int) (7.0 * spb);
    int looked = 0;
    int toneSamples = 0;
    double toneLevel = 0;
    for (int k = 0; k < span; k += TONE_STRIDE) {
      int i = (int) ((edge + k) & MASK);
      looked++;
      if (tone[i]) {
        toneSamples++;
        toneLevel += level[i];
      }
    }
    if (toneSamples < TONE_FRACTION * looked) return -1;
    // The start bit itself must be tone: a frame that begins in noise and ends in a burst's lead-in is not one.
    int startTone = 0;
    int startLooked = 0;
    for (long t = edge + Math.round(0.25 * spb); t < edge + Math.round(0.75 * spb); t += TONE_STRIDE, startLooked++) {
      if (tone[(int) (t & MASK)]) startTone++;
    }
    if (startTone < TONE_FRACTION * startLooked) return -1;
    return otherSound.nearby(edge, toneLevel / toneSamples) ? -1 : code;
  }

  /**
   * Mark against space over the middle half of bit {@code k}: (mark − space) / (mark + space) of
   * the summed correlator energies, from −1 (clear space) to +1 (clear mark).
   */
  private double bitMargin(long edge, int k) {
    long from = edge + Math.round((k + 0.25) * spb);
    long to = edge + Math.round((k + 0.75) * spb);
    double mark = 0;
    double space = 0;
    for (long t = from; t < to; t++) {
      int i = (int) (t & MASK);
      mark += markEnergy[i];
      space += spaceEnergy[i];
    }
    return (mark - space) / (mark + space + 1e-30);
  }

  private void emit(int code, long edge, Consumer<ModemEvent> out) {
    lastFrameEnd = edge + frameSpan;
    shifts.accept(code, edge, out);
  }
}
