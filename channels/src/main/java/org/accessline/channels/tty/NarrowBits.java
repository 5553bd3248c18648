package org.accessline.channels.tty;

/**
 * Bit decisions for weak signals: quadrature correlators at the nominal mark and space frequencies
 * over exactly one bit, the matched filter for a bit of tone in white noise. Their bandwidth is
 * the baud rate, so they take in about a ninetieth of the band's noise, against a fifth for the
 * demodulator's short detection window; that is what reads a caller at −9 dB.
 *
 * <p>A frame read this way must also prove it is a TTY in noise and nothing else, and every
 * character must clear a confidence gate, so a line too noisy to read prints nothing rather than
 * invented text:
 * <ul>
 *   <li>each bit's tone bin must hold clearly more than the other bin, the start bit space and the
 *       stop bit mark;
 *   <li>the tone must stand well over the noise, measured in the very same frame (the bin a bit is
 *       not sent on holds only noise), over the whole frame and in every bit;
 *   <li>the frame's whole-band power must be what that tone plus that noise explain: speech and
 *       music put their power elsewhere in the band;
 *   <li>these bins must catch what the wide detector's bins catch, as a tone on the nominal
 *       frequencies gives: tones a few percent off fall between these bins and are left to the
 *       wide detector, and noise spreads evenly, so it fails this too.
 * </ul>
 */
final class NarrowBits {
  /**
   * Mean tone bin over mean noise bin, across the frame's bits (10 dB): noise alone almost never
   * reaches it. A frame that follows the last one in step, as characters of a burst do, needs less
   * (7 dB), so one weak character in a run is not lost.
   */
  private static final double LEAST_TONE_OVER_NOISE = 10;
  private static final double LEAST_TONE_OVER_NOISE_IN_STEP = 5;
  /** Each bit's tone bin over the frame's mean noise bin. */
  private static final double LEAST_BIT_OVER_NOISE = 3;
  /** The frame's mean tone bin over any one bit's tone bin, at most. */
  private static final double LOUDEST_OVER_BIT = 8;
  /** Each bit's (tone − other) / (tone + other). */
  private static final double LEAST_BIT_MARGIN = 0.25;
  /** Whole-band power may exceed what tone and noise explain by at most this factor (3 dB). */
  private static final double MOST_UNEXPLAINED = 2;

  private final int length;
  /** Where each of a frame's seven bits ends, counted from its start edge. */
  private final int[] bitEnds;
  private final int mask;
  private final double[] ringMarkI, ringMarkQ, ringSpaceI, ringSpaceQ;
  final float[] mark;
  final float[] space;
  private double markI, markQ, spaceI, spaceQ;
  private int slot;
  private int sinceResum;

  /** The last frame judged: its code and score. */
  int code;
  double score;
  private double explained;
  /** The frame's tone bins summed over its seven bits. */
  double toneTotal;

  NarrowBits(double samplesPerBit, int history) {
    this.length = (int) Math.round(samplesPerBit);
    this.mask = history - 1;
    this.ringMarkI = new double[length];
    this.ringMarkQ = new double[length];
    this.ringSpaceI = new double[length];
    this.ringSpaceQ = new double[length];
    this.mark = new float[history];
    this.bitEnds = new int[7];
    for (int k = 0; k < 7; k++) bitEnds[k] = (int) Math.round((k + 1) * samplesPerBit) - 1;
    this.space = new float[history];
  }

  /** One sample's products with the mark and space references, stored at history slot {@code at}. */
  void sample(double mi, double mq, double si, double sq, int at) {
    int sl = slot;
    markI += mi - ringMarkI[sl];
    markQ += mq - ringMarkQ[sl];
    spaceI += si - ringSpaceI[sl];
    spaceQ += sq - ringSpaceQ[sl];
    ringMarkI[sl] = mi;
    ringMarkQ[sl] = mq;
    ringSpaceI[sl] = si;
    ringSpaceQ[sl] = sq;
    slot = sl + 1 == length ? 0 : sl + 1;
    if (++sinceResum == 1 << 16) {
      // Sliding sums drift by rounding; now and then they are added up afresh.
      sinceResum = 0;
      markI = sum(ringMarkI);
      markQ = sum(ringMarkQ);
      spaceI = sum(ringSpaceI);
      spaceQ = sum(ringSpaceQ);
    }
    mark[at] = (float) (markI * markI + markQ * markQ);
    space[at] = (float) (spaceI * spaceI + spaceQ * spaceQ);
  }

  private static double sum(double[] ring) {
    double total = 0;
    for (double v : ring) total += v;
    return total;
  }

  /** The slot of the last sample of bit {@code k} of a frame starting at {@code edge}. */
  private int bitEnd(long edge, int k) {
    return (int) ((edge + bitEnds[k]) & mask);
  }

  /** A cheap first look: space in the start bit's bins and mark in the stop bit's. */
  boolean mayStart(long edge) {
    int start = bitEnd(edge, 0);
    int stop = bitEnd(edge, 6);
    return space[start] > mark[start] && mark[stop] > space[stop];
  }

  /**
   * Judges the bits of the frame starting at {@code edge}; on success sets {@link #code},
   * {@link #score} and the power the frame's tone and noise explain.
   */
  boolean frame(long edge, boolean inStep) {
    double tone = 0;
    double other = 0;
    double margins = 0;
    int c = 0;
    for (int k = 0; k < 7; k++) {
      int i = bitEnd(edge, k);
      double m = mark[i];
      double s = space[i];
      double margin = (m - s) / (m + s + 1e-30);
      if (k == 0 && margin > -LEAST_BIT_MARGIN) return false;
      if (k == 6 && margin < LEAST_BIT_MARGIN) return false;
      if (Math.abs(margin) < LEAST_BIT_MARGIN) return false;
      if (k >= 1 && k <= 5 && margin > 0) c |= 1 << (k - 1);
      tone += Math.max(m, s);
      other += Math.min(m, s);
      margins += Math.abs(m - s);
    }
    if (tone < (inStep ? LEAST_TONE_OVER_NOISE_IN_STEP : LEAST_TONE_OVER_NOISE) * other) return false;
    // Every bit on its own too, and at about the level of the others: a tone keeps its level
    // through a character, so a loud stop bit cannot carry six bits of noise before it.
    double least = Math.max(LEAST_BIT_OVER_NOISE * other, tone / LOUDEST_OVER_BIT) / 7;
    for (int k = 0; k < 7; k++) {
      int i = bitEnd(edge, k);
      if (Math.max(mark[i], space[i]) < least) return false;
    }
    // A start bit follows mark (a stop bit or the lead-in) or quiet, never a clear space: one that
    // does is a data bit inside another character.
    int before = (int) ((edge - 1) & mask);
    if (space[before] > tone / 7 / 2 && space[before] > 4 * mark[before]) return false;
    // The mark before the start bit places the frame too: a frame read late takes some of the start bit into it.
    margins += Math.max(0, mark[before] - space[before]);
    // In power per sample: a tone of amplitude A gives A²N²/4 in its bin, white noise of power σ² gives σ²N.
    double n = length;
    explained = 2 * (tone - other) / 7 / (n * n) + other / 7 / n;
    toneTotal = tone;
    code = c;
    score = margins;
    return true;
  }

  /** Whether the frame's whole-band power (mean per sample) is what its tone and noise explain. */
  boolean explains(double level) {
    return level <= MOST_UNEXPLAINED * explained;
  }
}
