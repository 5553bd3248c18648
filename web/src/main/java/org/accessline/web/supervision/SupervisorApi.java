package org.accessline.web.supervision;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.accessline.gateway.channel.Desk;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.routing.RoutingSettings;
import org.accessline.gateway.supervision.FloorSummary;
import org.accessline.web.auth.AgentAccount;
import org.accessline.web.auth.AgentDirectory;
import org.accessline.web.conversations.ReplyKey;
import org.accessline.web.http.Answers;
import io.vertx.core.Future;
import org.accessline.web.residents.ConversationViews;
import org.accessline.web.http.Problem;
import org.accessline.web.http.Validation;
import org.accessline.web.staff.StaffAuth;

/** What supervisors do on the floor: watch queues and loads, move conversations, whisper to agents, step in. */
public final class SupervisorApi {
  private final Desk stream;
  private final AgentDirectory directory;
  private final int maxMessageBytes;
  private final RoutingSettings routing;
  private final Clock clock;
  private final ConversationViews views;

  public SupervisorApi(Desk stream, AgentDirectory directory, int maxMessageBytes, RoutingSettings routing, Clock clock, ConversationViews views) {
    this.views = views;
    this.stream = stream;
    this.directory = directory;
    this.maxMessageBytes = maxMessageBytes;
    this.routing = routing;
    this.clock = clock;
  }

  /** {@code GET /api/supervisor/floor}: the queue, every agent's load and presence, every open conversation. */
  public void floor(RoutingContext ctx) {
    floorJson().onComplete(ar -> Answers.respond(ctx, ar, 200));
  }

  /** The floor as {@code GET /api/supervisor/floor} answers it, and as the supervisors' console frames carry it. */
  public Future<JsonObject> floorJson() {
    return stream.floorView().map(view -> json(FloorSummary.of(view.agents(), view.conversations(), routing, clock.instant())));
  }

  JsonObject json(FloorSummary floor) {
    JsonArray conversations = new JsonArray();
    floor.conversations().forEach(c -> conversations.add(views.json(c.state()).put("agent", c.agent().map(AgentId::value).orElse(null))
        .put("opened", c.state().opened().toString())
        .put("priority", c.state().priority()).put("urgent", c.state().urgent()).put("awaitingSupervisor", c.state().awaitingSupervisor())
        .put("limitsPassed", new JsonArray(c.limitsPassed())).put("openedSeconds", c.openedSeconds()).put("queue", c.queue())));
    JsonArray agents = new JsonArray();
    floor.agents().forEach(a -> agents.add(new JsonObject().put("id", a.id().value()).put("name", a.name()).put("presence", a.presence().wireName())
        .put("online", a.online()).put("capacity", a.capacity()).put("active", a.active())));
    FloorSummary.Line line = floor.line();
    return new JsonObject()
        .put("queue", new JsonObject().put("waiting", line.waiting()).put("oldestWaitSeconds", line.oldestWaitSeconds()).put("pastTimeLimits", line.pastTimeLimits()))
        .put("agents", agents).put("conversations", conversations);
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
        .onComplete(ar -> Answers.respond(ctx, ar.map(Answers::posted), 200));
  }

  /** {@code POST /api/conversations/{id}/whisper {"text"}}: only the agent sees it. */
  public void whisper(RoutingContext ctx) {
    text(ctx).ifPresent(text -> stream.whisper(Validation.conversation(ctx), StaffAuth.account(ctx).profile(), text)
        .onComplete(ar -> Answers.respond(ctx, ar.map(Answers::posted), 201)));
  }

  /** {@code POST /api/conversations/{id}/barge {"text","clientId"?}}: to the resident, as the center. */
  public void bargeIn(RoutingContext ctx) {
    Optional<String> clientId = Validation.text(Validation.body(ctx), "clientId");
    if (!ReplyKey.validClientId(clientId)) {
      Problem.send(ctx, 400, "bad_client_id", "\"clientId\" must be 1-64 letters, digits, '-' or '_'.");
      return;
    }
    AgentAccount supervisor = StaffAuth.account(ctx);
    text(ctx).ifPresent(text -> stream.bargeIn(Validation.conversation(ctx), supervisor.profile(), text,
            clientId.map(id -> ReplyKey.of("supervisor", supervisor, Validation.conversation(ctx), id)))
        .onComplete(ar -> Answers.respond(ctx, ar.map(Answers::posted), 201)));
  }

  private Optional<String> text(RoutingContext ctx) {
    Optional<String> text = Validation.text(Validation.body(ctx), "text").map(String::strip).filter(t -> !t.isEmpty());
    if (text.isEmpty()) {
      Problem.send(ctx, 400, "empty_message", "Some text is needed.");
    } else if (text.get().getBytes(StandardCharsets.UTF_8).length > maxMessageBytes) {
      Problem.send(ctx, 413, "too_long", "Messages can be at most " + maxMessageBytes + " bytes.");
      return Optional.empty();
    }
    return text;
  }
}
