package org.accessline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * call; and how many concurrent calls, each speaking without pause in real time, the recognition
 * threads keep up with, and how far behind they fall beyond that (calls queue, nothing is dropped).
 * Needs flite, espeak-ng and sox on the PATH.
 *
 * <p>Options: --threads (cores), --calls (10,20,30,40), --seconds (30 of audio per concurrency step).
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

  public static void main(String[] args) throws Exception {
    int threads = Runtime.getRuntime().availableProcessors();
    List<Integer> calls = List.of(10, 20, 30, 40);
    int seconds = 30;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--threads" -> threads = Integer.parseInt(args[i + 1]);
        case "--calls" -> calls = java.util.Arrays.stream(args[i + 1].split(",")).map(Integer::parseInt).toList();
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path work = Files.createTempDirectory("accessline-relay-bench");
    System.out.printf("Java %s, %d cores, %d recognition threads; work files in %s%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), threads, work);
    long rssBefore = rssKb();
    long t0 = System.nanoTime();
    try (VoskSpeech speech = VoskSpeech.load(SpeechModelFiles.unpacked(work.resolve("data")))) {
      System.out.printf(Locale.ROOT, "Model load: %.1f s, resident memory +%d MB%n", (System.nanoTime() - t0) / 1e9, (rssKb() - rssBefore) / 1024);
      List<short[]> utterances = wer(speech, work);
      realTimeFactor(speech, utterances);
      memoryPerCall(speech, utterances);
      short[] talk = Voices.join(utterances.toArray(short[][]::new));
      for (int n : calls) concurrent(speech, talk, n, threads, seconds);
    }
  }

  /** Word error rate per voice over the sentences; returns the flite rms utterances for the later steps. */
  private static List<short[]> wer(VoskSpeech speech, Path work) throws Exception {
    System.out.printf("%nWord error rate, %d sentences (%d words) per voice, 8 kHz telephone band through mu-law:%n", SENTENCES.size(),
        SENTENCES.stream().mapToInt(s -> WordErrors.words(s).size()).sum());
    List<short[]> rms = new ArrayList<>();
    try (FreeTtsVoice ours = FreeTtsVoice.load()) {
      for (String voice : List.of("freetts kevin16 (our own voice)", "flite rms", "flite awb", "flite slt", "espeak-ng en-us")) {
        int edits = 0;
        int words = 0;
        for (String s : SENTENCES) {
          short[] audio = switch (voice) {
            case "flite rms" -> Voices.flite(s, "rms", work);
            case "flite awb" -> Voices.flite(s, "awb", work);
            case "flite slt" -> Voices.flite(s, "slt", work);
            case "espeak-ng en-us" -> Voices.espeak(s, "en-us", work);
            default -> Voices.throughMuLaw(ours.speak(s));
          };
          if (voice.equals("flite rms")) rms.add(Voices.join(audio, Voices.silence(700)));
          String heard = recognise(speech, Voices.join(Voices.silence(200), audio, Voices.silence(700)));
          edits += WordErrors.edits(s, heard);
          words += WordErrors.words(s).size();
        }
        System.out.printf(Locale.ROOT, "  %-32s WER %.3f (%d edits / %d words)%n", voice, (double) edits / words, edits, words);
      }
    }
    return rms;
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

  /** One call's recogniser, one thread: processing time over audio time, on continuous speech. */
  private static void realTimeFactor(VoskSpeech speech, List<short[]> utterances) {
    short[] all = Voices.join(utterances.toArray(short[][]::new));
    recognise(speech, all); // warm-up
    System.out.println();
    for (int chunk : new int[] {160, RecognitionBatches.CHUNK_SAMPLES}) {
      long t0 = System.nanoTime();
      recognise(speech, all, chunk);
      double wall = (System.nanoTime() - t0) / 1e9;
      double audio = all.length / 8000.0;
      System.out.printf(Locale.ROOT, "Real-time factor, one call on one thread, fed %d ms at a time: %.3f (%.1f s of speech in %.2f s)%n", chunk / 8,
          wall / audio, audio, wall);
    }
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

  /**
   * {@code n} calls, each receiving 20 ms of continuous speech every 20 ms of wall time, recognised
   * as a relay call does: each call's frames queue, and a call hands its whole queue to one of
   * {@code threads} workers at a time. Reports how far behind real time the calls end up.
   */
  private static void concurrent(VoskSpeech speech, short[] talk, int n, int threads, int seconds) throws Exception {
    ExecutorService workers = Executors.newFixedThreadPool(threads);
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    List<Stream> streams = new ArrayList<>();
    for (int i = 0; i < n; i++) streams.add(new Stream(speech.open(), talk, (i * 7919) % talk.length, workers));
    long start = System.nanoTime();
    int frames = seconds * 50;
    var ticker = clock.scheduleAtFixedRate(() -> streams.forEach(Stream::arrive), 0, 20, TimeUnit.MILLISECONDS);
    while (streams.get(0).arrived < frames) Thread.sleep(20);
    ticker.cancel(false);
    double maxLag = 0;
    double sumLag = 0;
    for (Stream s : streams) {
      double lag = s.lagSeconds();
      maxLag = Math.max(maxLag, lag);
      sumLag += lag;
    }
    double wall = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "  %3d calls: after %.0f s of speech, recognition behind by %.2f s on average, %.2f s at most (%s)%n", n, wall,
        sumLag / n, maxLag, maxLag < 1.5 ? "real time" : "falling behind: audio queues");
    clock.shutdownNow();
    workers.shutdownNow();
    workers.awaitTermination(30, TimeUnit.SECONDS);
    streams.forEach(s -> s.transcriber.close());
  }

  private static final class Stream {
    final SpeechRecognizer.Transcriber transcriber;
    final short[] talk;
    final ExecutorService workers;
    int at;
    volatile int arrived;
    volatile int recognised;
    final ArrayDeque<short[]> waiting = new ArrayDeque<>();
    boolean busy;

    Stream(SpeechRecognizer.Transcriber transcriber, short[] talk, int offset, ExecutorService workers) {
      this.transcriber = transcriber;
      this.talk = talk;
      this.at = offset - offset % 160;
      this.workers = workers;
    }

    synchronized void arrive() {
      short[] frame = new short[160];
      for (int i = 0; i < 160; i++) frame[i] = talk[(at + i) % talk.length];
      at = (at + 160) % talk.length;
      waiting.add(frame);
      arrived++;
      drain();
    }

    private synchronized void drain() {
      if (busy || waiting.isEmpty()) return;
      busy = true;
      List<short[]> batch = new ArrayList<>(waiting);
      waiting.clear();
      try {
        workers.execute(() -> {
          RecognitionBatches.recognise(transcriber, batch);
          synchronized (this) {
            recognised += batch.size();
            busy = false;
            drain();
          }
        });
      } catch (java.util.concurrent.RejectedExecutionException stopping) {
        busy = false;
      }
    }

    double lagSeconds() {
      return (arrived - recognised) * 0.02;
    }
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
