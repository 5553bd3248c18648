package org.accessline.gateway.channel;

import java.util.List;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;

/** The acknowledgement an adapter may pass on: the entry is durable at {@code seq}. */
public record Posted(ConversationId conversation, long seq, boolean duplicate) {

  /**
   * The entry a write acknowledges: the last one carrying the sender's own id, so a retry, answered
   * from that id, gets the same number as the first try even when follow-ons (an emergency's 911
   * guidance) were written after it; the last entry when none carries an id.
   */
  public static Entry answering(List<Entry> written) {
    for (int i = written.size() - 1; i >= 0; i--) if (written.get(i).dedupeKey().isPresent()) return written.get(i);
    return written.get(written.size() - 1);
  }
}
