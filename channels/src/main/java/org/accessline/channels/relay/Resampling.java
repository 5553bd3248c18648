package org.accessline.channels.relay;

/**
 * Between the phone line's 8 kHz and the 16 kHz speech engines work at. Both directions use the
 * same short half-band low-pass filter, so upsampling adds no images above 4 kHz and downsampling
 * folds nothing above 4 kHz back into the band.
 */
final class Resampling {
  /** A 15-tap half-band filter (windowed sinc, cut-off at a quarter of the higher rate). */
  private static final double[] HALF_BAND = halfBand(15);

  private Resampling() {}

  private static double[] halfBand(int taps) {
    double[] h = new double[taps];
    int mid = taps / 2;
    double sum = 0;
    for (int i = 0; i < taps; i++) {
      int n = i - mid;
      double sinc = n == 0 ? 0.5 : Math.sin(Math.PI * n / 2) / (Math.PI * n);
      double window = 0.54 - 0.46 * Math.cos(2 * Math.PI * i / (taps - 1));
      h[i] = sinc * window;
      sum += h[i];
    }
    for (int i = 0; i < taps; i++) h[i] /= sum;
    return h;
  }

  /**
   * Doubles the rate of {@code length} samples from {@code offset}. {@code history} carries the
   * filter's last input between calls, so a stream upsampled frame by frame matches the whole.
   */
  static short[] upsample(short[] in, int offset, int length, double[] history) {
    short[] out = new short[length * 2];
    int taps = HALF_BAND.length;
    for (int i = 0; i < length; i++) {
      for (int phase = 0; phase < 2; phase++) {
        // Zero-stuffed input: sample, 0, sample, 0 …; the filter's gain of 2 restores the level.
        System.arraycopy(history, 1, history, 0, taps - 1);
        history[taps - 1] = phase == 0 ? in[offset + i] : 0;
        double acc = 0;
        for (int k = 0; k < taps; k++) acc += history[k] * HALF_BAND[k];
        out[2 * i + phase] = clip(2 * acc);
      }
    }
    return out;
  }

  /** Halves the rate of a whole signal. */
  static short[] downsample(short[] in) {
    int taps = HALF_BAND.length;
    int mid = taps / 2;
    short[] out = new short[in.length / 2];
    for (int o = 0; o < out.length; o++) {
      int centre = 2 * o;
      double acc = 0;
      for (int k = 0; k < taps; k++) {
        int j = centre + k - mid;
        if (j >= 0 && j < in.length) acc += in[j] * HALF_BAND[k];
      }
      out[o] = clip(acc);
    }
    return out;
  }

  static double[] history() {
    return new double[HALF_BAND.length];
  }

  private static short clip(double v) {
    return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
  }
}
