package org.accessline.gateway.rules;

import org.accessline.gateway.channel.Refusal;

import java.util.List;
import org.accessline.gateway.conversation.Entry;

/** What the stream rules decided for one command. */
public sealed interface Decision {

  /** Append these entries, atomically and in order. */
  record Append(List<Entry> entries) implements Decision {
    public Append {
      if (entries.isEmpty()) throw new IllegalArgumentException("nothing to append");
      entries = List.copyOf(entries);
    }
  }

  /** The command was recorded before as entry {@code seq}; nothing new is written. */
  record AlreadyRecorded(long seq) implements Decision {}

  record Refused(Refusal refusal) implements Decision {}

  /** The command names something that does not exist, such as an unknown queue: the caller's mistake, not the conversation's. */
  record Invalid(String problem) implements Decision {}
}
