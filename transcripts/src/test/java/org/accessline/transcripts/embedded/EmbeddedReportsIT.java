package org.accessline.transcripts.embedded;

import java.nio.file.Path;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.transcripts.ReportStoreContract;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedReportsIT extends ReportStoreContract {
  @TempDir Path dir;

  @Override
  protected InteractionStore openStore() {
    EmbeddedInteractionStore embedded = new EmbeddedInteractionStore(dir);
    embedded.start().await();
    return embedded;
  }
}
