package org.accessline.web.conversations;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.accessline.channels.tty.TtyCalls;
import org.accessline.gateway.channel.Desk;
import org.accessline.gateway.channel.Posted;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Role;
import org.accessline.gateway.escalation.SlowChannels;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.web.auth.AgentAccount;
import org.accessline.web.http.Answers;
import org.accessline.web.http.Problem;
import org.accessline.web.http.Validation;
import org.accessline.web.staff.StaffAuth;

/** What an agent writes in a conversation: replies, and its resolution. */
public final class ReplyApi {
  private final Desk stream;
  private final InteractionStore store;
  private final TtyCalls ttyCalls;
  private final int maxMessageBytes;
  private final Clock clock;

  public ReplyApi(Desk stream, InteractionStore store, TtyCalls ttyCalls, int maxMessageBytes, Clock clock) {
    this.stream = stream;
    this.store = store;
    this.ttyCalls = ttyCalls;
    this.maxMessageBytes = maxMessageBytes;
    this.clock = clock;
  }

  /** {@code POST /api/conversations/{id}/messages {"text","clientId"?}}. */
  public void reply(RoutingContext ctx) {
    JsonObject body = Validation.body(ctx);
    Optional<String> text = Validation.text(body, "text").map(String::strip).filter(t -> !t.isEmpty());
    if (text.isEmpty()) {
      Problem.send(ctx, 400, "empty_message", "A reply needs some text.");
      return;
    }
    int bytes = text.get().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > maxMessageBytes) {
      Problem.send(ctx, 413, "too_long", "Replies can be at most " + maxMessageBytes + " bytes; this one is " + bytes + ".");
      return;
    }
    Optional<String> clientId = Validation.text(body, "clientId");
    if (!ReplyKey.validClientId(clientId)) {
      Problem.send(ctx, 400, "bad_client_id", "\"clientId\" must be 1-64 letters, digits, '-' or '_'.");
      return;
    }
    AgentAccount agent = StaffAuth.account(ctx);
    ConversationId conversation = Validation.conversation(ctx);
    Optional<String> key = clientId.map(id -> ReplyKey.of("agent", agent, conversation, id));
    stream.agentMessage(conversation, agent.profile(), text.get(), key)
        .onComplete(ar -> Answers.respond(ctx, ar.map(Answers::posted), 201));
  }

  /** {@code POST /api/conversations/{id}/resolve {"disposition","confirm"?}}: a TTY or relay resident who may still be typing is a 409 until confirmed. */
  public void resolve(RoutingContext ctx) {
    Optional<String> disposition = Validation.text(Validation.body(ctx), "disposition").map(String::strip).filter(d -> !d.isEmpty() && d.length() <= 200);
    if (disposition.isEmpty()) {
      Problem.send(ctx, 400, "bad_disposition", "\"disposition\" must be 1-200 characters.");
      return;
    }
    ConversationId id = Validation.conversation(ctx);
    boolean confirmed = Validation.body(ctx).getValue("confirm") instanceof Boolean b && b;
    Future<Optional<String>> warning = confirmed ? Future.succeededFuture(Optional.empty()) : slowChannelWarning(id);
    warning.compose(w -> w.isPresent()
        ? Future.<Optional<Posted>>succeededFuture(Optional.empty())
        : stream.resolve(id, StaffAuth.account(ctx).profile(), disposition.get()).map(Optional::of))
        .onComplete(ar -> {
          if (ar.succeeded() && ar.result().isEmpty()) {
            Problem.send(ctx, 409, "resident_may_be_typing", warning.result().orElseThrow() + " Resolve anyway by sending \"confirm\": true.");
          } else {
            Answers.respond(ctx, ar.map(p -> Answers.posted(p.orElseThrow())), 200);
          }
        });
  }

  /** For a TTY or relay conversation, why closing it now might cut the resident off. */
  private Future<Optional<String>> slowChannelWarning(ConversationId id) {
    return store.entries(id, 0).compose(entries -> {
      if (entries.isEmpty() || !(entries.get(0).event() instanceof ConversationEvent.Opened opened)) return Future.succeededFuture(Optional.<String>empty());
      Channel channel = opened.contact().channel();
      if (!SlowChannels.SLOW.contains(channel)) return Future.succeededFuture(Optional.<String>empty());
      Optional<Entry> last = entries.stream().filter(e -> e.actor().role() == Role.RESIDENT && e.event() instanceof ConversationEvent.MessagePosted)
          .reduce((a, b) -> b);
      Future<Optional<Boolean>> line = ttyCalls.call(id).map(call -> call.callerMidTurn().map(Optional::of))
          .orElse(Future.succeededFuture(Optional.empty()));
      return line.map(open -> SlowChannels.warnBeforeClosing(channel, last.flatMap(Entry::text), last.map(Entry::at), open, clock.instant()));
    });
  }
}
