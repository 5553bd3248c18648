package org.accessline.channels.tty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our modem against an independent one. minimodem's figures table differs from the US TTY one for
 * {@code = + # &} and code 0x05, so the fixtures avoid them. minimodem always unshifts on space, so
 * its audio is read with that option on; our transmitter sends a shift after every space, so
 * minimodem reads ours either way.
 */
public class MinimodemOracleIT {
  /** Text minimodem and a US TTY print the same way. */
  public static final List<String> FIXTURES = List.of(
      "HELLO THIS IS 311 HOW CAN I HELP U Q GA",
      "MY ADDRESS IS 1205 ELM ST, APT 4. THE STREETLIGHT IS OUT SINCE 9/14. GA",
      "CAN U CALL ME BACK AT 555-0142 (CELL)? THX... SK SK");

  @TempDir Path work;

  @BeforeAll
  static void tools() {
    AudioTools.require("minimodem", "sox");
  }

  @Test
  void minimodemAudioWithOneAndAHalfOrTwoStopBitsDecodes() throws Exception {
    for (double stop : new double[] {1.5, 2.0}) {
      for (String text : FIXTURES) {
        Path wav = work.resolve("mm.wav");
        AudioTools.minimodemTx(text, stop, wav);
        assertEquals(text, AudioTools.ours(wav), "stop bits " + stop);
      }
    }
  }

  @Test
  void minimodemReadsWhatWeSend() throws Exception {
    for (String text : FIXTURES) {
      Path wav = work.resolve("ours.wav");
      WavAudio.write(wav, 8000, new BaudotModulator(ModemSettings.US_TTY).modulate(text));
      assertEquals(text, AudioTools.minimodemRx(wav).trim());
    }
  }

  @Test
  void bothDirectionsSurviveAMuLawRoundTrip() throws Exception {
    String text = FIXTURES.get(1);
    Path mm = work.resolve("mm.wav");
    Path ulaw = work.resolve("mm.ulaw");
    AudioTools.minimodemTx(text, 1.5, mm);
    AudioTools.sox(mm.toString(), "-t", "raw", "-e", "u-law", "-r", "8000", "-c", "1", ulaw.toString());
    byte[] bytes = Files.readAllBytes(ulaw);
    BaudotDemodulator demodulator = new BaudotDemodulator(ModemSettings.US_TTY);
    StringBuilder decoded = new StringBuilder();
    for (int at = 0; at < bytes.length; at += 160) {
      demodulator.acceptMuLaw(bytes, at, Math.min(160, bytes.length - at), e -> {
        if (e instanceof ModemEvent.Received r) decoded.append(r.character());
      });
    }
    demodulator.end(e -> {
      if (e instanceof ModemEvent.Received r) decoded.append(r.character());
    });
    assertEquals(text, decoded.toString());

    Path ours = work.resolve("ours.wav");
    Path oursUlaw = work.resolve("ours.ulaw");
    Path back = work.resolve("back.wav");
    WavAudio.write(ours, 8000, new BaudotModulator(ModemSettings.US_TTY).modulate(text));
    AudioTools.sox(ours.toString(), "-t", "raw", "-e", "u-law", "-r", "8000", "-c", "1", oursUlaw.toString());
    AudioTools.sox("-t", "raw", "-e", "u-law", "-r", "8000", "-c", "1", oursUlaw.toString(), "-b", "16", "-e", "signed-integer", back.toString());
    assertEquals(text, AudioTools.minimodemRx(back).trim());
  }

  /**
   * minimodem's {@code tdd} preset ignores {@code -M}/{@code -S}, so offset audio comes from its
   * generic Baudot mode, which honours them. Its fixed-tone {@code tdd} receiver is itself marginal
   * at −4% on long bursts, so our offset audio is read by minimodem tuned to the tones actually
   * sent: that checks the signal, and tolerance is checked on our receiver.
   */
  @Test
  void bothDirectionsTolerateTonesFourPercentOff() throws Exception {
    String text = FIXTURES.get(2);
    for (double factor : new double[] {0.96, 1.04}) {
      String mark = String.valueOf(Math.round(1400 * factor));
      String space = String.valueOf(Math.round(1800 * factor));
      Path mm = work.resolve("mm-off.wav");
      AudioTools.run(text, "minimodem", "--tx", "45.45", "--baudot", "--stopbits", "1.5", "-R", "8000", "-M", mark, "-S", space, "-f", mm.toString());
      assertEquals(text, AudioTools.ours(mm), "minimodem to us, tones x" + factor);
      Path ours = work.resolve("ours-off.wav");
      WavAudio.write(ours, 8000, new BaudotModulator(ModemSettings.US_TTY.withTones(Integer.parseInt(mark), Integer.parseInt(space))).modulate(text));
      assertEquals(text, AudioTools.run(null, "minimodem", "--rx", "45.45", "--baudot", "--stopbits", "1.5", "-b", "45", "-M", mark, "-S", space, "-q",
          "-f", ours.toString()).trim(), "us to minimodem, tones x" + factor);
    }
  }

  @Test
  void inNoiseWeReadAtLeastAsWellAsMinimodemAndUnderOnePercentAtTenDb() throws Exception {
    String text = String.join(" ", FIXTURES) + " " + String.join(" ", FIXTURES);
    Path clean = work.resolve("clean.wav");
    AudioTools.minimodemTx(text, 1.5, clean);
    Path oursClean = work.resolve("ours-clean.wav");
    WavAudio.write(oursClean, 8000, new BaudotModulator(ModemSettings.US_TTY).modulate(text));
    StringBuilder report = new StringBuilder("SNR   ours CER   minimodem CER   minimodem reading our audio\n");
    for (double snr : new double[] {20, 10, 6}) {
      Path noisy = work.resolve("noisy-" + (int) snr + ".wav");
      AudioTools.addNoise(clean, noisy, snr, work);
      double ours = AudioTools.cer(text, AudioTools.ours(noisy));
      double theirs = AudioTools.cer(text, AudioTools.minimodemRx(noisy).trim());
      Path oursNoisy = work.resolve("ours-noisy-" + (int) snr + ".wav");
      AudioTools.addNoise(oursClean, oursNoisy, snr, work);
      double theirsOnOurs = AudioTools.cer(text, AudioTools.minimodemRx(oursNoisy).trim());
      report.append(String.format(Locale.ROOT, "%2.0f dB  %6.2f%%      %6.2f%%          %6.2f%%%n", snr, ours * 100, theirs * 100, theirsOnOurs * 100));
      assertTrue(ours <= theirs, "at " + snr + " dB ours " + ours + " vs minimodem " + theirs);
      if (snr >= 10) assertTrue(ours < 0.01, "under 1% at " + snr + " dB: " + ours);
      if (snr >= 10) assertTrue(theirsOnOurs < 0.01, "minimodem reads our audio at " + snr + " dB: " + theirsOnOurs);
    }
    System.out.print(report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "modem-cer.txt"), report);
  }
}
