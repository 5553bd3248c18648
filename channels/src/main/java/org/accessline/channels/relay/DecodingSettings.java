package org.accessline.channels.relay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How widely the recogniser searches (Kaldi's decoder options in the model's {@code conf/model.conf}):
 * a narrower search is faster and, past a point, less accurate. The recogniser reads the file when
 * the model loads, so these are written there just before.
 *
 * @param maxActive most hypotheses kept per frame ({@code --max-active})
 * @param beam how far below the best a hypothesis may score and survive ({@code --beam})
 * @param latticeBeam the same for the lattice the words are read from ({@code --lattice-beam})
 * @param framesPerChunk 10 ms frames the acoustic network computes at a time ({@code --frames-per-chunk}): more is
 *     cheaper per frame and delays the words by up to that much
 */
public record DecodingSettings(int maxActive, double beam, double latticeBeam, int framesPerChunk) {
  /** What the bundled model's own conf/model.conf says, with Kaldi's default chunk. */
  public static final DecodingSettings MODEL = new DecodingSettings(3000, 10.0, 2.0, 20);
  /** Measured in BENCHMARKS.md ("Relay calls: how many at once"). */
  public static final DecodingSettings DEFAULT = new DecodingSettings(3000, 10.0, 2.0, 40);

  public DecodingSettings {
    if (maxActive < 200 || maxActive > 20_000) throw new IllegalArgumentException("relay.maxActive is 200-20000 (the model keeps at least 200)");
    if (!(beam >= 4 && beam <= 30)) throw new IllegalArgumentException("relay.beam is 4-30");
    if (!(latticeBeam >= 0.5 && latticeBeam <= beam)) throw new IllegalArgumentException("relay.latticeBeam is 0.5 to relay.beam");
    if (framesPerChunk < 10 || framesPerChunk > 150) throw new IllegalArgumentException("relay.framesPerChunk is 10-150");
  }

  /** Parses "3000/10/2/20" (max-active/beam/lattice-beam/frames-per-chunk), as the benchmark takes it. */
  public static DecodingSettings parse(String s) {
    String[] p = s.split("/");
    if (p.length != 4) throw new IllegalArgumentException("decoding settings are max-active/beam/lattice-beam/frames-per-chunk: " + s);
    return new DecodingSettings(Integer.parseInt(p[0].strip()), Double.parseDouble(p[1].strip()), Double.parseDouble(p[2].strip()),
        Integer.parseInt(p[3].strip()));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "max-active %d, beam %s, lattice-beam %s, frames-per-chunk %d", maxActive, trim(beam), trim(latticeBeam),
        framesPerChunk);
  }

  /** Rewrites {@code conf/model.conf} of the model in {@code folder} with these options, keeping its other lines. */
  public void writeTo(Path folder) throws IOException {
    Path conf = folder.resolve("conf").resolve("model.conf");
    Map<String, String> mine = new LinkedHashMap<>();
    mine.put("--max-active", String.valueOf(maxActive));
    mine.put("--beam", trim(beam));
    mine.put("--lattice-beam", trim(latticeBeam));
    mine.put("--frames-per-chunk", String.valueOf(framesPerChunk));
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(conf)) {
      String key = line.split("=", 2)[0].strip();
      if (!mine.containsKey(key)) out.add(line);
    }
    mine.forEach((k, v) -> out.add(k + "=" + v));
    if (out.equals(Files.readAllLines(conf))) return;
    Path next = conf.resolveSibling("model.conf.next");
    Files.write(next, out);
    Files.move(next, conf, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) + ".0" : String.valueOf(d);
  }
}
