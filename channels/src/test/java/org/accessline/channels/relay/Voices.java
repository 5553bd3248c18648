package org.accessline.channels.relay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.accessline.channels.tty.AudioTools;
import org.accessline.channels.tty.MuLaw;
import org.accessline.channels.tty.WavAudio;

/**
 * Speech for tests, as a phone line carries it: voices other than our own synthesiser, so the
 * recogniser is not only tested on what FreeTTS says: flite's clustergen voices (rms, awb, slt)
 * and espeak-ng's formant voice. Each is brought to 8 kHz, band-limited to the telephone band and
 * passed through μ-law.
 */
public final class Voices {
  private Voices() {}

  /** espeak-ng speaking {@code text} with {@code voice} (for example en-us, en-us+f3), as 8 kHz phone audio. */
  public static short[] espeak(String text, String voice, Path work) throws IOException, InterruptedException {
    AudioTools.require("espeak-ng", "sox");
    Path raw = Files.createTempFile(work, "espeak", ".wav");
    AudioTools.run(null, "espeak-ng", "-v", voice, "-s", "130", "-w", raw.toString(), text);
    return phone(raw, work);
  }

  /** flite speaking {@code text} with {@code voice} (rms, awb, slt, kal16), as 8 kHz phone audio. */
  public static short[] flite(String text, String voice, Path work) throws IOException, InterruptedException {
    AudioTools.require("flite", "sox");
    Path raw = Files.createTempFile(work, "flite", ".wav");
    AudioTools.run(null, "flite", "-voice", voice, "-t", text, "-o", raw.toString());
    return phone(raw, work);
  }

  private static short[] phone(Path raw, Path work) throws IOException, InterruptedException {
    Path phone = Files.createTempFile(work, "phone", ".wav");
    AudioTools.sox(raw.toString(), "-r", "8000", "-c", "1", "-b", "16", phone.toString(), "sinc", "300-3400", "norm", "-6");
    return throughMuLaw(WavAudio.read(phone).samples());
  }

  /** What the far end hears: every sample encoded and decoded as G.711 μ-law. */
  public static short[] throughMuLaw(short[] pcm) {
    short[] out = new short[pcm.length];
    for (int i = 0; i < pcm.length; i++) out[i] = MuLaw.decode(MuLaw.encode(pcm[i]));
    return out;
  }

  public static short[] silence(int millis) {
    return new short[millis * 8];
  }

  public static short[] join(short[]... parts) {
    int n = 0;
    for (short[] p : parts) n += p.length;
    short[] out = new short[n];
    int at = 0;
    for (short[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
