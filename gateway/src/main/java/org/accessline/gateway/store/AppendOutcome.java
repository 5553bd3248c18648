package org.accessline.gateway.store;

import java.util.List;
import org.accessline.gateway.conversation.Entry;

public sealed interface AppendOutcome {

  record Appended(List<Entry> entries) implements AppendOutcome {}

  /** An entry of the batch carried a dedupe key that was already stored; nothing was written. */
  record AlreadyRecorded(Entry existing) implements AppendOutcome {}
}
