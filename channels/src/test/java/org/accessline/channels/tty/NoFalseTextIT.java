package org.accessline.channels.tty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A voice caller, hold music or silence must never turn into text in a TTY conversation. Each sound
 * is also followed by a caller's real TTY text along the same path, which must then read exactly as
 * typed: the demodulator is listening, and the sound before added nothing.
 */
class NoFalseTextIT {
  private static final String TYPED = MinimodemOracleIT.FIXTURES.get(0);

  @TempDir Path work;

  @BeforeAll
  static void tools() {
    AudioTools.require("sox", "espeak-ng");
  }

  @Test
  void speechIsNotText() throws Exception {
    Path raw = work.resolve("speech-raw.wav");
    Path speech = work.resolve("speech.wav");
    AudioTools.run(null, "espeak-ng", "-w", raw.toString(),
        "Hello, you have reached the county three one one line. Please hold while we connect you. "
            + "My streetlight has been out for two weeks, and the pothole on Elm Street is getting bigger.");
    AudioTools.sox(raw.toString(), "-r", "8000", "-c", "1", "-b", "16", speech.toString());
    assertEquals("", AudioTools.ours(speech));

    // The control: the same speech, the caller's TTY text after it, through the same resampling.
    Path typedRaw = work.resolve("typed-raw.wav");
    AudioTools.sox(typed().toString(), "-r", String.valueOf(WavAudio.read(raw).sampleRate()), typedRaw.toString());
    Path both = work.resolve("speech-then-typed-raw.wav");
    AudioTools.sox(raw.toString(), typedRaw.toString(), both.toString());
    Path bothAt8k = work.resolve("speech-then-typed.wav");
    AudioTools.sox(both.toString(), "-r", "8000", "-c", "1", "-b", "16", bothAt8k.toString());
    assertEquals(TYPED, AudioTools.ours(bothAt8k));
  }

  @Test
  void musicIsNotText() throws Exception {
    // A tune that includes notes close to the TTY tones (F6 = 1397 Hz, A6 = 1760 Hz), plucked and
    // pure, played fast enough that a note change could fall inside a character's time.
    double[] notes = {523.25, 659.25, 783.99, 1046.5, 1396.9, 1760.0, 1396.9, 1760.0, 1174.7, 1396.9, 1760.0, 880.0, 1760.0, 1396.9};
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < notes.length; i++) {
      for (String timbre : new String[] {"sine", "pluck"}) {
        Path note = work.resolve("note-" + i + "-" + timbre + ".wav");
        AudioTools.sox("-n", "-r", "8000", "-c", "1", "-b", "16", note.toString(), "synth", i % 2 == 0 ? "0.09" : "0.23", timbre,
            String.valueOf(notes[i]), "vol", "0.5");
        parts.add(note.toString());
      }
    }
    Path music = work.resolve("music.wav");
    List<String> args = new ArrayList<>(parts);
    args.add(music.toString());
    AudioTools.sox(args.toArray(String[]::new));
    Path chords = work.resolve("chords.wav");
    AudioTools.sox("-n", "-r", "8000", "-c", "1", "-b", "16", chords.toString(), "synth", "3", "sine", "440", "sine", "1400", "remix", "-");
    assertEquals("", AudioTools.ours(music));
    assertEquals("", AudioTools.ours(chords));
    assertEquals(TYPED, AudioTools.ours(followedByTyping(music)));
    assertEquals(TYPED, AudioTools.ours(followedByTyping(chords)));
  }

  @Test
  void silenceIsNotText() throws Exception {
    Path silence = work.resolve("silence.wav");
    AudioTools.sox("-n", "-r", "8000", "-c", "1", "-b", "16", silence.toString(), "trim", "0", "10");
    assertEquals("", AudioTools.ours(silence));
    assertEquals(TYPED, AudioTools.ours(followedByTyping(silence)));
  }

  /** Real TTY text as a caller's terminal sends it, at the phone line's 8 kHz. */
  private Path typed() throws Exception {
    Path typed = work.resolve("typed.wav");
    WavAudio.write(typed, 8000, new BaudotModulator(ModemSettings.US_TTY).modulate(TYPED));
    return typed;
  }

  /** The sound, then the caller's TTY text, in one 8 kHz recording. */
  private Path followedByTyping(Path sound) throws Exception {
    Path both = work.resolve(sound.getFileName().toString().replace(".wav", "-then-typed.wav"));
    AudioTools.sox(sound.toString(), typed().toString(), both.toString());
    return both;
  }
}
