package org.accessline.web.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import io.vertx.core.Future;
import org.accessline.channels.sms.InboundSms;
import org.accessline.channels.sms.SmsSegments;
import java.time.Instant;
import org.accessline.channels.tty.TtyCalls;
import org.accessline.gateway.channel.Posted;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Role;
import org.accessline.gateway.escalation.SlowChannels;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.EntryJson;
import org.accessline.gateway.routing.Presence;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.channel.Desk;
import org.accessline.gateway.channel.RefusedException;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.web.auth.AgentAccount;

/** The agents' REST API. Every method here runs behind {@link StaffAuth}; signing in and out is {@link SignInApi}. */
public final class AgentApi {
  private static final Logger LOG = Logger.getLogger(AgentApi.class.getName());
  private static final int HISTORY_LIMIT = 20;
  private final Desk stream;
  private final InteractionStore store;
  private final int maxMessageBytes;
  private final TtyCalls ttyCalls;

  public AgentApi(Desk stream, InteractionStore store, int maxMessageBytes, TtyCalls ttyCalls) {
    this.ttyCalls = ttyCalls;
    this.stream = stream;
    this.store = store;
    this.maxMessageBytes = maxMessageBytes;
  }

  public void me(RoutingContext ctx) {
    AgentAccount account = StaffAuth.account(ctx);
    stream.presence(account.username()).onComplete(ar -> json(ctx, 200, describe(account).put("presence", ar.succeeded() ? ar.result().wireName() : "away")));
  }

  public void setPresence(RoutingContext ctx) {
    Optional<Presence> presence = Validation.text(Validation.body(ctx), "presence").flatMap(Presence::parse);
    if (presence.isEmpty()) {
      Problem.send(ctx, 400, "bad_presence", "\"presence\" must be \"available\" or \"away\".");
      return;
    }
    stream.setPresence(StaffAuth.account(ctx).profile(), presence.get())
        .onComplete(ar -> respond(ctx, ar.map(p -> new JsonObject().put("presence", p.wireName())), 200));
  }

  public void myConversations(RoutingContext ctx) {
    stream.assignedTo(StaffAuth.account(ctx).username()).onComplete(ar -> respond(ctx, ar.map(list -> {
      JsonArray out = new JsonArray();
      list.forEach(s -> out.add(summary(s)));
      return new JsonObject().put("conversations", out);
    }), 200));
  }

  /** {@code after} of the entries route, checked before access is judged so bad input is a 400 for anyone. */
  public void entriesAfter(RoutingContext ctx) {
    String after = ctx.queryParams().get("after");
    try {
      long afterSeq = after == null ? 0 : Long.parseLong(after);
      if (afterSeq < 0) throw new NumberFormatException();
      ctx.put(AFTER, afterSeq);
      ctx.next();
    } catch (NumberFormatException e) {
      Problem.send(ctx, 400, "bad_after", "\"after\" must be a whole number, 0 or more.");
    }
  }

  private static final String AFTER = "accessline.after";

  public void entries(RoutingContext ctx) {
    long afterSeq = ctx.get(AFTER);
    // The whole conversation is read so whispers can be judged by who held it when each was made.
    stream.entries(Validation.conversation(ctx), 0).onComplete(ar -> respond(ctx, ar.map(list -> {
      JsonArray all = RecordReads.entriesJson(ctx.get(RecordReads.VIEWER), list);
      JsonArray out = new JsonArray();
      for (int i = 0; i < list.size(); i++) if (list.get(i).seq() > afterSeq) out.add(all.getValue(i));
      return new JsonObject().put("entries", out);
    }), 200));
  }

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
    if (clientId.isPresent() && !clientId.get().matches("[A-Za-z0-9_-]{1,64}")) {
      Problem.send(ctx, 400, "bad_client_id", "\"clientId\" must be 1-64 letters, digits, '-' or '_'.");
      return;
    }
    AgentAccount agent = StaffAuth.account(ctx);
    ConversationId conversation = Validation.conversation(ctx);
    Optional<String> key = clientId.map(id -> replyKey("agent", agent, conversation, id));
    stream.agentMessage(conversation, agent.profile(), text.get(), key)
        .onComplete(ar -> respond(ctx, ar.map(AgentApi::posted), 201));
  }

  /**
   * The dedupe key of a staff reply: a client id is unique per (staff member, conversation), so a
   * console that reuses one in another conversation sends a new reply rather than losing it.
   */
  static String replyKey(String role, AgentAccount staff, ConversationId conversation, String clientId) {
    return role + ":" + staff.username().value() + ":" + conversation.value() + ":" + clientId;
  }

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
            respond(ctx, ar.map(p -> posted(p.orElseThrow())), 200);
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
      return line.map(open -> SlowChannels.warnBeforeClosing(channel, last.flatMap(Entry::text), last.map(Entry::at), open, Instant.now()));
    });
  }

  /** {@code GET /api/interactions/{id}/verify}: whether every stored entry still matches its hash. */
  public void verify(RoutingContext ctx) {
    store.verify(Validation.conversation(ctx)).onComplete(ar -> {
      if (ar.succeeded() && ar.result().isEmpty()) {
        Problem.send(ctx, 404, "not_found", "No interaction record has that id.");
        return;
      }
      respond(ctx, ar.map(r -> {
        var report = r.orElseThrow();
        JsonObject json = new JsonObject().put("status", report.status().name().toLowerCase(java.util.Locale.ROOT)).put("entries", report.entries())
            .put("detail", report.detail());
        report.firstBadSeq().ifPresent(seq -> json.put("firstBadSeq", seq));
        return json;
      }), 200);
    });
  }

  /** {@code POST /api/conversations/{id}/accept}: take the conversation offered. */
  public void accept(RoutingContext ctx) {
    stream.acceptOffer(Validation.conversation(ctx), StaffAuth.account(ctx).username()).onComplete(ar -> respond(ctx, ar.map(AgentApi::posted), 200));
  }

  /** {@code POST /api/conversations/{id}/decline}: let the offer go back to the queue. */
  public void decline(RoutingContext ctx) {
    stream.declineOffer(Validation.conversation(ctx), StaffAuth.account(ctx).username())
        .onComplete(ar -> respond(ctx, ar.map(v -> new JsonObject().put("declined", true)), 200));
  }

  /** How many texts a reply will take, so the agent can shorten it before sending. */
  public void smsPreview(RoutingContext ctx) {
    Optional<String> text = Validation.text(Validation.body(ctx), "text");
    if (text.isEmpty()) {
      Problem.send(ctx, 400, "empty_message", "A preview needs some text.");
      return;
    }
    SmsSegments s = SmsSegments.of(text.get());
    json(ctx, 200, new JsonObject().put("encoding", s.encoding()).put("units", s.units()).put("segments", s.segments())
        .put("tooLong", text.get().codePointCount(0, text.get().length()) > InboundSms.MAX_BODY_CHARS));
  }

  /** The resident's earlier conversations on the same channel and address, newest first. */
  public void history(RoutingContext ctx) {
    ConversationId id = Validation.conversation(ctx);
    store.entries(id, 0).compose(entries -> {
      if (entries.isEmpty() || !(entries.get(0).event() instanceof ConversationEvent.Opened opened)) return Future.succeededFuture((JsonObject) null);
      return store.history(opened.contact(), HISTORY_LIMIT + 1).map(list -> {
        JsonArray out = new JsonArray();
        list.stream().filter(h -> !h.id().equals(id)).limit(HISTORY_LIMIT).forEach(h -> out.add(h.toJson()));
        return new JsonObject().put("conversations", out);
      });
    }).onComplete(ar -> {
      if (ar.succeeded() && ar.result() == null) Problem.send(ctx, 404, "not_found", "No conversation has that id.");
      else respond(ctx, ar, 200);
    });
  }

  static JsonObject describe(AgentAccount account) {
    return new JsonObject().put("username", account.username().value()).put("displayName", account.displayName()).put("capacity", account.capacity())
        .put("role", account.supervisor() ? "supervisor" : "agent");
  }

  public static JsonObject summary(ConversationState s) {
    return new JsonObject().put("id", s.id().value()).put("channel", s.contact().channel().name())
        .put("contact", s.contact().address()).put("lastSeq", s.lastSeq()).put("resolved", s.resolved());
  }

  static JsonObject posted(Posted p) {
    return new JsonObject().put("conversationId", p.conversation().value()).put("seq", p.seq()).put("duplicate", p.duplicate());
  }

  static void json(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().ended()) return;
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
  }

  /** Answers with the result, or maps a refusal or failure to its status. */
  static void respond(RoutingContext ctx, io.vertx.core.AsyncResult<JsonObject> result, int status) {
    if (result.succeeded()) {
      json(ctx, status, result.result());
      return;
    }
    if (result.cause() instanceof RefusedException refused) {
      int code = switch (refused.refusal()) {
        case UNKNOWN_CONVERSATION, UNKNOWN_MESSAGE -> 404;
        case NOT_YOURS -> 403;
        case EMPTY_TEXT, INVALID_TEXT -> 400;
        case RESOLVED, NOT_ASSIGNABLE, ALREADY_ESCALATED, NOT_ESCALATED, ALREADY_THEIRS, NO_OFFER, OTHER_MESSAGE -> 409;
      };
      Problem.send(ctx, code, refused.refusal().code, refused.refusal().message);
      return;
    }
    LOG.log(Level.WARNING, "request failed: " + ctx.request().path(), result.cause());
    Problem.send(ctx, 503, "unavailable", "The records store did not answer. Nothing was changed; please try again.");
  }

}
