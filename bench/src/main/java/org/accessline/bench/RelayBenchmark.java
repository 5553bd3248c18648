package org.accessline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.accessline.channels.relay.DecodingSettings;
import org.accessline.channels.relay.FreeTtsVoice;
import org.accessline.channels.relay.RecognitionBatches;
import org.accessline.channels.relay.SpeechModelFiles;
import org.accessline.channels.relay.SpeechRecognizer;
import org.accessline.channels.relay.Voices;
import org.accessline.channels.relay.VoskSpeech;
import org.accessline.channels.relay.WordErrors;

/**
 * The embedded recogniser on relay calls' audio: word error rate of synthesised phone-quality
 * utterances (8 kHz, telephone band, μ-law) from several voices; real-time factor and memory per
 * call; and how many concurrent calls in real time the recognition threads keep up with, and how far
 * behind they fall beyond that (calls queue, nothing is dropped). Calls either speak without pause
 * (continuous, the worst case) or as a relay assistant does (relay: a sentence, then quiet while the
 * resident types or our reply plays). Each decoding setting is measured in turn, in the same run.
 * Needs flite, espeak-ng and sox on the PATH.
 *
 * <p>Options: --threads (cores), --calls (10,20,30,40), --seconds (30 of audio per concurrency step),
 * --decoding (max-active/beam/lattice-beam list; the model's own and the default), --modes
 * (continuous,relay), --pause (10 s of quiet after each sentence in relay mode), --wer (true; false skips word error rates and real-time factors).
 */
public final class RelayBenchmark {
  /** What a relay assistant says for a resident of a 311 center, in plain words. */
  static final List<String> SENTENCES = List.of(
      "my street light is out on elm street go ahead",
      "there is a large pothole in front of my house",
      "the trash truck did not come to my street this week",
      "i would like to report a broken water pipe on the corner",
      "can you tell me when the library opens on saturday",
      "my neighbor's dog has been barking all night",
      "the traffic signal at main and fifth is not working",
      "i need to pay my water bill but the website is down",
      "there is a fallen tree blocking the sidewalk",
      "how do i get a permit for a yard sale",
      "the bus stop on oak avenue has no bench",
      "someone dumped old furniture in the alley behind my home",
      "i am calling about a noise complaint on second street",
      "the park restroom has been locked for two weeks",
      "please send someone to clean the graffiti on the wall",
      "my recycling bin was stolen can i get a new one",
      "the snow has not been cleared from our road",
      "thank you for your help go ahead",
      "hello this is the relay operator with a call for you",
      "okay thanks stop keying");

  static final List<String> VOICES = List.of("freetts kevin16 (our own voice)", "flite rms", "flite awb", "flite slt", "espeak-ng en-us");

  public static void main(String[] args) throws Exception {
    int threads = Runtime.getRuntime().availableProcessors();
    List<Integer> calls = List.of(10, 20, 30, 40);
    List<DecodingSettings> decodings = List.of(DecodingSettings.MODEL, DecodingSettings.DEFAULT).stream().distinct().toList();
    List<String> modes = List.of("continuous", "relay");
    int seconds = 30;
    int pause = 10;
    boolean measureWer = true;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--threads" -> threads = Integer.parseInt(args[i + 1]);
        case "--calls" -> calls = Arrays.stream(args[i + 1].split(",")).map(Integer::parseInt).toList();
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        case "--decoding" -> decodings = Arrays.stream(args[i + 1].split(",")).map(DecodingSettings::parse).toList();
        case "--modes" -> modes = Arrays.stream(args[i + 1].split(",")).filter(m -> !m.isBlank()).toList();
        case "--pause" -> pause = Integer.parseInt(args[i + 1]);
        case "--wer" -> measureWer = Boolean.parseBoolean(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path work = Files.createTempDirectory("accessline-relay-bench");
    System.out.printf("Java %s, %d cores, %d recognition threads; work files in %s%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), threads, work);
    Map<String, List<short[]>> spoken = synthesise(work);
    List<short[]> rms = new ArrayList<>();
    for (short[] u : spoken.get("flite rms")) rms.add(Voices.join(u, Voices.silence(700)));
    short[] continuous = Voices.join(rms.toArray(short[][]::new));
    List<short[]> paced = new ArrayList<>();
    for (short[] u : spoken.get("flite rms")) paced.add(Voices.join(u, Voices.silence(pause * 1000)));
    short[] relay = Voices.join(paced.toArray(short[][]::new));
    System.out.printf(Locale.ROOT, "Relay mode: each sentence (%.1f s on average), then %d s of quiet: the assistant speaks %.0f%% of the call%n",
        continuous.length / 8000.0 / rms.size() - 0.7, pause, 100.0 * (continuous.length - rms.size() * 5600) / relay.length);
    // Every setting's model stays loaded (its conf is read at load), so the real-time factors can
    // be measured in alternation: the machine's other load then falls on each about equally.
    List<VoskSpeech> loaded = new ArrayList<>();
    try {
      for (DecodingSettings decoding : decodings) {
        long rssBefore = rssKb();
        long t0 = System.nanoTime();
        loaded.add(VoskSpeech.load(SpeechModelFiles.unpacked(work.resolve("data"), decoding)));
        System.out.printf(Locale.ROOT, "%nModel load (%s): %.1f s, resident memory +%d MB%n", decoding, (System.nanoTime() - t0) / 1e9,
            (rssKb() - rssBefore) / 1024);
      }
      for (int i = 0; measureWer && i < decodings.size(); i++) {
        System.out.printf("%n=== Decoding: %s%s%n", decodings.get(i), decodings.get(i).equals(DecodingSettings.MODEL) ? " (the model's own)" : "");
        wer(loaded.get(i), spoken);
      }
      System.out.println();
      double[][] rtf = new double[decodings.size()][3];
      for (int round = 0; measureWer && round < 3; round++) {
        for (int i = 0; i < decodings.size(); i++) rtf[i][round] = realTimeFactor(loaded.get(i), continuous);
      }
      for (int i = 0; measureWer && i < decodings.size(); i++) {
        Arrays.sort(rtf[i]);
        System.out.printf(Locale.ROOT, "Real-time factor, one call on one thread, %s: %.3f (median of 3 alternating runs; %.3f-%.3f)%n", decodings.get(i),
            rtf[i][1], rtf[i][0], rtf[i][2]);
      }
      memoryPerCall(loaded.get(0), rms);
      for (int i = 0; i < decodings.size(); i++) {
        System.out.printf("%nConcurrent calls, %s:%n", decodings.get(i));
        for (String mode : modes) {
          for (int n : calls) RelayLoad.run(loaded.get(i), mode, mode.equals("relay") ? relay : continuous, n, threads, seconds);
        }
      }
    } finally {
      loaded.forEach(VoskSpeech::close);
    }
  }

  /** Each sentence in each voice, at 8 kHz in the telephone band through mu-law. */
  private static Map<String, List<short[]>> synthesise(Path work) throws Exception {
    Map<String, List<short[]>> out = new LinkedHashMap<>();
    try (FreeTtsVoice ours = FreeTtsVoice.load()) {
      for (String voice : VOICES) {
        List<short[]> audio = new ArrayList<>();
        for (String s : SENTENCES) {
          audio.add(switch (voice) {
            case "flite rms" -> Voices.flite(s, "rms", work);
            case "flite awb" -> Voices.flite(s, "awb", work);
            case "flite slt" -> Voices.flite(s, "slt", work);
            case "espeak-ng en-us" -> Voices.espeak(s, "en-us", work);
            default -> Voices.throughMuLaw(ours.speak(s));
          });
        }
        out.put(voice, audio);
      }
    }
    return out;
  }

  /** Word error rate per voice over the sentences, each from a fresh recogniser. */
  private static void wer(VoskSpeech speech, Map<String, List<short[]>> spoken) {
    System.out.printf("Word error rate, %d sentences (%d words) per voice, 8 kHz telephone band through mu-law:%n", SENTENCES.size(),
        SENTENCES.stream().mapToInt(s -> WordErrors.words(s).size()).sum());
    int allEdits = 0;
    int allWords = 0;
    for (var e : spoken.entrySet()) {
      int edits = 0;
      int words = 0;
      for (int i = 0; i < SENTENCES.size(); i++) {
        String heard = recognise(speech, Voices.join(Voices.silence(200), e.getValue().get(i), Voices.silence(700)));
        edits += WordErrors.edits(SENTENCES.get(i), heard);
        words += WordErrors.words(SENTENCES.get(i)).size();
      }
      allEdits += edits;
      allWords += words;
      System.out.printf(Locale.ROOT, "  %-32s WER %.3f (%d edits / %d words)%n", e.getKey(), (double) edits / words, edits, words);
    }
    System.out.printf(Locale.ROOT, "  %-32s WER %.3f (%d edits / %d words)%n", "all five", (double) allEdits / allWords, allEdits, allWords);
  }

  static String recognise(VoskSpeech speech, short[] pcm) {
    return recognise(speech, pcm, RecognitionBatches.CHUNK_SAMPLES);
  }

  static String recognise(VoskSpeech speech, short[] pcm, int chunk) {
    List<String> finals = new ArrayList<>();
    try (SpeechRecognizer.Transcriber t = speech.open()) {
      for (int at = 0; at < pcm.length; at += chunk) {
        for (var h : t.accept(pcm, at, Math.min(chunk, pcm.length - at))) if (h instanceof SpeechRecognizer.Heard.Final f) finals.add(f.text());
      }
      for (var h : t.finish()) if (h instanceof SpeechRecognizer.Heard.Final f) finals.add(f.text());
    }
    return String.join(" ", finals);
  }

  /** One call's recogniser, one thread: processing time over audio time, on continuous speech fed as a call feeds it. */
  private static double realTimeFactor(VoskSpeech speech, short[] all) {
    recognise(speech, Arrays.copyOf(all, 8000 * 5)); // warm-up
    long t0 = System.nanoTime();
    recognise(speech, all);
    return (System.nanoTime() - t0) / 1e9 / (all.length / 8000.0);
  }

  private static void memoryPerCall(VoskSpeech speech, List<short[]> utterances) {
    int n = 40;
    System.gc();
    long before = rssKb();
    List<SpeechRecognizer.Transcriber> open = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      SpeechRecognizer.Transcriber t = speech.open();
      short[] u = utterances.get(i % utterances.size());
      t.accept(u, 0, u.length);
      open.add(t);
    }
    long after = rssKb();
    open.forEach(SpeechRecognizer.Transcriber::close);
    System.out.printf(Locale.ROOT, "Memory per call: %.1f MB resident (%d recognisers mid-utterance: +%d MB)%n", (after - before) / 1024.0 / n, n,
        (after - before) / 1024);
  }

  private static long rssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    } catch (java.io.IOException e) {
      return 0;
    }
    return 0;
  }
}
