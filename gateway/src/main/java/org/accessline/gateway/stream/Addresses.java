package org.accessline.gateway.stream;

import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.ConversationId;

/** Event-bus addresses the stream publishes to. Payloads are {@link StreamSignal}s. */
public final class Addresses {
  private Addresses() {}

  /** Every entry of one conversation, plus typing signals: what the resident's connection follows. */
  public static String conversation(ConversationId id) {
    return "accessline.conversation." + id.value();
  }

  /** Entries and typing signals of every conversation assigned to the agent, and their assignments. */
  public static String agent(AgentId id) {
    return "accessline.agent." + id.value();
  }

  /** Alerts for every signed-in supervisor. */
  public static final String SUPERVISORS = "accessline.supervisors";

  /** How many conversations wait for an agent, whenever that changes. */
  public static final String QUEUE = "accessline.queue";
}
