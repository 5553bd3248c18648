package org.accessline.channels.relay;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded recogniser on phone-quality speech from two voices: espeak-ng, and our own FreeTTS voice. */
class SpeechRoundTripIT {
  @TempDir static Path work;
  static VoskSpeech speech;
  static FreeTtsVoice voice;

  @BeforeAll
  static void load() throws Exception {
    speech = VoskSpeech.load(SpeechModelFiles.unpacked(work.resolve("data"), DecodingSettings.DEFAULT));
    voice = FreeTtsVoice.load();
  }

  @AfterAll
  static void close() {
    if (speech != null) speech.close();
    if (voice != null) voice.close();
  }

  static String recognise(short[] pcm) {
    List<String> finals = new ArrayList<>();
    try (SpeechRecognizer.Transcriber t = speech.open()) {
      for (int at = 0; at < pcm.length; at += 160) {
        for (var h : t.accept(pcm, at, Math.min(160, pcm.length - at))) if (h instanceof SpeechRecognizer.Heard.Final f) finals.add(f.text());
      }
      for (var h : t.finish()) if (h instanceof SpeechRecognizer.Heard.Final f) finals.add(f.text());
    }
    return String.join(" ", finals);
  }

  @Test
  void anotherVoiceThroughTheLineIsRecognised() throws Exception {
    String said = "there is a large pothole on the corner of main street and fifth avenue go ahead";
    String heard = recognise(Voices.join(Voices.silence(300), Voices.espeak(said, "en-us", work), Voices.silence(800)));
    double wer = WordErrors.rate(said, heard);
    System.out.println("espeak: " + heard + " (WER " + wer + ")");
    // espeak-ng's formant voice is hard for the small model, more so at 8 kHz (see BENCHMARKS.md).
    assertTrue(wer <= 0.8, "heard: " + heard);
    assertTrue(heard.endsWith("go ahead"), "the turn-taking phrase must survive: " + heard);
  }

  @Test
  void ourOwnVoiceIsUnderstoodAtEightKilohertz() {
    String said = "thank you for calling the city help line how can we help you today go ahead";
    String heard = recognise(Voices.join(Voices.silence(300), Voices.throughMuLaw(voice.speak(said)), Voices.silence(800)));
    double wer = WordErrors.rate(said, heard);
    System.out.println("freetts: " + heard + " (WER " + wer + ")");
    assertTrue(wer <= 0.35, "heard: " + heard);
  }

  @Test
  void partialWordsComeWhileTheUtteranceGoesOn() throws Exception {
    short[] pcm = Voices.join(Voices.silence(300), Voices.flite("my street light is out on elm street", "rms", work), Voices.silence(800));
    List<SpeechRecognizer.Heard> heard = new ArrayList<>();
    try (SpeechRecognizer.Transcriber t = speech.open()) {
      for (int at = 0; at < pcm.length; at += 160) heard.addAll(t.accept(pcm, at, Math.min(160, pcm.length - at)));
      heard.addAll(t.finish());
    }
    System.out.println("heard: " + heard);
    assertTrue(heard.stream().anyMatch(SpeechRecognizer.Heard.Partial.class::isInstance), heard.toString());
    assertTrue(heard.get(heard.size() - 1) instanceof SpeechRecognizer.Heard.Final, heard.toString());
  }
}
