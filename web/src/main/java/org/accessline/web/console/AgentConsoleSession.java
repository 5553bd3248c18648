package org.accessline.web.console;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.routing.AgentProfile;
import org.accessline.gateway.stream.Addresses;
import org.accessline.gateway.stream.ConversationStream;
import org.accessline.gateway.stream.StreamSignal;
import org.accessline.web.api.AgentApi;

/**
 * One signed-in agent's console connection. It pushes the agent's assignments, the entries of their
 * conversations and residents' typing; the agent sends typing signals. Replies and resolutions go
 * over REST so each gets a durable acknowledgement. The agent's last connection closing starts the
 * hand-back grace period.
 */
public final class AgentConsoleSession {
  private static final Logger LOG = Logger.getLogger(AgentConsoleSession.class.getName());
  private final Vertx vertx;
  private final ConversationStream stream;
  private final AgentProfile agent;
  private final ServerWebSocket socket;
  private final boolean supervisor;
  private List<MessageConsumer<StreamSignal>> consumers = List.of();
  private boolean closed;
  private MessageConsumer<StreamSignal> monitoring;

  public AgentConsoleSession(Vertx vertx, ConversationStream stream, AgentProfile agent, boolean supervisor, ServerWebSocket socket) {
    this.supervisor = supervisor;
    this.vertx = vertx;
    this.stream = stream;
    this.agent = agent;
    this.socket = socket;
  }

  public void start() {
    socket.textMessageHandler(this::onText);
    socket.binaryMessageHandler(b -> error("binary_not_supported", "Send frames as JSON text."));
    socket.exceptionHandler(e -> {});
    socket.closeHandler(v -> {
      closed = true;
      consumers.forEach(MessageConsumer::unregister);
      if (monitoring != null) monitoring.unregister();
      stream.agentDisconnected(agent.id());
    });
    MessageConsumer<StreamSignal> mine = vertx.eventBus().consumer(Addresses.agent(agent.id()), m -> forward(m.body()));
    MessageConsumer<StreamSignal> queue = vertx.eventBus().consumer(Addresses.QUEUE, m -> send(m.body().toJson()));
    MessageConsumer<StreamSignal> alerts = supervisor ? vertx.eventBus().consumer(Addresses.SUPERVISORS, m -> send(m.body().toJson())) : null;
    consumers = alerts == null ? List.of(mine, queue) : List.of(mine, queue, alerts);
    mine.completion()
        .compose(v -> queue.completion())
        .compose(v -> alerts == null ? Future.succeededFuture() : alerts.completion())
        .compose(v -> stream.agentConnected(agent))
        .compose(v -> stream.assignedTo(agent.id()))
        .compose(list -> stream.presence(agent.id()).compose(p -> stream.waitingCount().compose(waiting -> stream.offersFor(agent.id()).map(offers -> {
          JsonArray conversations = new JsonArray();
          list.forEach(s -> conversations.add(AgentApi.summary(s)));
          JsonArray pending = new JsonArray();
          offers.forEach(o -> pending.add(o.toJson()));
          return new JsonObject().put("type", "snapshot").put("presence", p.wireName()).put("waiting", waiting).put("conversations", conversations)
              .put("offers", pending);
        }))))
        .onSuccess(this::send)
        .onFailure(e -> {
          LOG.log(Level.WARNING, "console for " + agent.id() + " could not start", e);
          socket.close((short) 1011, "could not start console");
        });
  }

  private void forward(StreamSignal signal) {
    // The agent's own typing comes back on their address too; only the resident's is news.
    if (signal instanceof StreamSignal.Typing typing && typing.who().isStaff()) return;
    send(signal.toJson());
  }

  private void onText(String text) {
    JsonObject frame;
    try {
      frame = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      error("bad_json", "Frames must be JSON objects.");
      return;
    }
    String type = frame.getValue("type") instanceof String s ? s : "";
    if ("monitor".equals(type)) {
      monitor(frame);
      return;
    }
    if (!"typing".equals(type)) {
      error("unknown_type", "Unknown frame type \"" + type + "\".");
      return;
    }
    Optional<ConversationId> id = frame.getValue("conversationId") instanceof String s ? ConversationId.parse(s) : Optional.empty();
    if (id.isEmpty() || !(frame.getValue("active") instanceof Boolean active)) {
      error("bad_frame", "\"typing\" needs \"conversationId\" and \"active\".");
      return;
    }
    stream.openConversation(id.get()).onSuccess(state -> {
      if (state.filter(s -> s.isAssignedTo(agent.id())).isPresent()) stream.typing(id.get(), agent.participant(), active);
    });
  }

  /** A supervisor follows one conversation read-only: {"type":"monitor","conversationId":…}, or null to stop. */
  private void monitor(JsonObject frame) {
    if (!supervisor) {
      error("supervisors_only", "Only a supervisor can monitor conversations.");
      return;
    }
    if (monitoring != null) {
      monitoring.unregister();
      monitoring = null;
    }
    if (frame.getValue("conversationId") == null) return;
    Optional<ConversationId> id = frame.getValue("conversationId") instanceof String s ? ConversationId.parse(s) : Optional.empty();
    if (id.isEmpty()) {
      error("bad_frame", "\"monitor\" needs a \"conversationId\", or null to stop.");
      return;
    }
    monitoring = vertx.eventBus().<StreamSignal>consumer(Addresses.conversation(id.get()), m -> {
      if (m.body() instanceof StreamSignal.EntryAdded added) send(added.toJson().put("monitoring", true));
    });
    monitoring.completion().onSuccess(v -> send(new JsonObject().put("type", "monitoring").put("conversationId", id.get().value())));
  }

  private void error(String code, String message) {
    send(new JsonObject().put("type", "error").put("code", code).put("message", message));
  }

  private void send(JsonObject frame) {
    if (!closed) socket.writeTextMessage(frame.encode());
  }
}
