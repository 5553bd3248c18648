package org.accessline.channels.relay;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.VoiceManager;
import com.sun.speech.freetts.audio.AudioPlayer;
import java.io.ByteArrayOutputStream;
import javax.sound.sampled.AudioFormat;

/**
 * The embedded voice: FreeTTS's "kevin16" (16 kHz diphone voice, pure Java), captured into memory
 * and brought down to the line's 8 kHz. One voice speaks one text at a time.
 */
public final class FreeTtsVoice implements SpeechSynthesizer {
  private final Voice voice;
  private final Capture capture = new Capture();

  private FreeTtsVoice(Voice voice) {
    this.voice = voice;
  }

  /** Loads the voice; takes about a second. */
  public static FreeTtsVoice load() {
    System.setProperty("freetts.voices", "com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory");
    Voice voice = VoiceManager.getInstance().getVoice("kevin16");
    if (voice == null) throw new IllegalStateException("the FreeTTS kevin16 voice is not on the classpath");
    voice.allocate();
    // A little slower than the default, as a relay assistant types what they hear.
    voice.setRate(150);
    FreeTtsVoice speaker = new FreeTtsVoice(voice);
    voice.setAudioPlayer(speaker.capture);
    return speaker;
  }

  @Override
  public synchronized short[] speak(String text) {
    capture.clear();
    voice.speak(text);
    return Resampling.downsample(capture.samples());
  }

  @Override
  public synchronized void close() {
    voice.deallocate();
  }

  /** FreeTTS's audio goes here instead of to a sound card. */
  private static final class Capture implements AudioPlayer {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private AudioFormat format = new AudioFormat(16_000f, 16, 1, true, true);
    private float volume = 1;

    void clear() {
      bytes.reset();
    }

    short[] samples() {
      byte[] b = bytes.toByteArray();
      boolean big = format.isBigEndian();
      short[] out = new short[b.length / 2];
      for (int i = 0; i < out.length; i++) {
        int hi = big ? b[2 * i] : b[2 * i + 1];
        int lo = big ? b[2 * i + 1] : b[2 * i];
        out[i] = (short) ((hi << 8) | (lo & 0xFF));
      }
      return out;
    }

    @Override public void setAudioFormat(AudioFormat f) { format = f; }
    @Override public AudioFormat getAudioFormat() { return format; }
    @Override public void pause() {}
    @Override public void resume() {}
    @Override public void reset() {}
    @Override public boolean drain() { return true; }
    @Override public void begin(int size) {}
    @Override public boolean end() { return true; }
    @Override public void cancel() {}
    @Override public void close() {}
    @Override public float getVolume() { return volume; }
    @Override public void setVolume(float v) { volume = v; }
    @Override public long getTime() { return 0; }
    @Override public void resetTime() {}
    @Override public void startFirstSampleTimer() {}
    @Override public boolean write(byte[] audioData) { return write(audioData, 0, audioData.length); }
    @Override public boolean write(byte[] audioData, int offset, int size) { bytes.write(audioData, offset, size); return true; }
    @Override public void showMetrics() {}
  }
}
