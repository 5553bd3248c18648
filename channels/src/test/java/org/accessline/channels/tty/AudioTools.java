package org.accessline.channels.tty;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The independent tools the modem is checked against: minimodem, sox and espeak-ng. */
public final class AudioTools {
  private AudioTools() {}

  /** Skips when a tool is missing, except with CI=true, where that fails the build. */
  public static void require(String... tools) {
    for (String tool : tools) {
      boolean present = onPath(tool);
      if (!present && "true".equals(System.getenv("CI"))) fail("CI=true but " + tool + " is not installed; .ci/run installs it");
      assumeTrue(present, "Skipping modem oracle test: install " + tool + " (Debian package " + (tool.equals("espeak-ng") ? "espeak-ng" : tool) + ")");
    }
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) if (Files.isExecutable(Path.of(dir, tool))) return true;
    return false;
  }

  /** Runs a command, feeding it {@code input}, and returns its standard output. */
  public static String run(String input, String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (input != null) p.getOutputStream().write(input.getBytes(StandardCharsets.US_ASCII));
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("timed out: " + String.join(" ", command));
    }
    if (p.exitValue() != 0) fail("failed (" + p.exitValue() + "): " + String.join(" ", command));
    return new String(out, StandardCharsets.UTF_8);
  }

  /** minimodem's TDD transmitter. */
  public static void minimodemTx(String text, double stopBits, Path wav, String... extra) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("minimodem", "--tx", "tdd", "--stopbits", String.valueOf(stopBits), "-R", "8000"));
    cmd.addAll(List.of(extra));
    cmd.addAll(List.of("-f", wav.toString()));
    run(text, cmd.toArray(String[]::new));
  }

  /**
   * minimodem's generic Baudot transmitter at 45.45 baud with the tones given: its {@code tdd}
   * preset ignores {@code -M}/{@code -S}, this mode honours them. Its encoder counts on the receiver
   * returning to letters after a space.
   */
  public static short[] minimodemBaudot(String text, double stopBits, int markHz, int spaceHz, Path work) throws IOException, InterruptedException {
    Path wav = work.resolve("baudot-" + System.nanoTime() + ".wav");
    run(text, "minimodem", "--tx", "45.45", "--baudot", "--stopbits", String.valueOf(stopBits), "-R", "8000", "-M", String.valueOf(markHz),
        "-S", String.valueOf(spaceHz), "-f", wav.toString());
    return WavAudio.read(wav).samples();
  }

  /** minimodem's TDD receiver, as the domain notes say to run it for 1.5- and 2-stop-bit audio. */
  public static String minimodemRx(Path wav) throws IOException, InterruptedException {
    return run(null, "minimodem", "--rx", "tdd", "--stopbits", "1.5", "-b", "45", "-q", "-f", wav.toString());
  }

  public static void sox(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add("sox");
    cmd.addAll(List.of(args));
    run(null, cmd.toArray(String[]::new));
  }

  /** RMS amplitude of a file, as sox measures it. */
  public static double rms(Path wav) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("sox", wav.toString(), "-n", "stat").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    for (String line : out.split("\n")) if (line.startsWith("RMS     amplitude:")) return Double.parseDouble(line.split(":")[1].trim());
    throw new IllegalStateException("sox stat gave no RMS: " + out);
  }

  /** Mixes in repeatable white noise so that the signal-to-noise ratio over the whole band is {@code snrDb}. */
  public static void addNoise(Path clean, Path noisy, double snrDb, Path work) throws IOException, InterruptedException {
    double seconds = WavAudio.read(clean).samples().length / 8000.0;
    Path noise = work.resolve("noise-" + System.nanoTime() + ".wav");
    sox("-R", "-n", "-r", "8000", "-c", "1", "-b", "16", noise.toString(), "synth", String.format("%.3f", seconds), "whitenoise", "vol", "0.3");
    double gain = rms(clean) / Math.pow(10, snrDb / 20) / rms(noise);
    sox("-m", clean.toString(), "-v", String.format("%.6f", gain), noise.toString(), noisy.toString());
  }

  /** Character error rate: edit distance over the reference length. */
  public static double cer(String reference, String decoded) {
    int[] prev = new int[decoded.length() + 1];
    int[] cur = new int[decoded.length() + 1];
    for (int j = 0; j <= decoded.length(); j++) prev[j] = j;
    for (int i = 1; i <= reference.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= decoded.length(); j++) {
        int substitute = prev[j - 1] + (reference.charAt(i - 1) == decoded.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(substitute, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return (double) prev[decoded.length()] / reference.length();
  }

  /** What our demodulator reads from a WAV file, set up exactly as on a live call. */
  public static String ours(Path wav) throws IOException {
    return Signals.decode(ModemSettings.US_TTY, WavAudio.read(wav).samples());
  }
}
