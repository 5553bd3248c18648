package org.accessline.channels.tty;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test audio made in Java: tones, DTMF, noise, and helpers to run the demodulator. */
public final class Signals {
  private Signals() {}

  public static short[] tones(double seconds, double amplitude, double... hz) {
    int n = (int) (seconds * 8000);
    short[] out = new short[n];
    for (int i = 0; i < n; i++) {
      double v = 0;
      for (double f : hz) v += Math.sin(2 * Math.PI * f * i / 8000) * amplitude / hz.length;
      out[i] = (short) Math.round(v * 32767);
    }
    return out;
  }

  public static short[] noise(double seconds, double rms, long seed) {
    Random random = new Random(seed);
    short[] out = new short[(int) (seconds * 8000)];
    for (int i = 0; i < out.length; i++) out[i] = (short) Math.max(-32768, Math.min(32767, Math.round(random.nextGaussian() * rms * 32767)));
    return out;
  }

  public static short[] concat(short[]... parts) {
    int total = 0;
    for (short[] p : parts) total += p.length;
    short[] out = new short[total];
    int at = 0;
    for (short[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  public static List<ModemEvent> events(ModemSettings settings, short[] pcm, int chunk) {
    BaudotDemodulator demodulator = new BaudotDemodulator(settings);
    List<ModemEvent> events = new ArrayList<>();
    for (int at = 0; at < pcm.length; at += chunk) demodulator.accept(pcm, at, Math.min(chunk, pcm.length - at), events::add);
    demodulator.end(events::add);
    return events;
  }

  public static String decode(ModemSettings settings, short[] pcm) {
    return text(events(settings, pcm, 160));
  }

  public static String text(List<ModemEvent> events) {
    StringBuilder out = new StringBuilder();
    for (ModemEvent e : events) if (e instanceof ModemEvent.Received r) out.append(r.character());
    return out.toString();
  }

  /** The audio scaled by {@code gain}, clipped to 16 bits. */
  public static short[] scaled(short[] pcm, double gain) {
    short[] out = new short[pcm.length];
    for (int i = 0; i < pcm.length; i++) out[i] = (short) Math.max(-32768, Math.min(32767, Math.round(pcm[i] * gain)));
    return out;
  }

  /**
   * The audio with repeatable white noise mixed in at {@code snrDb}, where SNR is the noise power
   * over the signal's power on its active samples (the 20 ms blocks within 20 dB of the loudest).
   */
  public static short[] withNoise(short[] pcm, double snrDb, long seed) {
    int block = 160;
    double loudest = 0;
    double[] blockPower = new double[(pcm.length + block - 1) / block];
    for (int b = 0; b < blockPower.length; b++) {
      double sum = 0;
      int n = 0;
      for (int i = b * block; i < Math.min(pcm.length, (b + 1) * block); i++, n++) sum += (double) pcm[i] * pcm[i];
      blockPower[b] = sum / n;
      loudest = Math.max(loudest, blockPower[b]);
    }
    double power = 0;
    long active = 0;
    for (int b = 0; b < blockPower.length; b++) {
      if (blockPower[b] < loudest / 100) continue;
      for (int i = b * block; i < Math.min(pcm.length, (b + 1) * block); i++, active++) power += (double) pcm[i] * pcm[i];
    }
    double sigma = Math.sqrt(power / active / Math.pow(10, snrDb / 10));
    Random random = new Random(seed);
    short[] out = new short[pcm.length];
    for (int i = 0; i < pcm.length; i++) out[i] = (short) Math.max(-32768, Math.min(32767, Math.round(pcm[i] + random.nextGaussian() * sigma)));
    return out;
  }

  /** The audio with continuous white line noise at {@code dbfs} RMS, relative to full scale (1.0 RMS is 0 dBFS). */
  public static short[] withLineNoise(short[] pcm, double dbfs, long seed) {
    double rms = Math.pow(10, dbfs / 20);
    short[] noise = noise(pcm.length / 8000.0 + 1, rms, seed);
    short[] out = new short[pcm.length];
    for (int i = 0; i < pcm.length; i++) out[i] = (short) Math.max(-32768, Math.min(32767, pcm[i] + noise[i]));
    return out;
  }
}
