package org.accessline.channels.tty;

import java.util.function.Consumer;

/**
 * Turns 8 kHz audio into TTY characters.
 *
 * <p>Detection is non-coherent: sliding quadrature correlators at the mark and space frequencies
 * over a short window (two cycles of their difference, 5 ms for US tones, where the two are exactly
 * orthogonal). The window is short so that tones up to 5% off still land in the main lobe. The
 * discriminator (mark − space) / (mark + space) is kept for the last half second. A tone is present
 * only while mark and space energy make up most of all the energy in the window, which keeps speech,
 * music, DTMF and noise out. Frames are found by scanning that history for a mark-to-space edge with
 * tone present (so a bare start bit after silence works), then averaging the discriminator over the
 * middle half of each bit: the start bit must be space and the stop bit mark, and every bit must be
 * clear, or the frame is dropped and the scan moves on one sample. Bits are timed from the edge, so
 * ±2% baud error stays within the averaged region.
 *
 * <p>A frame is also dropped when the half second before it held sustained sound that is not TTY
 * tone (a run longer than the correlator window) at a level within 3 dB of the frame's own tones:
 * that is a tune or a voice whose notes happen to fall on the mark and space frequencies with the
 * right timing. Line noise at 6 dB SNR sits well below that level, so it does not block text.
 *
 * <p>Not thread-safe; one instance per call. Allocation-free per sample.
 */
public final class BaudotDemodulator {
  private static final double TONE_SHARE = 0.35;
  private static final double SILENCE = 1e-7;
  private static final float START_STOP_CLARITY = 0.5f;
  private static final float BIT_CLARITY = 0.4f;
  private static final double TONE_FRACTION = 0.75;
  private static final double OTHER_SOUND_RATIO = 0.5;
  private static final int HISTORY = 8192;
  private static final int MASK = HISTORY - 1;
  /** Frames are looked for at least this often, well before the history wraps. */
  private static final int SCAN_EVERY_MASK = 1024 - 1;
  private static final int RESUM_EVERY = 1 << 16;

  private final ModemSettings settings;
  private final int window;
  private final double spb;
  private final double[] markCos, markSin, spaceCos, spaceSin;
  private final double[] ringMarkI, ringMarkQ, ringSpaceI, ringSpaceQ, ringEnergy;
  private final float[] disc = new float[HISTORY];
  private final boolean[] tone = new boolean[HISTORY];
  private final float[] level = new float[HISTORY];
  private final int context;
  private final int frameSpan;
  private final int carrierHold;

  private double markI, markQ, spaceI, spaceQ, energy;
  private int slot, markPhase, spacePhase, sinceResum;
  private long samples;
  private long scan;
  private boolean figures;
  private boolean carrier;
  private long lastTone = Long.MIN_VALUE / 2;
  private int toneRun;

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
    this.frameSpan = (int) Math.ceil(7.0 * spb) + 2;
    this.carrierHold = (int) Math.round(3 * spb);
    this.context = settings.sampleRate() / 2;
    this.scan = 1;
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
    for (int i = offset; i < offset + length; i++) {
      step(pcm[i] / 32768.0, out);
      if ((samples & SCAN_EVERY_MASK) == 0) frames(out);
    }
    frames(out);
  }

  /** Feeds G.711 μ-law bytes, as Twilio sends them. */
  public void acceptMuLaw(byte[] ulaw, int offset, int length, Consumer<ModemEvent> out) {
    for (int i = offset; i < offset + length; i++) {
      step(MuLaw.decode(ulaw[i]) / 32768.0, out);
      if ((samples & SCAN_EVERY_MASK) == 0) frames(out);
    }
    frames(out);
  }

  /** Samples consumed so far. */
  public long position() {
    return samples;
  }

  public boolean carrierPresent() {
    return carrier;
  }

  private void step(double x, Consumer<ModemEvent> out) {
    double mi = x * markCos[markPhase];
    double mq = x * markSin[markPhase];
    double si = x * spaceCos[spacePhase];
    double sq = x * spaceSin[spacePhase];
    double e = x * x;
    markI += mi - ringMarkI[slot];
    markQ += mq - ringMarkQ[slot];
    spaceI += si - ringSpaceI[slot];
    spaceQ += sq - ringSpaceQ[slot];
    energy += e - ringEnergy[slot];
    ringMarkI[slot] = mi;
    ringMarkQ[slot] = mq;
    ringSpaceI[slot] = si;
    ringSpaceQ[slot] = sq;
    ringEnergy[slot] = e;
    if (++slot == window) slot = 0;
    if (++markPhase == markCos.length) markPhase = 0;
    if (++spacePhase == spaceCos.length) spacePhase = 0;
    if (++sinceResum == RESUM_EVERY) resum();

    double m = markI * markI + markQ * markQ;
    double s = spaceI * spaceI + spaceQ * spaceQ;
    // For a pure tone in the window, its correlator energy equals energy * window / 2.
    boolean present = energy > SILENCE * window && (m + s) > TONE_SHARE * energy * window * 0.5;
    int at = (int) (samples & MASK);
    disc[at] = (float) ((m - s) / (m + s + 1e-30));
    tone[at] = present;
    level[at] = (float) (energy / window);
    carrier(present, out);
    samples++;
  }

  /** Sliding sums drift by rounding; now and then they are added up afresh from the rings. */
  private void resum() {
    sinceResum = 0;
    markI = markQ = spaceI = spaceQ = energy = 0;
    for (int i = 0; i < window; i++) {
      markI += ringMarkI[i];
      markQ += ringMarkQ[i];
      spaceI += ringSpaceI[i];
      spaceQ += ringSpaceQ[i];
      energy += ringEnergy[i];
    }
  }

  private void carrier(boolean present, Consumer<ModemEvent> out) {
    if (present) {
      lastTone = samples;
      toneRun++;
      // A tenth of a bit of steady tone before calling it a carrier, so clicks do not count.
      if (!carrier && toneRun > spb / 10) {
        carrier = true;
        out.accept(new ModemEvent.CarrierUp(samples - toneRun));
      }
    } else {
      toneRun = 0;
      if (carrier && samples - lastTone > carrierHold) {
        carrier = false;
        out.accept(new ModemEvent.CarrierDown(lastTone + 1));
      }
    }
  }

  private void frames(Consumer<ModemEvent> out) {
    if (scan < samples - HISTORY + frameSpan) scan = samples - HISTORY + frameSpan;
    while (scan + frameSpan <= samples) {
      if (isStartEdge(scan)) {
        int code = frameAt(scan);
        if (code >= 0) {
          emit(code, scan, out);
          scan += (long) (7.0 * spb);
          continue;
        }
      }
      scan++;
    }
  }

  private boolean isStartEdge(long at) {
    int i = (int) (at & MASK);
    int before = (int) ((at - 1) & MASK);
    return tone[i] && disc[i] < 0 && (disc[before] >= 0 || !tone[before]);
  }

  /** The 5-bit code of a valid frame starting at the edge, or −1. */
  private int frameAt(long edge) {
    int toneCount = 0;
    int span = (int) (7.0 * spb);
    for (int k = 0; k < span; k++) if (tone[(int) ((edge + k) & MASK)]) toneCount++;
    if (toneCount < TONE_FRACTION * span) return -1;
    if (bitMean(edge, 0) > -START_STOP_CLARITY) return -1;
    if (bitMean(edge, 6) < START_STOP_CLARITY) return -1;
    int code = 0;
    for (int bit = 0; bit < 5; bit++) {
      float mean = bitMean(edge, bit + 1);
      if (Math.abs(mean) < BIT_CLARITY) return -1;
      if (mean > 0) code |= 1 << bit;
    }
    return otherSoundNearby(edge, span) ? -1 : code;
  }

  /** Whether sustained non-TTY sound, nearly as loud as this frame's tones, came just before it. */
  private boolean otherSoundNearby(long edge, int span) {
    double toneLevel = 0;
    int toneSamples = 0;
    for (int k = 0; k < span; k++) {
      int i = (int) ((edge + k) & MASK);
      if (tone[i]) {
        toneLevel += level[i];
        toneSamples++;
      }
    }
    toneLevel /= Math.max(1, toneSamples);
    double otherLevel = 0;
    int otherSamples = 0;
    int run = 0;
    double runLevel = 0;
    long from = Math.max(Math.max(0, samples - HISTORY + 1), edge - context);
    for (long t = from; t <= edge; t++) {
      int i = (int) (t & MASK);
      boolean other = !tone[i] && level[i] > SILENCE && t < edge;
      if (other) {
        run++;
        runLevel += level[i];
      } else {
        // Short gaps are the correlator straddling a tone change; only longer runs are other sound.
        if (run > window) {
          otherLevel += runLevel;
          otherSamples += run;
        }
        run = 0;
        runLevel = 0;
      }
    }
    return otherSamples > 0 && otherLevel / otherSamples > OTHER_SOUND_RATIO * toneLevel;
  }

  /** The discriminator averaged over the middle half of bit {@code k} of the frame at {@code edge}. */
  private float bitMean(long edge, int k) {
    long from = edge + Math.round((k + 0.25) * spb);
    long to = edge + Math.round((k + 0.75) * spb);
    float sum = 0;
    for (long t = from; t < to; t++) sum += disc[(int) (t & MASK)];
    return sum / (to - from);
  }

  private void emit(int code, long edge, Consumer<ModemEvent> out) {
    if (code == Baudot.LTRS) {
      figures = false;
      return;
    }
    if (code == Baudot.FIGS) {
      figures = true;
      return;
    }
    char c = Baudot.decode(code, figures);
    if (code == Baudot.SPACE && settings.unshiftOnSpace()) figures = false;
    if (c != Baudot.NONE) out.accept(new ModemEvent.Received(c, edge));
  }
}
