package org.accessline.channels.tty;

import java.time.Duration;

/**
 * The inbound side of a call while we send: a record of the last few seconds of what the line
 * carried, and the {@link BargeInDetector} that tells the caller's tones from our echo. When the
 * caller starts typing over us, the demodulator is given the audio from where their tones began,
 * so nothing they typed during our playback is lost. No threads; positions are inbound samples.
 */
final class CallerOverUs {
  /**
   * Replay starts this far before the detected onset, since the caller is heard a little late;
   * with our echo taken out, what is left of it there is too short to make a character.
   */
  static final Duration REPLAY_LEAD = Duration.ofMillis(120);
  /** Replay reaches back at most this far before our playback began. */
  static final Duration SHORT_LEAD = Duration.ofMillis(100);
  /** The echo's exact delay and gain are fitted on up to this much audio before the onset: 1 s. */
  private static final long ECHO_FIT = 8_000;
  private static final int FRAME = 160;
  /** Share of the expected echo a delay must take out to be our echo rather than the caller's tones. */
  private static final double MATCH = 0.8;
  /** After the caller is heard, our echo comes back for its delay and this long, while Twilio gets our clear. */
  static final Duration TAIL = Duration.ofMillis(400);
  /** How far, in samples, the echo may drift from its fitted delay during the replayed stretch: 60 ms. */
  private static final int DRIFT = 480;
  private static final int KEPT = 8000 * 3;

  private final BargeInDetector detector;
  private final ModemSettings modem;
  private final short[] ring = new short[KEPT];
  private long written;
  private long playingFrom = -1;
  private String playingText = "";
  private short[] playingAudio = new short[0];
  private int echoDelay;
  private double echoGain;
  private long tailUntil;

  CallerOverUs(ModemSettings modem) {
    this.modem = modem;
    this.detector = new BargeInDetector(modem);
  }

  /** Remembers received audio; {@code at} must follow on from the previous call. */
  void received(short[] pcm, long at) {
    for (int i = 0; i < pcm.length; i++) ring[(int) ((at + i) % KEPT)] = pcm[i];
    written = at + pcm.length;
  }

  /** We start sending {@code lineText} as {@code sent} audio at inbound position {@code at}. */
  void sending(String lineText, short[] sent, long at) {
    detector.playing(sent, at);
    echoGain = 0;
    playingFrom = at;
    playingText = lineText;
    playingAudio = sent;
  }

  /** Our playback ended, or an agent stopped it: no caller to listen for over it, no echo to take out. */
  void stopped() {
    detector.stopped();
    playingFrom = -1;
    echoGain = 0;
  }

  /** Where the caller's tones began over our playback, or −1 while we hear only our echo. */
  long callerOnset(short[] pcm, long at) {
    return playingFrom < 0 ? -1 : detector.accept(pcm, 0, pcm.length, at);
  }

  /** Whether received audio still needs our echo taken out. */
  boolean cancelling() {
    return echoGain > 0;
  }

  /**
   * The received audio from a little before {@code onset} to now, for a fresh demodulator, with our
   * echo taken out, so the demodulator hears the caller alone. Later audio goes through
   * {@link #afterOnset} until the echo of what had gone out has died away.
   */
  short[] replayFrom(long onset) {
    long oldest = Math.max(0, written - KEPT);
    // Before our playback the demodulator was listening, and heard no caller for a second: nothing
    // there it has not already decoded, except perhaps the very start of a character.
    long from = Math.max(Math.max(oldest, playingFrom - SHORT_LEAD.toMillis() * modem.sampleRate() / 1000),
        onset - REPLAY_LEAD.toMillis() * modem.sampleRate() / 1000);
    short[] out = new short[(int) (written - from)];
    for (int i = 0; i < out.length; i++) out[i] = ring[(int) ((from + i) % KEPT)];
    fitEcho(Math.max(Math.max(oldest, playingFrom), onset - ECHO_FIT), onset);
    cancelEcho(out, from);
    tailUntil = written + echoDelay + TAIL.toMillis() * modem.sampleRate() / 1000;
    return out;
  }

  /**
   * Received audio after the caller was heard, with what is left of our echo taken out: Twilio
   * stops our audio on {@code clear}, but what had already gone out still comes back for a while.
   */
  short[] afterOnset(short[] pcm, long at) {
    if (echoGain <= 0) return pcm;
    if (at > tailUntil || at > playingFrom + playingAudio.length + echoDelay + DRIFT) {
      stopped();
      return pcm;
    }
    short[] out = pcm.clone();
    cancelEcho(out, at);
    return out;
  }

  /**
   * Finds the echo's delay, to the sample, and gain on the audio before the caller was heard
   * (their tones do not correlate with ours, so the fit holds even if they began a little earlier).
   */
  private void fitEcho(long fitFrom, long fitTo) {
    echoGain = 0;
    int blocks = detector.echoDelayBlocks();
    int lo = blocks >= 0 ? Math.max(0, (blocks - 2) * BargeInDetector.BLOCK) : 0;
    int hi = blocks >= 0 ? (blocks + 3) * BargeInDetector.BLOCK : detector.maxDelaySamples();
    // Without a learnt delay every delay is tried, first coarsely on every other sample.
    int step = blocks >= 0 ? 1 : 4;
    int best = bestDelay(fitFrom, fitTo, lo, hi, step, blocks >= 0 ? 1 : 2);
    if (best >= 0 && step > 1) best = bestDelay(fitFrom, fitTo, Math.max(0, best - step), best + step, 1, 1);
    if (best < 0) return;
    double xs = 0;
    double ss = 0;
    for (long n = fitFrom; n < fitTo; n++) {
      double s = sentAt(n, best);
      xs += ring[(int) (n % KEPT)] * s;
      ss += s * s;
    }
    echoDelay = best;
    echoGain = ss > 0 ? Math.max(0, xs / ss) : 0;
  }

  private int bestDelay(long fitFrom, long fitTo, int lo, int hi, int step, int stride) {
    int best = -1;
    double bestScore = 0;
    for (int d = lo; d <= hi; d += step) {
      double xs = 0;
      double ss = 0;
      for (long n = fitFrom; n < fitTo; n += stride) {
        double s = sentAt(n, d);
        xs += ring[(int) (n % KEPT)] * s;
        ss += s * s;
      }
      if (ss > 0 && xs > 0 && xs * xs / ss > bestScore) {
        bestScore = xs * xs / ss;
        best = d;
      }
    }
    return best;
  }

  /**
   * Subtracts our echo from {@code out} (received audio from position {@code from}). Playback can
   * stall and resume (a late packet), which shifts the echo, so each 20 ms is matched to the delay
   * near the fitted one that takes out the most; where none takes anything out (the echo has
   * stopped), nothing is subtracted.
   */
  private void cancelEcho(short[] out, long from) {
    if (echoGain <= 0) return;
    for (int f = 0; f < out.length; f += FRAME) {
      int end = Math.min(out.length, f + FRAME);
      int frameDelay = -1;
      double frameGain = 0;
      double most = 0;
      for (int d = Math.max(0, echoDelay - DRIFT); d <= echoDelay + DRIFT; d++) {
        double xs = 0;
        double ss = 0;
        for (int i = f; i < end; i++) {
          double sv = sentAt(from + i, d);
          xs += out[i] * sv;
          ss += sv * sv;
        }
        // Only a delay that takes out most of the echo we expect is our echo; the caller's tones
        // correlate a little with ours at some delay, and must not be subtracted.
        if (ss <= 0) continue;
        double gain = Math.max(0.7 * echoGain, Math.min(1.3 * echoGain, xs / ss));
        double removed = 2 * gain * xs - gain * gain * ss;
        if (removed > most && removed > MATCH * gain * gain * ss) {
          most = removed;
          frameDelay = d;
          frameGain = gain;
        }
      }
      if (frameDelay < 0) continue;
      for (int i = f; i < end; i++) {
        long v = Math.round(out[i] - frameGain * sentAt(from + i, frameDelay));
        out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
      }
    }
  }

  /** What we sent that arrives as echo at received position {@code n} after {@code delay} samples. */
  private double sentAt(long n, int delay) {
    long i = n - playingFrom - delay;
    return i >= 0 && i < playingAudio.length ? playingAudio[(int) i] : 0;
  }

  /** The characters of what we were sending that had gone out by inbound position {@code now}, without the opening new line. */
  String sentBy(long now) {
    if (playingFrom < 0) return "";
    return sentWithin(modem, playingText, Duration.ofMillis((now - playingFrom) * 1000 / modem.sampleRate()));
  }

  /** The longest start of {@code lineText} whose sending fits in {@code elapsed}. */
  static String sentWithin(ModemSettings modem, String lineText, Duration elapsed) {
    BaudotModulator timing = new BaudotModulator(modem);
    int lo = 0;
    int hi = lineText.length();
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (timing.transmitTime(lineText.substring(0, mid)).compareTo(elapsed) <= 0) lo = mid;
      else hi = mid - 1;
    }
    String sent = lineText.substring(0, lo);
    return sent.startsWith(TtyReply.NEW_LINE) ? sent.substring(TtyReply.NEW_LINE.length()) : sent.stripLeading();
  }
}
