package org.accessline.gateway.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.ConversationId;

/** One of a resident's records as the agent's context panel lists it, on whichever channel it came. */
public record EarlierRecord(ConversationId id, Channel channel, Instant opened, Optional<Instant> resolved, Optional<String> disposition,
    Optional<String> category, List<String> tags, List<String> agentNames) {
  public EarlierRecord {
    tags = List.copyOf(tags);
    agentNames = List.copyOf(agentNames);
  }
}
