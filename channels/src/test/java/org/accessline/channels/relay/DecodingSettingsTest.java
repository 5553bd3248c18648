package org.accessline.channels.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodingSettingsTest {
  @TempDir Path folder;

  @Test
  void theConfKeepsItsOtherLinesAndSaysTheSettingsOnce() throws Exception {
    Path conf = Files.createDirectories(folder.resolve("conf")).resolve("model.conf");
    Files.write(conf, List.of("--min-active=200", "--max-active=3000", "--beam=10.0", "--lattice-beam=2.0", "--frame-subsampling-factor=3"));
    new DecodingSettings(1500, 8.5, 1.5, 40).writeTo(folder);
    new DecodingSettings(1500, 8.5, 1.5, 40).writeTo(folder);
    assertEquals(List.of("--min-active=200", "--frame-subsampling-factor=3", "--max-active=1500", "--beam=8.5", "--lattice-beam=1.5", "--frames-per-chunk=40"),
        Files.readAllLines(conf));
    DecodingSettings.MODEL.writeTo(folder);
    assertEquals(List.of("--min-active=200", "--frame-subsampling-factor=3", "--max-active=3000", "--beam=10.0", "--lattice-beam=2.0", "--frames-per-chunk=20"),
        Files.readAllLines(conf));
  }

  @Test
  void theBundledModelIsUnpackedWithTheSettings() throws Exception {
    Path model = SpeechModelFiles.unpacked(folder, new DecodingSettings(1200, 9, 2, 20));
    List<String> conf = Files.readAllLines(model.resolve("conf/model.conf"));
    assertEquals(1, conf.stream().filter(l -> l.equals("--max-active=1200")).count());
    assertEquals(1, conf.stream().filter(l -> l.equals("--beam=9.0")).count());
    assertEquals(0, conf.stream().filter(l -> l.startsWith("--max-active=3000")).count());
  }

  @Test
  void settingsOutsideWhatTheDecoderCanUseAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new DecodingSettings(100, 10, 2, 20));
    assertThrows(IllegalArgumentException.class, () -> new DecodingSettings(3000, 2, 1, 20));
    assertThrows(IllegalArgumentException.class, () -> new DecodingSettings(3000, 8, 9, 20));
    assertThrows(IllegalArgumentException.class, () -> new DecodingSettings(3000, Double.NaN, 1, 20));
    assertThrows(IllegalArgumentException.class, () -> new DecodingSettings(3000, 10, 2, 5));
    assertThrows(IllegalArgumentException.class, () -> DecodingSettings.parse("3000/10/2"));
    assertEquals(new DecodingSettings(2000, 9, 2, 40), DecodingSettings.parse("2000/9/2/40"));
  }
}
