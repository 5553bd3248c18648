package org.accessline.web.staff;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.routing.AgentProfile;
import org.accessline.gateway.signal.Addresses;
import org.accessline.gateway.channel.Desk;
import org.accessline.gateway.signal.StreamSignal;
import org.accessline.gateway.routing.Presence;
import org.accessline.web.auth.AgentSessions;
import org.accessline.web.residents.ConversationViews;
import java.time.Duration;

/**
 * One signed-in agent's console connection. It pushes the agent's assignments, the entries of their
 * conversations and residents' typing; the agent sends typing signals. Replies and resolutions go
 * over REST so each gets a durable acknowledgement. The agent's last connection closing starts the
 * hand-back grace period.
 */
public final class AgentConsoleSession {
  private static final Logger LOG = LoggerFactory.getLogger(AgentConsoleSession.class);
  /** WebSocket close code (application range) for a console whose sign-in ended. */
  public static final short SESSION_ENDED = 4401;
  private final Vertx vertx;
  private final Desk stream;
  private final AgentProfile agent;
  private final ServerWebSocket socket;
  private final boolean supervisor;
  private final AgentSessions.Session session;
  private final AgentSessions sessions;
  private long expiryTimer = -1;
  private List<MessageConsumer<?>> consumers = List.of();
  /** Features' pushed frames (follow-ups due and overdue), see {@link StaffFrames}. */
  private List<MessageConsumer<?>> featureFrames = List.of();
  private boolean closed;
  private MessageConsumer<StreamSignal> monitoring;
  private final ConversationViews views;
  private final FloorWatch floor;
  /** Frames that need a look-up first are sent in the order their signals came. */
  private Future<?> outbox = Future.succeededFuture();
  private boolean floorWatched;
  /** Present for a console opened as the live dashboard: it follows the dashboard's frames instead of the floor's. */
  private final java.util.Optional<DashboardWatch> dashboard;

  /** @param session the sign-in this console was opened under; the console closes when it ends */
  public AgentConsoleSession(Vertx vertx, Desk stream, AgentSessions sessions, AgentSessions.Session session, ServerWebSocket socket,
      ConversationViews views, FloorWatch floor) {
    this(vertx, stream, sessions, session, socket, views, floor, java.util.Optional.empty());
  }

  /** @param dashboard present when the console was opened as the live dashboard */
  public AgentConsoleSession(Vertx vertx, Desk stream, AgentSessions sessions, AgentSessions.Session session, ServerWebSocket socket,
      ConversationViews views, FloorWatch floor, java.util.Optional<DashboardWatch> dashboard) {
    this.dashboard = dashboard.filter(d -> session.account().may(org.accessline.web.auth.Permission.SUPERVISE));
    this.views = views;
    this.floor = floor;
    this.sessions = sessions;
    this.session = session;
    this.supervisor = session.account().supervisor();
    this.vertx = vertx;
    this.stream = stream;
    this.agent = session.account().profile();
    this.socket = socket;
  }

  public void start() {
    socket.textMessageHandler(this::onText);
    socket.binaryMessageHandler(b -> error("binary_not_supported", "Send frames as JSON text."));
    socket.exceptionHandler(e -> {});
    socket.closeHandler(v -> {
      closed = true;
      if (expiryTimer >= 0) vertx.cancelTimer(expiryTimer);
      consumers.forEach(MessageConsumer::unregister);
      featureFrames.forEach(MessageConsumer::unregister);
      if (monitoring != null) monitoring.unregister();
      unwatchFloor();
      stream.agentDisconnected(agent.id());
    });
    long untilExpiry = Math.max(0, Duration.between(sessions.clock().instant(), session.expires()).toMillis()) + 1;
    expiryTimer = vertx.setTimer(untilExpiry, t -> sessionEnded("Your session has expired."));
    MessageConsumer<String> signedOut = vertx.eventBus().consumer(AgentSessions.ENDED, m -> {
      if (session.id().equals(m.body())) sessionEnded("You signed out.");
    });
    MessageConsumer<StreamSignal> mine = Addresses.AGENT.subscribe(vertx.eventBus(), agent.id(), this::forward);
    MessageConsumer<StreamSignal.QueueLength> queue = Addresses.QUEUE.subscribe(vertx.eventBus(), signal -> send(signal.toJson()));
    MessageConsumer<StreamSignal.Alert> alerts = supervisor ? Addresses.SUPERVISORS.subscribe(vertx.eventBus(), signal -> send(signal.toJson())) : null;
    MessageConsumer<?> floorFrames = !supervisor ? null : dashboard.isPresent()
        ? vertx.eventBus().<String>localConsumer(DashboardWatch.FRAMES, m -> sendEncoded(m.body()))
        : vertx.eventBus().<JsonObject>localConsumer(FloorWatch.FRAMES, m -> send(m.body()));
    consumers = alerts == null ? List.<MessageConsumer<?>>of(signedOut, mine, queue) : List.<MessageConsumer<?>>of(signedOut, mine, queue, alerts, floorFrames);
    featureFrames = new java.util.ArrayList<>(List.of(vertx.eventBus().<JsonObject>consumer(StaffFrames.to(agent.id()), m -> send(m.body())),
        vertx.eventBus().<JsonObject>consumer(StaffFrames.EVERYONE, m -> send(m.body()))));
    if (supervisor) featureFrames.add(vertx.eventBus().<JsonObject>consumer(StaffFrames.SUPERVISORS, m -> send(m.body())));
    signedOut.completion()
        .compose(v -> mine.completion())
        .compose(v -> queue.completion())
        .compose(v -> alerts == null ? Future.succeededFuture() : alerts.completion())
        .compose(v -> floorFrames == null ? Future.succeededFuture() : floorFrames.completion())
        .compose(v -> stream.agentConnected(agent))
        .compose(v -> stream.assignedTo(agent.id()))
        .compose(list -> stream.presence(agent.id()).compose(p -> stream.waitingCount().compose(waiting -> stream.offersFor(agent.id())
            .compose(this::offersJson).map(pending -> {
          JsonArray conversations = new JsonArray();
          list.forEach(s -> conversations.add(views.json(s)));
          return new JsonObject().put("type", "snapshot").put("presence", p.wireName()).put("waiting", waiting).put("conversations", conversations)
              .put("offers", pending);
        }))))
        .onSuccess(this::send)
        .compose(v -> {
          if (!supervisor || closed) return Future.succeededFuture();
          floorWatched = true;
          if (dashboard.isPresent()) return dashboard.get().watch().<Void>map(frame -> {
            sendEncoded(frame);
            return null;
          });
          return floor.watch().<Void>map(frame -> {
            send(frame);
            return null;
          });
        })
        .onFailure(e -> {
          LOG.warn("console for " + agent.id() + " could not start", e);
          socket.close((short) 1011, "could not start console");
        });
  }

  /**
   * The sign-in behind this console ended: nothing more reaches this socket, and an agent signed in
   * nowhere else is taken off the floor at once (their conversations then follow the hand-back rule).
   */
  private void sessionEnded(String why) {
    if (closed) return;
    closed = true;
    consumers.forEach(MessageConsumer::unregister);
    featureFrames.forEach(MessageConsumer::unregister);
    if (monitoring != null) monitoring.unregister();
    unwatchFloor();
    Future<?> away = sessions.signedInElsewhere(agent.id(), session.id()) ? Future.succeededFuture() : stream.setPresence(agent, Presence.AWAY);
    away.onComplete(ar -> socket.close(SESSION_ENDED, why));
  }

  /** Pending offers as their frames, each with its conversation, so a reconnected console can tell two offers apart by the resident's name. */
  private Future<JsonArray> offersJson(List<StreamSignal.Offered> offers) {
    List<Future<JsonObject>> each = offers.stream().map(o -> stream.openConversation(o.conversation())
        .map(state -> o.toJson().put("conversation", state.map(views::json).orElse(null)))).toList();
    return Future.all(each).map(v -> {
      JsonArray out = new JsonArray();
      each.forEach(f -> out.add(f.result()));
      return out;
    });
  }

  private void unwatchFloor() {
    if (!floorWatched) return;
    floorWatched = false;
    if (dashboard.isPresent()) dashboard.get().unwatch();
    else floor.unwatch();
  }

  private void forward(StreamSignal signal) {
    // The agent's own typing comes back on their address too; only the resident's is news.
    if (signal instanceof StreamSignal.Typing typing && typing.who().isStaff()) return;
    if (signal instanceof StreamSignal.EntryAdded added) {
      // Each entry frame carries its conversation as the list shows it, so a page needs no second request to place it.
      JsonObject frame = signal.toJson();
      outbox = outbox.transform(v -> stream.openConversation(added.entry().conversationId()))
          .onSuccess(state -> send(frame.put("conversation", state.map(views::json).orElse(null))))
          .onFailure(e -> send(frame));
      return;
    }
    if (signal instanceof StreamSignal.Offered offered) {
      JsonObject frame = signal.toJson();
      outbox = outbox.transform(v -> stream.openConversation(offered.conversation()))
          .onSuccess(state -> send(frame.put("conversation", state.map(views::json).orElse(null))))
          .onFailure(e -> send(frame));
      return;
    }
    JsonObject frame = signal.toJson();
    outbox = outbox.transform(v -> Future.succeededFuture()).onComplete(v -> send(frame));
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
    monitoring = Addresses.CONVERSATION.subscribe(vertx.eventBus(), id.get(), signal -> {
      if (signal instanceof StreamSignal.EntryAdded added) send(added.toJson().put("monitoring", true));
    });
    monitoring.completion().onSuccess(v -> send(new JsonObject().put("type", "monitoring").put("conversationId", id.get().value())));
  }

  private void error(String code, String message) {
    send(new JsonObject().put("type", "error").put("code", code).put("message", message));
  }

  private void send(JsonObject frame) {
    if (!closed) socket.writeTextMessage(frame.encode());
  }

  private void sendEncoded(String frame) {
    if (!closed) socket.writeTextMessage(frame);
  }
}
