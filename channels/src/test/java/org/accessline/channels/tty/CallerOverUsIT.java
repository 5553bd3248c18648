package org.accessline.channels.tty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A caller typing (minimodem's audio) over our playback, on a line that returns our echo, as the
 * call session sees it frame by frame: the caller is heard over the echo, and the audio replayed
 * from their onset, then the rest of their typing, decodes to exactly what they typed.
 */
class CallerOverUsIT {
  private static final ModemSettings US = ModemSettings.US_TTY;
  private static final String SAID = "MY BIN WAS NOT EMPTIED THIS WEEK GA";
  private static final short[] SENT = new BaudotModulator(US).modulate(TtyReply.onTheLine("FAIRVIEW 311 TTY. HOW MAY I HELP YOU Q GA"));
  private static final long PLAYBACK_AT = 12_000;
  private static short[] caller;

  @BeforeAll
  static void callerAudio(@TempDir Path work) throws Exception {
    AudioTools.require("minimodem");
    Path wav = work.resolve("caller.wav");
    AudioTools.minimodemTx(SAID, 1.5, wav);
    caller = WavAudio.read(wav).samples();
  }

  @Test
  void echoAloneWithPlaybackGapsIsNeverTheCaller() {
    for (int delay : new int[] {0, 160, 480, 2_000}) {
      assertEquals(-1, call(-1, 1, delay, 0.3, new int[] {1, 3, 4}).onset, "echo delayed " + delay);
      assertEquals(-1, call(-1, 1, delay, 0.5, new int[] {}).onset, "loud echo delayed " + delay);
    }
  }

  @Test
  void theCallerIsDecodedExactlyFromTheirFirstCharacterWheneverTheyStart() {
    java.util.List<String> failures = new java.util.ArrayList<>();
    for (int delay : new int[] {0, 160, 2_000}) {
      for (long callerAt : new long[] {0, 800, 12_000, 52_000}) {
        for (int[] gaps : new int[][] {{}, {1, 3, 4}}) {
          for (double callerLevel : new double[] {1, 0.5}) {
          Outcome o = call(callerAt, callerLevel, delay, 0.3, gaps);
          String what = "caller at " + callerLevel + " from " + callerAt + " over echo delayed " + delay + " with " + gaps.length + " gaps";
          if (o.onset < 0 || !SAID.equals(o.text.strip())) failures.add(what + ", heard at " + (o.onset - PLAYBACK_AT - callerAt) + ": " + o.text.strip());
          }
        }
      }
    }
    assertEquals(java.util.List.of(), failures);
  }

  private record Outcome(long onset, String text) {}

  /**
   * Plays our audio from {@link #PLAYBACK_AT}, skipping a frame at each of {@code gaps} (playback
   * under-runs, which shift the echo), with the caller from {@code callerAt} after playback starts
   * (−1: never). After the caller is heard our playback stops, as Twilio's clear does.
   */
  private static Outcome call(long callerAt, double callerLevel, int echoDelay, double echoGain, int[] gaps) {
    CallerOverUs overUs = new CallerOverUs(US);
    BaudotDemodulator demodulator = new BaudotDemodulator(US);
    StringBuilder text = new StringBuilder();
    short[] silence = new short[(int) PLAYBACK_AT];
    overUs.received(silence, 0);
    overUs.sending("", SENT, PLAYBACK_AT);
    short[] echo = playedWithGaps(gaps);
    long onset = -1;
    long end = PLAYBACK_AT + echo.length + echoDelay + (callerAt >= 0 ? callerAt + caller.length : 0) + 8000;
    for (long at = PLAYBACK_AT; at < end; at += 160) {
      short[] frame = new short[160];
      for (int i = 0; i < 160; i++) {
        long n = at + i - PLAYBACK_AT;
        double v = 0;
        long e = n - echoDelay;
        if ((onset < 0 || at + i < onset + 1600) && e >= 0 && e < echo.length) v += echo[(int) e] * echoGain;
        long c = n - callerAt;
        if (callerAt >= 0 && c >= 0 && c < caller.length) v += caller[(int) c] * callerLevel;
        frame[i] = MuLaw.decode(MuLaw.encode((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)))));
      }
      overUs.received(frame, at);
      if (onset < 0) {
        onset = overUs.callerOnset(frame, at);
        if (onset >= 0) {
          short[] replay = overUs.replayFrom(onset);
          demodulator.accept(replay, 0, replay.length, ev -> append(text, ev));
        }
      } else {
        short[] clean = overUs.afterOnset(frame, at);
        demodulator.accept(clean, 0, clean.length, ev -> append(text, ev));
      }
    }
    return new Outcome(onset, text.toString());
  }

  private static void append(StringBuilder text, ModemEvent event) {
    if (event instanceof ModemEvent.Received r) text.append(r.character());
  }

  private static short[] playedWithGaps(int[] gaps) {
    short[] out = new short[SENT.length + gaps.length * 160];
    int from = 0;
    int to = 0;
    int frame = 0;
    while (from < SENT.length) {
      boolean gap = false;
      for (int g : gaps) gap |= g == frame;
      frame++;
      if (gap) {
        to += 160;
        continue;
      }
      int n = Math.min(160, SENT.length - from);
      System.arraycopy(SENT, from, out, to, n);
      from += n;
      to += n;
    }
    return out;
  }
}
