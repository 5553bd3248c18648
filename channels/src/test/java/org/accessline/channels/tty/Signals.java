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
}
