package org.accessline.web.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.routing.RoutingSettings;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.channel.Desk;
import org.accessline.web.auth.AgentAccount;
import org.accessline.web.auth.AgentDirectory;

/** What supervisors do on the floor: watch queues and loads, move conversations, whisper to agents, step in. */
public final class SupervisorApi {
  private final Desk stream;
  private final AgentDirectory directory;
  private final int maxMessageBytes;

  private final RoutingSettings routing;

  public SupervisorApi(Desk stream, AgentDirectory directory, int maxMessageBytes, RoutingSettings routing) {
    this.routing = routing;
    this.stream = stream;
    this.directory = directory;
    this.maxMessageBytes = maxMessageBytes;
  }

  /** {@code GET /api/supervisor/floor}: the queue, every agent's load and presence, every open conversation. */
  public void floor(RoutingContext ctx) {
    stream.floorView().onComplete(ar -> AgentApi.respond(ctx, ar.map(view -> {
      Instant now = Instant.now();
      JsonArray conversations = new JsonArray();
      long waiting = 0;
      long oldest = 0;
      long pastLimits = 0;
      for (ConversationState s : view.conversations()) {
        JsonObject c = AgentApi.summary(s).put("agent", s.assignedAgent().map(AgentId::value).orElse(null)).put("priority", s.priority())
            .put("urgent", s.urgent()).put("awaitingSupervisor", s.awaitingSupervisor()).put("limitsPassed", new JsonArray(s.breaches().stream().sorted().toList()))
            .put("openedSeconds", Duration.between(s.opened(), now).toSeconds())
            .put("queue", routing.queueOf(s.queue(), s.contact().channel()).name());
        conversations.add(c);
        if (s.isWaiting()) {
          waiting++;
          oldest = Math.max(oldest, Duration.between(s.queuedSince().orElse(now), now).toSeconds());
        }
        if (!s.breaches().isEmpty()) pastLimits++;
      }
      JsonArray agents = new JsonArray();
      view.agents().forEach(a -> agents.add(new JsonObject().put("id", a.id().value()).put("name", a.name()).put("presence", a.presence().wireName())
          .put("online", a.connections() > 0).put("capacity", a.capacity())
          .put("active", view.conversations().stream().filter(s -> s.isAssignedTo(a.id())).count())));
      return new JsonObject().put("queue", new JsonObject().put("waiting", waiting).put("oldestWaitSeconds", oldest).put("pastTimeLimits", pastLimits))
          .put("agents", agents).put("conversations", conversations);
    }), 200));
  }

  /** {@code POST /api/conversations/{id}/reassign {"agent"}}. */
  public void reassign(RoutingContext ctx) {
    Optional<AgentAccount> to = Validation.text(Validation.body(ctx), "agent").flatMap(name -> {
      try {
        return directory.find(new AgentId(name));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    });
    if (to.isEmpty()) {
      Problem.send(ctx, 404, "unknown_agent", "No agent has that username.");
      return;
    }
    stream.reassign(Validation.conversation(ctx), to.get().profile(), StaffAuth.account(ctx).displayName())
        .onComplete(ar -> AgentApi.respond(ctx, ar.map(AgentApi::posted), 200));
  }

  /** {@code POST /api/conversations/{id}/whisper {"text"}}: only the agent sees it. */
  public void whisper(RoutingContext ctx) {
    text(ctx).ifPresent(text -> stream.whisper(Validation.conversation(ctx), StaffAuth.account(ctx).profile(), text)
        .onComplete(ar -> AgentApi.respond(ctx, ar.map(AgentApi::posted), 201)));
  }

  /** {@code POST /api/conversations/{id}/barge {"text","clientId"?}}: to the resident, as the center. */
  public void bargeIn(RoutingContext ctx) {
    Optional<String> clientId = Validation.text(Validation.body(ctx), "clientId");
    if (clientId.isPresent() && !clientId.get().matches("[A-Za-z0-9_-]{1,64}")) {
      Problem.send(ctx, 400, "bad_client_id", "\"clientId\" must be 1-64 letters, digits, '-' or '_'.");
      return;
    }
    AgentAccount supervisor = StaffAuth.account(ctx);
    text(ctx).ifPresent(text -> stream.bargeIn(Validation.conversation(ctx), supervisor.profile(), text,
            clientId.map(id -> AgentApi.replyKey("supervisor", supervisor, Validation.conversation(ctx), id)))
        .onComplete(ar -> AgentApi.respond(ctx, ar.map(AgentApi::posted), 201)));
  }

  private Optional<String> text(RoutingContext ctx) {
    Optional<String> text = Validation.text(Validation.body(ctx), "text").map(String::strip).filter(t -> !t.isEmpty());
    if (text.isEmpty()) {
      Problem.send(ctx, 400, "empty_message", "Some text is needed.");
    } else if (text.get().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > maxMessageBytes) {
      Problem.send(ctx, 413, "too_long", "Messages can be at most " + maxMessageBytes + " bytes.");
      return Optional.empty();
    }
    return text;
  }
}
