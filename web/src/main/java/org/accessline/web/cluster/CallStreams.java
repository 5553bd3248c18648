package org.accessline.web.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.twilio.http.TwilioRestClient;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.accessline.channels.tty.LineMode;
import org.accessline.channels.tty.LiveCall;
import org.accessline.channels.tty.StreamTokens;
import org.accessline.channels.tty.TtyCalls;
import org.accessline.channels.tty.TwilioVoiceAnswer;
import org.accessline.channels.twilio.TwilioAccount;
import org.accessline.channels.twilio.TwilioCallFailure;
import org.accessline.channels.twilio.TwilioCallUpdates;
import org.accessline.gateway.channel.DeliveryOutcome;
import org.accessline.gateway.channel.Intake;
import org.accessline.gateway.channel.OutboundMessage;
import org.accessline.gateway.conversation.ConversationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TTY and relay calls across the nodes. A call's media stream runs on whichever node Twilio's stream
 * reached; its session writes through the forwarded ports like any webhook. An agent's reply, stop
 * or mode switch is carried over the event bus, as JSON, to the node holding the stream, at an
 * address of the call's conversation. Stream tokens are shared by hash, so the stream may reach
 * another node than the voice webhook did.
 *
 * <p>Which node streams which call lives in a cluster map (Hazelcast keeps a backup of each entry on
 * another member, so it outlives the loss of one node): call sid, node, conversation, caller, mode and
 * how many streams the call had, and for a relay call what its next stream resumes it with (how its
 * conversation was opened, the assistant identified), so it comes back in relay mode. When a node leaves, every survivor looks for its calls and the one
 * that removes an entry first connects that call again through Twilio's Calls API, with a fresh
 * single-use token; the call waited on hold meanwhile ({@code <Pause>} after its {@code <Connect>}).
 */
public final class CallStreams extends VerticleBase implements TtyCalls.Watch, TtyCalls.Elsewhere, StreamTokens.Sharing {
  private static final Logger LOG = LoggerFactory.getLogger(CallStreams.class);
  static final String MAP = "accessline.tty.streams";
  static final String TOKENS = "accessline.tty.tokens";
  private static final String CALL = "accessline.tty.call.";
  private static final String VERTX_NODE_ID = "__vertx.nodeId";
  /** A reply waits on the line for the caller's turn to end and then plays at 45.45 baud. */
  private static final long SEND_WITHIN_MILLIS = Duration.ofMinutes(15).toMillis();
  private static final long ASK_WITHIN_MILLIS = 10_000;
  private static final int REDIRECT_ATTEMPTS = 6;

  private final TtyCalls calls;
  private final Intake intake;
  private final TwilioAccount account;
  private final TwilioRestClient twilio;
  private final Duration hold;
  private final Map<LiveCall, List<MessageConsumer<JsonObject>>> answering = new IdentityHashMap<>();
  private AsyncMap<String, JsonObject> streams;
  private MessageConsumer<JsonObject> tokens;
  private HazelcastInstance hazelcast;
  private UUID membership;
  private String me;
  private volatile boolean leaving;

  public CallStreams(TtyCalls calls, Intake intake, TwilioAccount account, TwilioRestClient twilio, Duration hold) {
    this.calls = calls;
    this.intake = intake;
    this.account = account;
    this.twilio = twilio;
    this.hold = hold;
  }

  @Override
  public Future<?> start() {
    me = ((VertxInternal) vertx).clusterManager().getNodeId();
    hazelcast = ((HazelcastClusterManager) ((VertxInternal) vertx).clusterManager()).getHazelcastInstance();
    tokens = vertx.eventBus().consumer(TOKENS, message -> {
      JsonObject m = message.body();
      if (me.equals(m.getString("node"))) return;
      if (m.containsKey("claimed")) calls.streamTokens().claimedElsewhere(m.getString("claimed"));
      else if (m.containsKey("spent")) calls.streamTokens().spentElsewhere(m.getString("spent"));
      else if (m.containsKey("outbound")) calls.streamTokens().issuedOutboundElsewhere(m.getString("hash"), m.getLong("expiresAt"), outbound(m.getJsonObject("outbound")));
      else calls.streamTokens().issuedElsewhere(m.getString("hash"), m.getString("callSid"), m.getLong("expiresAt"), m.getBoolean("again", false));
    });
    return tokens.completion().compose(v -> vertx.sharedData().<String, JsonObject>getAsyncMap(MAP)).onSuccess(map -> {
      streams = map;
      calls.streamTokens().shareWith(this);
      calls.cluster(this, this, hold);
      membership = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
        @Override
        public void memberAdded(MembershipEvent event) {}

        @Override
        public void memberRemoved(MembershipEvent event) {
          String node = event.getMember().getAttribute(VERTX_NODE_ID);
          if (node != null) context.runOnContext(v -> reattachCallsOf(node));
        }
      });
    });
  }

  /** This node is stopping: a stream that drops now is left for a survivor to connect again, once this node has left. */
  public void leaving() {
    leaving = true;
  }

  @Override
  public Future<?> stop() {
    leaving = true;
    try {
      if (membership != null) hazelcast.getCluster().removeMembershipListener(membership);
    } catch (RuntimeException alreadyGone) {
      // This node's Hazelcast is no longer running: there is nothing left to listen to.
    }
    return tokens == null ? Future.succeededFuture() : tokens.unregister();
  }

  // ---- Stream tokens, by hash, to every node ----

  @Override
  public void issued(String tokenHash, String callSid, long expiresAt, boolean again) {
    vertx.eventBus().publish(TOKENS, new JsonObject().put("node", me).put("hash", tokenHash).put("callSid", callSid).put("expiresAt", expiresAt).put("again", again));
  }

  @Override
  public void claimed(String callSid) {
    vertx.eventBus().publish(TOKENS, new JsonObject().put("node", me).put("claimed", callSid));
  }

  @Override
  public void issuedOutbound(String tokenHash, long expiresAt, StreamTokens.Outbound outbound) {
    vertx.eventBus().publish(TOKENS, new JsonObject().put("node", me).put("hash", tokenHash).put("expiresAt", expiresAt).put("outbound",
        new JsonObject().put("conversation", outbound.conversation()).put("resident", outbound.resident()).put("opening", outbound.opening())));
  }

  @Override
  public void spent(String tokenHash) {
    vertx.eventBus().publish(TOKENS, new JsonObject().put("node", me).put("spent", tokenHash));
  }

  private static StreamTokens.Outbound outbound(JsonObject json) {
    return new StreamTokens.Outbound(json.getString("conversation"), json.getString("resident"), json.getString("opening"));
  }

  // ---- Calls on this node, answering for their conversations ----

  @Override
  public void live(ConversationId conversation, LiveCall call) {
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(CALL + conversation.value(), message -> answer(call, message));
    synchronized (answering) {
      answering.computeIfAbsent(call, c -> new ArrayList<>()).add(consumer);
    }
  }

  @Override
  public void gone(LiveCall call) {
    List<MessageConsumer<JsonObject>> consumers;
    synchronized (answering) {
      consumers = answering.remove(call);
    }
    if (consumers != null) consumers.forEach(MessageConsumer::unregister);
  }

  private void answer(LiveCall call, Message<JsonObject> message) {
    JsonObject ask = message.body();
    Future<JsonObject> answer = switch (ask.getString("op", "")) {
      case "send" -> call.send((OutboundMessage) PortsJson.decode(OutboundMessage.class, ask.getValue("message"))).map(CallStreams::outcome);
      case "stop" -> call.stopSending().map(n -> new JsonObject().put("stopped", n));
      case "switch" -> call.switchTo(LineMode.parse(ask.getString("mode", "")).orElse(LineMode.TTY)).map(ok -> new JsonObject().put("switched", ok));
      case "midTurn" -> call.callerMidTurn().map(mid -> new JsonObject().put("midTurn", mid));
      default -> Future.failedFuture("no such call operation");
    };
    answer.onComplete(ar -> {
      if (ar.succeeded()) message.reply(ar.result());
      else message.fail(500, String.valueOf(ar.cause().getMessage()));
    });
  }

  private static JsonObject outcome(DeliveryOutcome outcome) {
    if (outcome instanceof DeliveryOutcome.Reported r) {
      return new JsonObject().put("kind", "reported").put("status", r.status().name()).put("providerId", r.providerId()).put("detail", r.detail());
    }
    if (outcome instanceof DeliveryOutcome.Ambiguous a) return new JsonObject().put("kind", "ambiguous").put("detail", a.detail());
    return new JsonObject().put("kind", "live");
  }

  private static DeliveryOutcome outcome(JsonObject json) {
    return switch (json.getString("kind", "")) {
      case "live" -> new DeliveryOutcome.Live();
      case "reported" -> new DeliveryOutcome.Reported(org.accessline.gateway.conversation.DeliveryStatus.valueOf(json.getString("status")),
          json.getString("providerId"), json.getString("detail"));
      default -> new DeliveryOutcome.Ambiguous(json.getString("detail", "no answer from the node carrying the call"));
    };
  }

  // ---- Calls on other nodes ----

  @Override
  public Optional<LiveCall> call(ConversationId conversation) {
    return Optional.of(new RemoteCall(conversation));
  }

  private final class RemoteCall implements LiveCall {
    private final ConversationId conversation;

    RemoteCall(ConversationId conversation) {
      this.conversation = conversation;
    }

    private Future<JsonObject> ask(JsonObject what, long within, JsonObject ifNoCall) {
      return vertx.eventBus().<JsonObject>request(CALL + conversation.value(), what, new DeliveryOptions().setSendTimeout(within)).transform(ar -> {
        if (ar.succeeded()) return Future.succeededFuture(ar.result().body());
        if (ar.cause() instanceof ReplyException r && r.failureType() == ReplyFailure.NO_HANDLERS && ifNoCall != null) return Future.succeededFuture(ifNoCall);
        return Future.failedFuture(ar.cause());
      });
    }

    @Override
    public Future<DeliveryOutcome> send(OutboundMessage message) {
      return ask(new JsonObject().put("op", "send").put("message", PortsJson.encode(OutboundMessage.class, message)), SEND_WITHIN_MILLIS, null)
          .recover(e -> Future.failedFuture(e instanceof ReplyException r && r.failureType() == ReplyFailure.NO_HANDLERS
              ? "The call has ended, so this reply could not be sent." : String.valueOf(e.getMessage())))
          .map(CallStreams::outcome);
    }

    @Override
    public Future<Integer> stopSending() {
      return ask(new JsonObject().put("op", "stop"), ASK_WITHIN_MILLIS, new JsonObject().put("stopped", 0)).map(j -> j.getInteger("stopped", 0));
    }

    @Override
    public Future<Boolean> callerMidTurn() {
      return ask(new JsonObject().put("op", "midTurn"), ASK_WITHIN_MILLIS, new JsonObject().put("midTurn", false)).map(j -> j.getBoolean("midTurn", false));
    }

    @Override
    public Future<Boolean> switchTo(LineMode mode) {
      return ask(new JsonObject().put("op", "switch").put("mode", mode.wireName()), ASK_WITHIN_MILLIS, new JsonObject().put("switched", false))
          .map(j -> j.getBoolean("switched", false));
    }
  }

  // ---- Which node streams which call, and connecting a call again ----

  @Override
  public void carrying(String callSid, ConversationId conversation, String from, LineMode mode, int attachment, Map<String, String> resume) {
    JsonObject entry = new JsonObject().put("node", me).put("conversation", conversation.value()).put("from", from).put("mode", mode.wireName())
        .put("attachment", attachment).put("resume", new JsonObject(Map.copyOf(resume)));
    streams.put(callSid, entry).onFailure(e -> LOG.atWarn().addKeyValue("callSid", callSid).log("could not note which node carries a call: {}", e.getMessage()));
  }

  @Override
  public void released(String callSid, boolean callGoesOn) {
    if (!callGoesOn) {
      streams.remove(callSid).onFailure(e -> LOG.atWarn().addKeyValue("callSid", callSid).log("could not forget an ended call: {}", e.getMessage()));
      return;
    }
    // A stream dropped while this node goes on (the network between Twilio and us): this node connects it again itself.
    if (!leaving) streams.get(callSid).onSuccess(entry -> {
      if (entry != null && me.equals(entry.getString("node"))) claimAndReattach(callSid, entry);
    });
  }

  private void reattachCallsOf(String node) {
    if (leaving || streams == null) return;
    streams.entries().onSuccess(all -> all.forEach((callSid, entry) -> {
      if (node.equals(entry.getString("node"))) claimAndReattach(callSid, entry);
    })).onFailure(e -> LOG.warn("could not look for the calls of a node that left: {}", e.getMessage()));
  }

  /** Only the node that removes the entry connects the call: every survivor tries. */
  private void claimAndReattach(String callSid, JsonObject entry) {
    streams.removeIfPresent(callSid, entry).onSuccess(mine -> {
      if (mine) reattach(callSid, entry, 1);
    });
  }

  private void reattach(String callSid, JsonObject entry, int attempt) {
    ConversationId conversation = new ConversationId(entry.getString("conversation"));
    int attachment = entry.getInteger("attachment", 0) + 1;
    Optional<String> token = calls.streamTokens().issueAgain(callSid);
    if (token.isEmpty()) return;
    LineMode mode = LineMode.parse(entry.getString("mode", "")).orElse(LineMode.TTY);
    Map<String, String> resume = new java.util.HashMap<>();
    entry.getJsonObject("resume", new JsonObject()).forEach(e -> resume.put(e.getKey(), String.valueOf(e.getValue())));
    String twiml = TwilioVoiceAnswer.connectTwiml(account, entry.getString("from", ""), callSid, token.get(), mode, attachment, Optional.of(hold), resume);
    long began = System.nanoTime();
    vertx.<Void>executeBlocking(() -> {
      TwilioCallUpdates.redirect(twilio, callSid, twiml);
      return null;
    }, false).onSuccess(v -> LOG.atInfo().addKeyValue("callSid", callSid).addKeyValue("conversationId", conversation.value())
        .addKeyValue("mode", mode.wireName()).log("asked Twilio to connect the call to a new stream in {} ms", (System.nanoTime() - began) / 1_000_000)).onFailure(e -> {
      TwilioCallFailure failure = TwilioCallFailure.of(e);
      if (TwilioCallUpdates.callIsOver(failure)) {
        LOG.atInfo().addKeyValue("callSid", callSid).log("the call ended before it could be connected again");
        intake.note(conversation, "The call ended while its line was being moved to another gateway node (" + failure.reason() + ").",
            "tty:" + callSid + ":stream-" + attachment + ":ended");
        return;
      }
      boolean again = attempt < REDIRECT_ATTEMPTS && !(failure instanceof TwilioCallFailure.Refused) && !calls.streamTokens().answered(callSid);
      LOG.atWarn().addKeyValue("callSid", callSid).log("could not connect the call again ({}): {}", again ? "trying again" : "giving up", failure.reason());
      if (again) {
        vertx.setTimer(500L << Math.min(attempt, 5), t -> reattach(callSid, entry, attempt + 1));
      } else {
        intake.note(conversation, "The call's line was lost with its gateway node and could not be connected again (" + failure.reason() + ").",
            "tty:" + callSid + ":stream-" + attachment + ":lost");
      }
    });
  }

  /** For tests and benchmarks: how many calls the cluster knows to be streaming. */
  Future<Integer> streaming() {
    return streams.size();
  }
}
