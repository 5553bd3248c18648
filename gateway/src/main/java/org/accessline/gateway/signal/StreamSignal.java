package org.accessline.gateway.signal;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.EntryJson;
import org.accessline.gateway.conversation.Participant;

/**
 * What the stream publishes on the event bus. Records are immutable, so a local consumer gets the
 * very object published (see {@link StreamSignalCodec}); between cluster nodes they travel as JSON.
 */
public sealed interface StreamSignal {

  JsonObject toJson();

  /** A durable entry, published only after the store has it. */
  record EntryAdded(Entry entry) implements StreamSignal {
    public JsonObject toJson() {
      return new JsonObject().put("type", "entry").put("entry", EntryJson.toJson(entry));
    }
  }

  /**
   * Someone started or stopped typing. Never stored. On a relay call, {@code heardSoFar} is what the
   * relay assistant has said of the turn so far, as the recogniser hears it (it may still change).
   */
  record Typing(ConversationId conversation, Participant who, boolean active, java.util.Optional<String> heardSoFar) implements StreamSignal {
    public Typing {
      if (heardSoFar == null) heardSoFar = java.util.Optional.empty();
    }

    public Typing(ConversationId conversation, Participant who, boolean active) {
      this(conversation, who, active, java.util.Optional.empty());
    }

    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("type", "typing").put("conversationId", conversation.value())
          .put("role", who.role().name().toLowerCase(Locale.ROOT)).put("id", who.id()).put("name", who.displayName()).put("active", active);
      heardSoFar.ifPresent(h -> json.put("heardSoFar", h));
      return json;
    }
  }

  /** How many conversations wait for an agent. */
  record QueueLength(int waiting) implements StreamSignal {
    public JsonObject toJson() {
      return new JsonObject().put("type", "queue").put("waiting", waiting);
    }
  }

  /** A waiting resident's place in line and the estimated wait (absent when nobody is on duty). */
  record QueuePosition(ConversationId conversation, int position, java.util.Optional<java.time.Duration> expectedWait) implements StreamSignal {
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("type", "position").put("conversationId", conversation.value()).put("position", position);
      expectedWait.ifPresent(w -> json.put("waitSeconds", w.toSeconds()));
      return json;
    }
  }

  /**
   * A conversation is offered to an agent, who has until {@code expires} to accept it. For a warm
   * transfer it names the agent passing it on and their note.
   */
  record Offered(ConversationId conversation, org.accessline.gateway.conversation.AgentId agent, String channel, Instant expires,
      java.util.Optional<String> transferFrom, String note) implements StreamSignal {
    public Offered(ConversationId conversation, org.accessline.gateway.conversation.AgentId agent, String channel, Instant expires) {
      this(conversation, agent, channel, expires, java.util.Optional.empty(), "");
    }

    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("type", "offer").put("conversationId", conversation.value()).put("agent", agent.value()).put("channel", channel)
          .put("expires", expires.toString());
      transferFrom.ifPresent(f -> json.put("transferFrom", f));
      if (!note.isEmpty()) json.put("note", note);
      return json;
    }
  }

  /** An offer was declined, lapsed, or was taken back. */
  record OfferWithdrawn(ConversationId conversation, org.accessline.gateway.conversation.AgentId agent, String reason) implements StreamSignal {
    public JsonObject toJson() {
      return new JsonObject().put("type", "offer_withdrawn").put("conversationId", conversation.value()).put("agent", agent.value()).put("reason", reason);
    }
  }

  /** Supervisors must look: a conversation escalated (an emergency, say). */
  record Alert(ConversationId conversation, String path, String reason, Instant at) implements StreamSignal {
    public JsonObject toJson() {
      return new JsonObject().put("type", "alert").put("conversationId", conversation.value()).put("path", path).put("reason", reason)
          .put("at", at.toString());
    }
  }

  /**
   * A write counted for the floor's figures of the day: a waiting conversation answered or abandoned,
   * one resolved by its agent, a time limit run past, an emergency recognised. {@code queue} is the
   * queue it was moved to, empty for its channel's own; {@code waitMillis} is how long it had waited
   * (answered and abandoned only). Published once, after the write is durable; see {@link Counts}.
   */
  record Counted(String what, ConversationId conversation, String channel, String queue, java.util.Optional<org.accessline.gateway.conversation.AgentId> agent,
      long waitMillis, Instant at) implements StreamSignal {
    public static final String ANSWERED = "answered";
    public static final String ABANDONED = "abandoned";
    public static final String HANDLED = "handled";
    public static final String LIMIT_PASSED = "limit_passed";
    public static final String EMERGENCY = "emergency";
    private static final java.util.Set<String> KINDS = java.util.Set.of(ANSWERED, ABANDONED, HANDLED, LIMIT_PASSED, EMERGENCY);

    public Counted {
      if (!KINDS.contains(what)) throw new IllegalArgumentException("unknown count: " + what);
      if (conversation == null || channel == null || queue == null || at == null) throw new IllegalArgumentException("a count needs its conversation, channel, queue and time");
      if (agent == null) agent = java.util.Optional.empty();
      if (waitMillis < 0) throw new IllegalArgumentException("a wait cannot be negative");
    }

    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("type", "counted").put("what", what).put("conversationId", conversation.value()).put("channel", channel)
          .put("queue", queue).put("waitMillis", waitMillis).put("at", at.toString());
      agent.ifPresent(a -> json.put("agent", a.value()));
      return json;
    }
  }

  static StreamSignal fromJson(JsonObject json) {
    String type = json.getString("type", "");
    switch (type) {
      case "entry":
        return new EntryAdded(EntryJson.fromJson(json.getJsonObject("entry")));
      case "typing":
        return new Typing(new ConversationId(json.getString("conversationId")), EntryJson.participantFromJson(json), json.getBoolean("active"),
            java.util.Optional.ofNullable(json.getString("heardSoFar")));
      case "queue":
        return new QueueLength(json.getInteger("waiting"));
      case "position":
        return new QueuePosition(new ConversationId(json.getString("conversationId")), json.getInteger("position"),
            java.util.Optional.ofNullable(json.getLong("waitSeconds")).map(java.time.Duration::ofSeconds));
      case "offer":
        return new Offered(new ConversationId(json.getString("conversationId")), new org.accessline.gateway.conversation.AgentId(json.getString("agent")),
            json.getString("channel"), Instant.parse(json.getString("expires")), java.util.Optional.ofNullable(json.getString("transferFrom")),
            json.getString("note", ""));
      case "offer_withdrawn":
        return new OfferWithdrawn(new ConversationId(json.getString("conversationId")), new org.accessline.gateway.conversation.AgentId(json.getString("agent")),
            json.getString("reason"));
      case "alert":
        return new Alert(new ConversationId(json.getString("conversationId")), json.getString("path"), json.getString("reason"), Instant.parse(json.getString("at")));
      case "counted":
        return new Counted(json.getString("what"), new ConversationId(json.getString("conversationId")), json.getString("channel"), json.getString("queue"),
            java.util.Optional.ofNullable(json.getString("agent")).map(org.accessline.gateway.conversation.AgentId::new), json.getLong("waitMillis"),
            Instant.parse(json.getString("at")));
      default:
        throw new IllegalArgumentException("unknown stream signal: " + type);
    }
  }
}
