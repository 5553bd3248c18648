package org.accessline.channels.tty;

import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.accessline.gateway.channel.GatewayMeter;
import org.accessline.gateway.channel.ChannelAdapter;
import org.accessline.gateway.channel.DeliveryOutcome;
import org.accessline.gateway.channel.OutboundMessage;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.ConversationId;

/**
 * The TTY calls in progress on this node, by conversation, and the channel adapter that hands an
 * agent's reply to the call it belongs to. A reply for a call that has ended fails, and the stream
 * records it as failed. It also decides which calls are let in: each calling number's allowance,
 * and the single-use token that ties a media stream to the call we answered.
 */
public final class TtyCalls implements ChannelAdapter {
  private final GatewayMeter meter;
  private final Map<ConversationId, TtyCallSession> live = new ConcurrentHashMap<>();
  private final LongSupplier clock;
  private final CallerRateLimit callers;
  private final StreamTokens tokens;

  /** What the voice webhook does with a call. */
  public sealed interface Admission {
    /** Connect the call's audio to a stream that must present this token. */
    record Connect(String streamToken) implements Admission {}

    /** The calling number has placed more calls than its allowance. */
    record TooManyCalls() implements Admission {}

    /** A stream already carries this call: the request is a replay. */
    record AlreadyAnswered() implements Admission {}
  }

  public TtyCalls(TtyIntakeSettings intake, LongSupplier clockMillis) {
    this(intake, clockMillis, GatewayMeter.NONE);
  }

  public TtyCalls(TtyIntakeSettings intake, LongSupplier clockMillis, GatewayMeter meter) {
    this.meter = meter;
    this.clock = clockMillis;
    this.callers = new CallerRateLimit(intake.callsPerNumber(), intake.callWindow());
    this.tokens = new StreamTokens(intake.streamTokenTtl(), clockMillis);
  }

  /** Decides an incoming call: a replay of an answered call first, so a replay never counts against the caller. */
  public Admission admit(String callSid, String from) {
    if (tokens.answered(callSid)) return new Admission.AlreadyAnswered();
    if (!callers.admit(from, clock.getAsLong())) return new Admission.TooManyCalls();
    return tokens.issue(callSid).<Admission>map(Admission.Connect::new).orElseGet(Admission.AlreadyAnswered::new);
  }

  /** The calls whose media stream is open and whose conversation is recorded. */
  public int active() {
    return live.size();
  }

  GatewayMeter meter() {
    return meter;
  }

  StreamTokens.Claim claimStream(String callSid, String token) {
    return tokens.claim(callSid, token);
  }

  void releaseStream(String callSid) {
    tokens.release(callSid);
  }

  @Override
  public Channel channel() {
    return Channel.TTY;
  }

  @Override
  public Future<DeliveryOutcome> deliver(OutboundMessage message) {
    TtyCallSession call = live.get(message.conversation());
    if (call == null) return Future.failedFuture("The TTY call has ended, so this reply could not be sent.");
    return call.send(message);
  }

  /** Stops the reply being sent on this conversation's call and drops the ones waiting. */
  public Future<Integer> stopSending(ConversationId conversation) {
    TtyCallSession call = live.get(conversation);
    if (call == null) return Future.succeededFuture(0);
    return call.stopSending();
  }

  public Optional<TtyCallSession> call(ConversationId conversation) {
    return Optional.ofNullable(live.get(conversation));
  }

  void started(ConversationId conversation, TtyCallSession call) {
    live.put(conversation, call);
  }

  /** Forgets the call under every conversation it had: a resolved one and its follow-up alike. */
  void ended(TtyCallSession call) {
    live.values().removeIf(c -> c == call);
  }
}
