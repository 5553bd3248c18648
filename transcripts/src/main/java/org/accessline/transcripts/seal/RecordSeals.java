package org.accessline.transcripts.seal;

import java.nio.file.Path;

/**
 * Where a store keeps what must live outside its database: the seal key, and the checkpoint file.
 * By default both sit in the data directory; in production the key belongs on a path the database's
 * administrators cannot read.
 */
public record RecordSeals(Path keyFile, Path checkpointFile) {
  public RecordSeals {
    if (keyFile == null || checkpointFile == null) throw new IllegalArgumentException("the seal key and checkpoint file need paths");
  }

  /** The defaults: {@code seal.key} and {@code checkpoints.log} in the data directory. */
  public static RecordSeals in(Path dataDir) {
    return new RecordSeals(dataDir.resolve("seal.key"), dataDir.resolve("checkpoints.log"));
  }
}
