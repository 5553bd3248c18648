package org.accessline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.accessline.channels.tty.AudioTools;
import org.accessline.channels.tty.BaudotDemodulator;
import org.accessline.channels.tty.MinimodemOracleIT;
import org.accessline.channels.tty.ModemEvent;
import org.accessline.channels.tty.ModemSettings;
import org.accessline.channels.tty.Signals;
import org.accessline.channels.tty.WavAudio;

/**
 * The TTY demodulator against minimodem: decoding speed on one 10-minute recording, how many
 * real-time streams one core can carry, and the character error rate at each noise level on the same
 * files from 20 dB down to -12 dB. Needs minimodem and sox on the PATH.
 *
 * <p>Options: --minutes (10), --streams (500), --cer-seconds (300).
 */
public final class ModemBenchmark {
  /** Exactly what a live call runs. */
  private static final ModemSettings SETTINGS = ModemSettings.US_TTY;
  private static final int SEEDS = 3;

  public static void main(String[] args) throws Exception {
    int minutes = 10;
    int streams = 500;
    int cerSeconds = 300;
    for (int i = 0; i + 1 < args.length; i += 2) {
      int v = Integer.parseInt(args[i + 1]);
      switch (args[i]) {
        case "--minutes" -> minutes = v;
        case "--streams" -> streams = v;
        case "--cer-seconds" -> cerSeconds = v;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path work = Files.createTempDirectory("accessline-modem-bench");
    System.out.printf("Java %s, %d cores; minimodem and sox from the PATH; work files in %s%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), work);
    speed(work, minutes);
    streamsPerCore(work, streams);
    errorRates(work, cerSeconds);
    noiseOnly(work);
  }

  /** A line with nothing but hiss on it should print nothing. */
  private static void noiseOnly(Path work) throws Exception {
    Path noise = work.resolve("noise-only.wav");
    AudioTools.sox("-R", "-n", "-r", "8000", "-c", "1", "-b", "16", noise.toString(), "synth", "60", "whitenoise", "vol", "0.5");
    int ours = decode(WavAudio.read(noise).samples()).length();
    int theirs = AudioTools.minimodemRx(noise).trim().length();
    System.out.printf(Locale.ROOT, "%nCharacters printed from 60 s of white noise alone: ours %d, minimodem %d%n", ours, theirs);
  }

  /** Text of about {@code seconds} of TTY audio, from the fixtures both tables agree on. */
  private static String text(double seconds) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (out.length() < seconds * 5.6) out.append(MinimodemOracleIT.FIXTURES.get(i++ % MinimodemOracleIT.FIXTURES.size())).append(' ');
    return out.toString().trim();
  }

  private static String decode(short[] pcm) {
    BaudotDemodulator demodulator = new BaudotDemodulator(SETTINGS);
    StringBuilder out = new StringBuilder();
    for (int at = 0; at < pcm.length; at += 160) {
      demodulator.accept(pcm, at, Math.min(160, pcm.length - at), e -> {
        if (e instanceof ModemEvent.Received r) out.append(r.character());
      });
    }
    demodulator.end(e -> {
      if (e instanceof ModemEvent.Received r) out.append(r.character());
    });
    return out.toString();
  }

  private static void speed(Path work, int minutes) throws Exception {
    String text = text(minutes * 60.0);
    Path wav = work.resolve("recording.wav");
    AudioTools.minimodemTx(text, 1.5, wav);
    short[] pcm = WavAudio.read(wav).samples();
    double audioSeconds = pcm.length / 8000.0;
    for (int i = 0; i < 3; i++) decode(pcm); // warm-up
    long[] ours = new long[5];
    String decoded = "";
    for (int i = 0; i < ours.length; i++) {
      long t0 = System.nanoTime();
      // Reading the file is part of the work, as it is for minimodem.
      short[] fresh = WavAudio.read(wav).samples();
      decoded = decode(fresh);
      ours[i] = System.nanoTime() - t0;
    }
    long[] theirs = new long[3];
    String theirText = "";
    for (int i = 0; i < theirs.length; i++) {
      long t0 = System.nanoTime();
      theirText = AudioTools.minimodemRx(wav).trim();
      theirs[i] = System.nanoTime() - t0;
    }
    Arrays.sort(ours);
    Arrays.sort(theirs);
    double oursMedian = ours[ours.length / 2] / 1e9;
    double theirsMedian = theirs[theirs.length / 2] / 1e9;
    System.out.printf(Locale.ROOT, "%nDecoding one %.1f-minute recording (%d characters), median wall time:%n", audioSeconds / 60, text.length());
    System.out.printf(Locale.ROOT, "  ours       %.3f s  (%.0fx real time, CER %.2f%%)%n", oursMedian, audioSeconds / oursMedian, 100 * AudioTools.cer(text, decoded));
    System.out.printf(Locale.ROOT, "  minimodem  %.3f s  (%.0fx real time, CER %.2f%%)%n", theirsMedian, audioSeconds / theirsMedian, 100 * AudioTools.cer(text, theirText));
    System.out.printf(Locale.ROOT, "  ratio      ours is %.1fx faster%n", theirsMedian / oursMedian);
  }

  /** Many demodulators fed 20 ms frames in turn, as concurrent calls would be, on one thread. */
  private static void streamsPerCore(Path work, int streams) throws Exception {
    short[] pcm = WavAudio.read(work.resolve("recording.wav")).samples();
    int seconds = 20;
    int frames = seconds * 50;
    BaudotDemodulator[] demodulators = new BaudotDemodulator[streams];
    for (int s = 0; s < streams; s++) demodulators[s] = new BaudotDemodulator(SETTINGS);
    long[] received = new long[1];
    long t0 = System.nanoTime();
    for (int f = 0; f < frames; f++) {
      for (int s = 0; s < streams; s++) {
        // Each stream starts at a different point of the recording.
        int at = (int) (((long) s * 12_347 + (long) f * 160) % (pcm.length - 160));
        demodulators[s].accept(pcm, at, 160, e -> received[0]++);
      }
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    double realTimeStreams = streams * seconds / wall;
    System.out.printf(Locale.ROOT, "%n%d streams x %d s of audio in 20 ms frames on one thread: %.2f s wall, %d events%n", streams, seconds, wall, received[0]);
    System.out.printf(Locale.ROOT, "  one core carries about %.0f real-time TTY streams%n", realTimeStreams);
  }

  private static void errorRates(Path work, int seconds) throws Exception {
    String text = text(seconds);
    Path cleanWav = work.resolve("cer-clean.wav");
    AudioTools.minimodemTx(text, 1.5, cleanWav);
    // Scaled down first, so that noise at -12 dB does not clip.
    short[] clean = Signals.scaled(WavAudio.read(cleanWav).samples(), 0.25);
    System.out.printf(Locale.ROOT, "%nCharacter error rate on the same files: %d characters of minimodem audio (tdd, 1.5 stop bits), "
        + "white Gaussian noise, SNR = noise power over the signal's power on its active samples, %d noise seeds per SNR:%n", text.length(), SEEDS);
    System.out.println("| SNR | ours CER | minimodem CER | ours printed | minimodem printed |");
    System.out.println("|---|---|---|---|---|");
    for (double snr : new double[] {20, 10, 6, 3, 0, -3, -5, -6, -7, -8, -9, -10, -12}) {
      double ours = 0;
      double theirs = 0;
      long oursPrinted = 0;
      long theirsPrinted = 0;
      for (int seed = 1; seed <= SEEDS; seed++) {
        short[] noisy = Signals.withNoise(clean, snr, seed);
        Path wav = work.resolve("cer-" + snr + "-" + seed + ".wav");
        WavAudio.write(wav, 8000, noisy);
        String read = decode(noisy);
        String theirRead = AudioTools.minimodemRx(wav).trim();
        ours += AudioTools.cer(text, read);
        theirs += AudioTools.cer(text, theirRead);
        oursPrinted += read.length();
        theirsPrinted += theirRead.length();
      }
      System.out.printf(Locale.ROOT, "| %.0f dB | %.2f%% | %.2f%% | %.0f%% | %.0f%% |%n", snr, 100 * ours / SEEDS, 100 * theirs / SEEDS,
          100.0 * oursPrinted / SEEDS / text.length(), 100.0 * theirsPrinted / SEEDS / text.length());
    }
  }
}
