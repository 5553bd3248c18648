package org.accessline.channels.tty;

/**
 * Whether there is sound of speech on the line, frame by frame: a frame's level over a floor, with
 * a hangover so the gaps between words do not count as quiet. It does not tell speech from tones;
 * the TTY carrier detector does that, and a call is taken for speech only while it hears no carrier.
 */
public final class VoiceActivity {
  /** −42 dBFS: phone-line hiss sits well below it, speech well above. */
  private static final double THRESHOLD = Math.pow(10, -42 / 10.0) * 32768.0 * 32768.0;
  private final int hangoverSamples;
  private long sinceSound = Long.MAX_VALUE / 2;
  private long voicedSamples;

  /** @param hangoverMillis quiet shorter than this within speech still counts as speech */
  public VoiceActivity(int hangoverMillis, int sampleRate) {
    this.hangoverSamples = hangoverMillis * sampleRate / 1000;
  }

  /** Feeds one frame; answers whether the line counts as speaking at its end. */
  public boolean frame(short[] pcm, int length) {
    double energy = 0;
    for (int i = 0; i < length; i++) energy += (double) pcm[i] * pcm[i];
    boolean loud = length > 0 && energy / length > THRESHOLD;
    if (loud) {
      sinceSound = 0;
      voicedSamples += length;
    } else {
      sinceSound += length;
    }
    return sinceSound <= hangoverSamples;
  }

  /** Samples of loud frames so far. */
  public long voicedSamples() {
    return voicedSamples;
  }
}
