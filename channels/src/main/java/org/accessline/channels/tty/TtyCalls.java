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
  private final Map<ConversationId, LiveCall> live = new ConcurrentHashMap<>();
  private volatile Optional<SpeechLine> speech = Optional.empty();
  private volatile java.util.Set<String> relayOnlyNumbers = java.util.Set.of();
  private volatile boolean detectSpeech;
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

  /**
   * Where else this node's calls are known: in a cluster, the other nodes, which route an agent's
   * reply to the node carrying the call and may connect a call again when that node is lost.
   */
  public interface Watch {
    Watch NONE = new Watch() {};

    /** A call of this node now answers for {@code conversation}. */
    default void live(ConversationId conversation, LiveCall call) {}

    /** A call of this node ended here (it may go on elsewhere). */
    default void gone(LiveCall call) {}

    /** A stream on this node carries the call, recorded as {@code conversation}; {@code attachment} counts its earlier streams. */
    default void carrying(String callSid, ConversationId conversation, String from, LineMode mode, int attachment) {
      carrying(callSid, conversation, from, mode, attachment, Map.of());
    }

    /**
     * As above, with what a new stream needs to take the call up where this one was ({@code resume}):
     * a relay call's mode, how its conversation was opened and the assistant it identified. It travels
     * to the next stream as parameters, named {@code resume.<key>}, in the TwiML that connects it.
     */
    default void carrying(String callSid, ConversationId conversation, String from, LineMode mode, int attachment, Map<String, String> resume) {}

    /** The call's stream here ended; with {@code callGoesOn}, only the stream dropped and the call waits on hold to be connected again. */
    default void released(String callSid, boolean callGoesOn) {}
  }

  /** A call carried by another node, reached through it. */
  @FunctionalInterface
  public interface Elsewhere {
    Optional<LiveCall> call(ConversationId conversation);
  }

  private volatile Watch watch = Watch.NONE;
  private volatile Elsewhere elsewhere = conversation -> Optional.empty();
  private volatile Optional<java.time.Duration> holdOnDrop = Optional.empty();

  /** In a cluster: calls are told to {@code watch}, replies for calls not here go {@code elsewhere}, and a dropped stream leaves its call on hold this long. */
  public void cluster(Watch watch, Elsewhere elsewhere, java.time.Duration holdOnDrop) {
    this.watch = watch;
    this.elsewhere = elsewhere;
    this.holdOnDrop = Optional.of(holdOnDrop);
  }

  public Watch watch() {
    return watch;
  }

  /** How long a call waits, silent, after its stream dropped without the caller hanging up; empty: the call ends with its stream. */
  public Optional<java.time.Duration> holdOnDrop() {
    return holdOnDrop;
  }

  public StreamTokens streamTokens() {
    return tokens;
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

  /**
   * Lets calls become relay calls: those to {@code relayOnlyNumbers} from the start, and, with
   * {@code detectSpeech}, those to any other number that begin with speech rather than tones.
   */
  public void speechOn(SpeechLine line, java.util.Set<String> relayOnlyNumbers, boolean detectSpeech) {
    this.relayOnlyNumbers = java.util.Set.copyOf(relayOnlyNumbers);
    this.detectSpeech = detectSpeech;
    this.speech = Optional.of(line);
  }

  /** How a call to {@code to} starts. */
  public LineMode modeFor(String to) {
    if (speech.isEmpty()) return LineMode.TTY;
    if (relayOnlyNumbers.contains(to)) return LineMode.RELAY;
    return detectSpeech ? LineMode.DETECT : LineMode.TTY;
  }

  Optional<SpeechLine> speech() {
    return speech;
  }

  public StreamTokens.Claim claimStream(String callSid, String token) {
    return tokens.claim(callSid, token);
  }

  public void releaseStream(String callSid) {
    tokens.release(callSid);
  }

  @Override
  public Channel channel() {
    return Channel.TTY;
  }

  @Override
  public Future<DeliveryOutcome> deliver(OutboundMessage message) {
    Optional<LiveCall> call = call(message.conversation());
    if (call.isEmpty()) return Future.failedFuture("The call has ended, so this reply could not be sent.");
    return call.get().send(message);
  }

  /** Stops the reply being sent on this conversation's call and drops the ones waiting. */
  public Future<Integer> stopSending(ConversationId conversation) {
    return call(conversation).map(LiveCall::stopSending).orElseGet(() -> Future.succeededFuture(0));
  }

  public Optional<LiveCall> call(ConversationId conversation) {
    LiveCall here = live.get(conversation);
    return here != null ? Optional.of(here) : elsewhere.call(conversation);
  }

  /** The same calls, seen as the relay channel's adapter: a relay conversation's replies reach its call here. */
  public ChannelAdapter relayAdapter() {
    TtyCalls calls = this;
    return new ChannelAdapter() {
      @Override
      public Channel channel() {
        return Channel.RELAY;
      }

      @Override
      public Future<DeliveryOutcome> deliver(OutboundMessage message) {
        return calls.deliver(message);
      }
    };
  }

  public void started(ConversationId conversation, LiveCall call) {
    live.put(conversation, call);
    watch.live(conversation, call);
  }

  /** Forgets the call under every conversation it had: a resolved one and its follow-up alike. */
  public void ended(LiveCall call) {
    live.values().removeIf(c -> c == call);
    watch.gone(call);
  }
}
