package org.accessline.gateway.signal;

import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.ConversationId;

/**
 * Every event-bus address the stream publishes to. The stream and the floor publish through these
 * constants and every consumer subscribes through them, so "find usages" on one shows both ends.
 */
public final class Addresses {
  private Addresses() {}

  /**
   * Every entry of one conversation, typing, and the resident's place in line: what the resident's
   * connection and a supervisor monitoring the conversation follow.
   */
  public static final Topic<ConversationId, StreamSignal> CONVERSATION = new Topic<>("accessline.conversation.", ConversationId::value, StreamSignal.class);

  /**
   * Entries and typing of every conversation assigned to the agent, their offers and withdrawn
   * offers: what the agent's console follows.
   */
  public static final Topic<AgentId, StreamSignal> AGENT = new Topic<>("accessline.agent.", AgentId::value, StreamSignal.class);

  /** Alerts (an emergency, a time limit, a hand-up) for every signed-in supervisor. */
  public static final Broadcast<StreamSignal.Alert> SUPERVISORS = new Broadcast<>("accessline.supervisors", StreamSignal.Alert.class);

  /** Each write's counts for the figures of the day (answered, abandoned, handled, limits, emergencies), for the dashboard. */
  public static final Broadcast<StreamSignal.Counted> COUNTS = new Broadcast<>("accessline.counts", StreamSignal.Counted.class);

  /** How many conversations wait for an agent, whenever that changes. */
  public static final Broadcast<StreamSignal.QueueLength> QUEUE = new Broadcast<>("accessline.queue", StreamSignal.QueueLength.class);
}
