package org.accessline.transcripts.embedded;

import java.nio.file.Path;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.transcripts.QualityStoreContract;
import org.junit.jupiter.api.io.TempDir;

/** The quality review contract on the embedded H2 file store. */
class EmbeddedQualityStoreIT extends QualityStoreContract {
  @TempDir Path dir;

  @Override
  protected InteractionStore openStore() {
    EmbeddedInteractionStore embedded = new EmbeddedInteractionStore(dir);
    embedded.start().await();
    return embedded;
  }
}
