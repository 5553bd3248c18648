package org.accessline.channels.relay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The English speech model that ships inside the jar (the Android archive of
 * {@code com.alphacephei:vosk-model-en}, Apache-2.0), unpacked once into a folder the recogniser can
 * open. A folder that is complete is reused; a half-written one (a start that died while unpacking)
 * is written again.
 */
public final class SpeechModelFiles {
  public static final String RESOURCE = "/relay-model/vosk-model-en.aar";
  /** Where the model's files sit inside the archive. */
  private static final String PREFIX = "assets/model-en-us/";
  private static final String COMPLETE = ".complete";

  private SpeechModelFiles() {}

  /**
   * The model folder under {@code dataDir}, unpacked from the jar if it is not there yet, its
   * conf/model.conf saying {@code decoding}.
   */
  public static Path unpacked(Path dataDir, DecodingSettings decoding) throws IOException {
    Path folder = unpacked(dataDir);
    decoding.writeTo(folder);
    return folder;
  }

  private static Path unpacked(Path dataDir) throws IOException {
    Path folder = dataDir.resolve("speech-model-en-us-0.3.45");
    if (Files.exists(folder.resolve(COMPLETE))) return folder;
    try (InputStream aar = SpeechModelFiles.class.getResourceAsStream(RESOURCE)) {
      if (aar == null) throw new IOException("the speech model " + RESOURCE + " is not on the classpath; set relay.modelDir to a Vosk model folder");
      Path partial = Files.createDirectories(dataDir).resolve(folder.getFileName() + ".partial");
      deleteTree(partial);
      int files = 0;
      try (ZipInputStream zip = new ZipInputStream(aar)) {
        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
          if (e.isDirectory() || !e.getName().startsWith(PREFIX)) continue;
          Path target = partial.resolve(e.getName().substring(PREFIX.length())).normalize();
          if (!target.startsWith(partial)) throw new IOException("the speech model archive names a file outside its folder: " + e.getName());
          Files.createDirectories(target.getParent());
          Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
          files++;
        }
      }
      if (files == 0) throw new IOException("the speech model archive holds no " + PREFIX + " folder");
      Files.writeString(partial.resolve(COMPLETE), files + " files\n");
      deleteTree(folder);
      Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
    }
    return folder;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
