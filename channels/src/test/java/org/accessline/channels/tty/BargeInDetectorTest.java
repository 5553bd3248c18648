package org.accessline.channels.tty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BargeInDetectorTest {
  private static final ModemSettings US = ModemSettings.US_TTY;
  private static final short[] SENT = new BaudotModulator(US).modulate("\r\nFAIRVIEW 311 TTY. HOW MAY I HELP YOU Q GA");
  private static final short[] CALLER = new BaudotModulator(US).modulate("MY TRASH WAS NOT PICKED UP ON 5TH ST GA");
  private static final long PLAYBACK_AT = 12_000;

  @Test
  void ourOwnEchoAtAnyDelayAndLevelIsNeverTheCaller() {
    for (int delay : new int[] {0, 37, 160, 1_203, 4_000}) {
      for (double gain : new double[] {0.5, 0.3, 0.05}) {
        short[] inbound = line(SENT, delay, gain, null, 0, 0, 0.001);
        assertEquals(-1, run(inbound), "echo at " + delay + " samples and gain " + gain);
      }
    }
  }

  @Test
  void lineNoiseAloneIsNotTheCaller() {
    assertEquals(-1, run(line(SENT, 400, 0.2, null, 0, 0, 0.01)));
  }

  @Test
  void aCallerTypingOverOurEchoIsHeardWithinAFewBits() {
    for (int delay : new int[] {0, 160, 2_400}) {
      for (double callerLevel : new double[] {0.5, 0.2, 0.1}) {
        for (long callerAt : new long[] {0, 4_000, 24_000}) {
          short[] inbound = line(SENT, delay, 0.2, CALLER, callerAt, callerLevel, 0.001);
          long heard = run(inbound);
          String what = "caller at " + callerLevel + " from sample " + callerAt + " over echo delayed " + delay;
          long callerStarts = PLAYBACK_AT + callerAt;
          assertTrue(heard >= 0, what + " was not heard");
          // A caller quieter than our echo is heard later, but within half a second.
          assertTrue(heard <= callerStarts + 4_000 && heard >= callerStarts - 800, what + ": onset " + heard + " vs " + callerStarts);
        }
      }
    }
  }

  /** Feeds the inbound track in 20 ms frames from the start of playback; returns the onset reported, or −1. */
  private static long run(short[] inbound) {
    BargeInDetector detector = new BargeInDetector(US);
    detector.playing(SENT, PLAYBACK_AT);
    for (int at = 0; at < inbound.length; at += 160) {
      long heard = detector.accept(inbound, at, Math.min(160, inbound.length - at), PLAYBACK_AT + at);
      if (heard >= 0) return heard;
    }
    return -1;
  }

  /** What the inbound track carries from the start of our playback: our echo, the caller's tones, and noise, through μ-law. */
  static short[] line(short[] sent, int echoDelay, double echoGain, short[] caller, long callerAt, double callerLevel, double noiseRms) {
    int length = sent.length + echoDelay + 8_000;
    short[] noise = Signals.noise(length / 8000.0 + 1, noiseRms, 7);
    short[] out = new short[length];
    for (int i = 0; i < length; i++) {
      double v = noise[i];
      int e = i - echoDelay;
      if (e >= 0 && e < sent.length) v += sent[e] * echoGain;
      long c = i - callerAt;
      if (caller != null && c >= 0 && c < caller.length) v += caller[(int) c] * callerLevel / 0.5;
      out[i] = MuLaw.decode(MuLaw.encode((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)))));
    }
    return out;
  }
}
