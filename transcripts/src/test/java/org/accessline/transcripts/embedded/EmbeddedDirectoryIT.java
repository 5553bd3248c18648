package org.accessline.transcripts.embedded;

import java.nio.file.Path;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.transcripts.DirectoryContract;
import org.junit.jupiter.api.io.TempDir;

/** The directory contract on the embedded H2 store. */
class EmbeddedDirectoryIT extends DirectoryContract {
  @TempDir Path dir;

  @Override
  protected InteractionStore openStore() {
    EmbeddedInteractionStore embedded = new EmbeddedInteractionStore(dir);
    embedded.start().await();
    return embedded;
  }
}
