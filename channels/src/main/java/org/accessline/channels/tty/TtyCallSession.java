package org.accessline.channels.tty;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.accessline.gateway.channel.DeliveryOutcome;
import org.accessline.gateway.channel.Intake;
import org.accessline.gateway.channel.OutboundMessage;
import org.accessline.gateway.channel.Posted;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.DeliveryStatus;
import org.accessline.gateway.channel.Refusal;
import org.accessline.gateway.channel.RefusedException;

/**
 * One TTY call, carried by a Twilio media stream: μ-law audio in, demodulated into the caller's
 * messages; agents' replies out as Baudot audio, when {@link TtyLine} says the line is ours.
 * Everything runs on the socket's context. Each thing recorded carries a key made of the call's id,
 * so a retried write is stored once.
 */
public final class TtyCallSession implements LiveCall {
  private static final Logger LOG = LoggerFactory.getLogger(TtyCallSession.class);
  private static final int SAMPLES_PER_FRAME = 160;
  private static final long REFUSAL_LOG_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();
  /** Speech this long, with no TTY carrier, tells a speaking caller from a TTY on the shared line. */
  private static final int SPEECH_TO_DECIDE_MS = 600;
  /** Audio kept while the line is told apart, for the recogniser to hear from the start. */
  private static final int LONGEST_UNDECIDED_SAMPLES = 30 * 8000;
  /** How long a stream whose token is not known here yet waits for another node's word of it. */
  private static final long TOKEN_SHARING_WAIT_NANOS = Duration.ofSeconds(3).toNanos();
  private static final long TOKEN_SHARING_RETRY_MS = 50;

  private final ServerWebSocket socket;
  private final Context context;
  private final Intake intake;
  private final TtyCalls calls;
  private final TtyCallSettings settings;
  private final ModemSettings modem;
  private final TtyLine line;
  private final BaudotModulator modulator;
  private BaudotDemodulator demodulator;
  private final CallerOverUs overUs;
  /** The recorded seq of each automatic message (greeting, farewell), for marking one interrupted. */
  private final Map<String, Long> automatedSeq = new LinkedHashMap<>();
  private boolean wasListening = true;
  private long samples;
  private final StreamFrames frames = new StreamFrames();
  private final Consumer<ModemEvent> heard = this::heard;
  private int refusedMessages;
  private long refusalLoggedAt;
  /** The last frame's audio as samples, reused while frames keep their usual length. */
  private short[] pcm = new short[0];

  private String streamSid;
  /** A start message came: a second one on the same stream is ignored, even while its token is awaited. */
  private boolean starting;
  private String callSid;
  private final Promise<ConversationId> opened = Promise.promise();
  private Future<ConversationId> conversation = opened.future();
  /** On the shared line: neither tones nor speech heard yet, so no conversation is open. */
  private boolean deciding;
  private boolean handedOver;
  private final VoiceActivity voice = new VoiceActivity(300, 8000);
  private short[] undecided = new short[8000];
  private int undecidedLength;
  private final CallRecorder recorder;
  private final Map<String, Pending> replies = new LinkedHashMap<>();
  private String hangUpAfter;
  private Contact caller;
  private int followUps;
  /** The conversation this stream records into, which a stream taking over from it goes on in. */
  private CallPart part = CallPart.FIRST;
  private boolean ended;
  /** How many streams carried this call before this one: more than none after its node was lost. */
  private int attachment;
  private String from = "";
  private LineMode startedAs = LineMode.TTY;
  private final Map<String, String> resume = new java.util.HashMap<>();
  /** Twilio said the call is over (or we ended it), rather than only its stream closing. */
  private boolean callOver;

  private record Pending(long seq, TtyReply reply, Promise<DeliveryOutcome> done) {}

  private TtyCallSession(ServerWebSocket socket, Intake intake, TtyCalls calls, TtyCallSettings settings) {
    this.socket = socket;
    this.context = Vertx.currentContext();
    this.recorder = new CallRecorder(context);
    this.intake = intake;
    this.calls = calls;
    this.settings = settings;
    this.modem = settings.modem();
    this.modulator = new BaudotModulator(modem);
    this.demodulator = new BaudotDemodulator(modem);
    this.overUs = new CallerOverUs(modem);
    this.line = new TtyLine(settings, modem);
  }

  public static void accept(ServerWebSocket socket, Intake intake, TtyCalls calls, TtyCallSettings settings) {
    TtyCallSession call = new TtyCallSession(socket, intake, calls, settings);
    socket.textMessageHandler(call::onMessage);
    socket.closeHandler(v -> call.streamClosed());
    socket.exceptionHandler(e -> LOG.warn("TTY media stream error: " + e.getMessage()));
  }

  // ---- Twilio's messages ----

  private void onMessage(String text) {
    StreamFrame frame = frames.parse(text);
    // Twilio adds events without notice; ones we do not know are ignored.
    if (frame instanceof StreamFrame.Media media) media(media);
    else if (frame instanceof StreamFrame.Mark mark) mark(mark.name());
    else if (frame instanceof StreamFrame.Start start) start(start.message());
    else if (frame instanceof StreamFrame.Dtmf dtmf) dtmf(dtmf);
    else if (frame instanceof StreamFrame.Stop) {
      callOver = true;
      end("The caller hung up.");
    }
    else if (frame instanceof StreamFrame.Malformed malformed) refused(malformed.reason());
  }

  /**
   * A message Twilio would not send changes nothing and the call goes on. A broken or hostile
   * stream can send fifty a second, so a call logs the first and then at most one line a minute.
   */
  private void refused(String reason) {
    refusedMessages++;
    long at = System.nanoTime();
    if (refusedMessages > 1 && at - refusalLoggedAt < REFUSAL_LOG_INTERVAL_NANOS) return;
    refusalLoggedAt = at;
    LOG.atWarn().addKeyValue("callSid", callSid == null ? "(not started)" : callSid).addKeyValue("refusedSoFar", refusedMessages)
        .log("refused a media stream message: {} (at most one line a minute is logged per call)", reason);
  }

  private void start(JsonObject message) {
    if (starting || ended) return;
    starting = true;
    JsonObject start = message.getJsonObject("start", new JsonObject());
    JsonObject format = start.getJsonObject("mediaFormat", new JsonObject());
    if (!"audio/x-mulaw".equals(format.getString("encoding")) || format.getInteger("sampleRate", 0) != modem.sampleRate()
        || format.getInteger("channels", 1) != 1) {
      socket.close((short) 1003, "TTY calls need 8 kHz mono mu-law audio");
      return;
    }
    JsonObject parameters = start.getJsonObject("customParameters", new JsonObject());
    String sid = start.getString("callSid", "");
    // A call we placed has no sid in its TwiML (Twilio names it only after taking the request): its token alone ties it.
    boolean namesCall = sid.equals(parameters.getString(TwilioVoiceAnswer.CALL_SID));
    if (!sid.matches("CA[0-9a-fA-F]{32}") || !(namesCall || parameters.getString(TwilioVoiceAnswer.CALL_SID) == null)) {
      socket.close((short) 1008, "the stream does not belong to a call we answered");
      return;
    }
    String token = parameters.getValue(TwilioVoiceAnswer.STREAM_TOKEN) instanceof String t ? t : "";
    claimed(message, sid, namesCall, token, System.nanoTime() + TOKEN_SHARING_WAIT_NANOS);
  }

  /**
   * Takes the call once its token is known here. Twilio connects the stream as soon as the webhook's
   * answer reaches it, which can be before the answering node's word of the token reached this one:
   * such a stream asks again for a moment rather than being refused and the call lost.
   */
  private void claimed(JsonObject message, String sid, boolean namesCall, String token, long giveUpAt) {
    if (ended) return;
    StreamTokens.Claim claim = calls.claimStream(sid, token);
    if (claim instanceof StreamTokens.Claim.NotYetShared && System.nanoTime() < giveUpAt) {
      context.owner().setTimer(TOKEN_SHARING_RETRY_MS, t -> claimed(message, sid, namesCall, token, giveUpAt));
      return;
    }
    if (!(claim instanceof StreamTokens.Claim.Granted granted) || (!namesCall && granted.outbound().isEmpty())) {
      if (claim instanceof StreamTokens.Claim.Granted) calls.releaseStream(sid);
      String reason = claim instanceof StreamTokens.Claim.Refused refused ? refused.reason()
          : claim instanceof StreamTokens.Claim.Granted ? "it names no call" : "the token did not reach this node in time";
      LOG.atWarn().addKeyValue("callSid", sid).log("refused a media stream: {}", reason);
      socket.close((short) 1008, "the stream does not belong to a call we answered");
      return;
    }
    JsonObject start = message.getJsonObject("start", new JsonObject());
    JsonObject parameters = start.getJsonObject("customParameters", new JsonObject());
    streamSid = message.getString("streamSid", start.getString("streamSid", ""));
    callSid = sid;
    if (granted.outbound().isPresent()) {
      calledOut(granted.outbound().get());
      return;
    }
    from = parameters.getString(TwilioVoiceAnswer.FROM, "");
    caller = new Contact(Channel.TTY, callerAddress(from, sid));
    attachment = parameters.getValue(TwilioVoiceAnswer.ATTACHMENT) instanceof String a && a.matches("[1-9][0-9]{0,3}") ? Integer.parseInt(a) : 0;
    LineMode mode = parameters.getValue(TwilioVoiceAnswer.MODE) instanceof String m ? LineMode.parse(m).orElse(LineMode.TTY) : LineMode.TTY;
    startedAs = mode;
    for (String name : parameters.fieldNames()) {
      if (name.startsWith(TwilioVoiceAnswer.RESUME) && parameters.getValue(name) instanceof String v) resume.put(name.substring(TwilioVoiceAnswer.RESUME.length()), v);
    }
    CallPart resumed = attachment > 0 ? CallPart.of(resume) : CallPart.FIRST;
    if (mode == LineMode.RELAY && calls.speech().isPresent()) {
      // A call that was switched from TTY to relay before its node was lost goes on in the TTY call's conversation.
      boolean switched = attachment > 0 && LineMode.TTY.wireName().equals(resume.get("opened"));
      handOver(switched ? Optional.of(goOnIn(resumed)) : Optional.empty(), Optional.empty());
      return;
    }
    if (mode == LineMode.DETECT && calls.speech().isPresent() && attachment == 0) deciding = true;
    else openAsTty(resumed);
    act(attachment > 0 ? line.reconnected(now()) : line.answered(now()));
  }

  /**
   * A call we placed was answered: it carries the conversation already opened for it (a follow-up's),
   * and we type first, then take turns as on any TTY call.
   */
  private void calledOut(StreamTokens.Outbound outbound) {
    from = outbound.resident();
    caller = new Contact(Channel.TTY, callerAddress(from, callSid));
    ConversationId id = new ConversationId(outbound.conversation());
    LOG.atInfo().addKeyValue("callSid", callSid).addKeyValue("conversationId", id).log("outbound TTY call answered");
    part = new CallPart.Placed(id);
    calls.started(id, this);
    carrying(id);
    opened.complete(id);
    record("the call being answered", c -> intake.note(c, "The resident answered the call; the gateway typed first.", key("answered")));
    act(line.calledOut(now(), outbound.opening()));
  }

  /** The call is a TTY call: its conversation opens now, or is found again by a stream taking over. */
  private void openAsTty(CallPart in) {
    deciding = false;
    undecided = new short[0];
    goOnIn(in).onComplete(opened).onFailure(e -> {
      LOG.atError().addKeyValue("callSid", callSid).log("could not open a conversation for a TTY call: {}", e.getMessage());
      socket.close((short) 1011, "the call could not be recorded");
    });
  }

  /**
   * Passes the stream to the relay session: at once for a relay-only number, on speech while the
   * shared line was being told apart, or by an agent's hand mid-call. What the TTY side still owed
   * (replies waiting in Baudot) fails, so the agent sees it was not sent.
   */
  private void handOver(Optional<Future<ConversationId>> existing, Optional<String> why) {
    SpeechLine speech = calls.speech().orElseThrow();
    handedOver = true;
    ended = true;
    deciding = false;
    for (Pending p : replies.values()) p.done().tryFail("The call switched to relay before this reply was sent in Baudot; send it again.");
    replies.clear();
    if (existing.isEmpty()) calls.ended(this);
    short[] audio = Arrays.copyOf(undecided, undecidedLength);
    undecided = new short[0];
    Map<String, String> goesOnWith = new java.util.HashMap<>(resume);
    goesOnWith.putAll(part.parameters());
    speech.takeOver(new HandOver(socket, context, callSid, streamSid, caller.address(), samples, existing, audio, why, attachment, Map.copyOf(goesOnWith)));
  }

  /** The conversation {@code in} names: a placed call's as it is, the call's own (or a follow-up) opened or found again by its key. */
  private Future<ConversationId> goOnIn(CallPart in) {
    if (in instanceof CallPart.Placed placed) {
      part = placed;
      calls.started(placed.conversation(), this);
      carrying(placed.conversation());
      return Future.succeededFuture(placed.conversation());
    }
    CallPart.Keyed keyed = (CallPart.Keyed) in;
    followUps = keyed.followUps();
    return open(keyed);
  }

  /** Opens the call's conversation; the key tells a follow-up on the same call from the first. */
  private Future<ConversationId> open(CallPart.Keyed in) {
    part = in;
    return recorder.retried(() -> intake.openCall(caller, key(in.key()))).map(Posted::conversation).onSuccess(id -> {
      LOG.atInfo().addKeyValue("callSid", callSid).addKeyValue("conversationId", id).log("TTY call recorded");
      if (ended) {
        calls.ended(this);
      } else {
        calls.started(id, this);
        carrying(id);
      }
    });
  }

  private void carrying(ConversationId id) {
    calls.watch().carrying(callSid, id, from, startedAs, attachment, part.parameters());
  }

  /** A new conversation for what the caller says after theirs was resolved; the call goes on. */
  private Future<ConversationId> followUp() {
    conversation = open(new CallPart.Keyed(++followUps));
    return conversation;
  }

  private void media(StreamFrame.Media media) {
    if (callSid == null || ended || !media.inbound()) return;
    int length = media.length();
    if (pcm.length != length) pcm = new short[length];
    byte[] ulaw = media.audio();
    for (int i = 0; i < length; i++) pcm[i] = MuLaw.decode(ulaw[i]);
    long at = samples;
    samples += length;
    long now = now();
    if (deciding && undecidedSpeech(length)) {
      handOver(Optional.empty(), Optional.empty());
      return;
    }
    overUs.received(pcm, at);
    boolean listening = line.listening(now);
    // Whatever the demodulator half-heard of our own echo is dropped with it.
    if (listening && !wasListening) demodulator = new BaudotDemodulator(modem);
    wasListening = listening;
    if (listening) {
      short[] fromCaller = overUs.cancelling() ? overUs.afterOnset(pcm, at) : pcm;
      long droppedBefore = demodulator.droppedCharacters();
      demodulator.accept(fromCaller, 0, fromCaller.length, heard);
      long dropped = demodulator.droppedCharacters() - droppedBefore;
      if (dropped > 0) calls.meter().decoderCharactersDropped((int) dropped);
    } else if (line.playing()) {
      long onset = overUs.callerOnset(pcm, at);
      if (onset >= 0) callerOverUs(onset, now);
    }
    act(line.tick(now));
  }

  /**
   * The caller started typing while we sent: stop our audio, decode them from where their tones
   * began, and record what of ours was cut off and that the caller interrupted.
   */
  private void callerOverUs(long onset, long now) {
    String sentSoFar = overUs.sentBy(samples);
    Optional<TtyAction.Transmit> cut = line.callerBargedIn(now);
    if (cut.isEmpty()) {
      overUs.stopped();
      return;
    }
    socket.writeTextMessage(new JsonObject().put("event", "clear").put("streamSid", streamSid).encode());
    demodulator = new BaudotDemodulator(modem);
    wasListening = true;
    short[] replay = overUs.replayFrom(onset);
    demodulator.accept(replay, 0, replay.length, event -> act(line.heard(event, now)));
    String id = cut.get().id();
    if (id.equals(hangUpAfter)) hangUpAfter = null;
    String detail = "Interrupted: the caller started typing while this was being sent, so it was stopped. "
        + (sentSoFar.isBlank() ? "Nothing of it had gone out." : "Sent before the interruption: " + sentSoFar);
    Pending reply = replies.remove(id);
    if (reply != null) {
      reply.done().tryComplete(new DeliveryOutcome.Reported(DeliveryStatus.UNDELIVERED, key("reply-" + reply.seq()), detail));
    } else {
      // Records run in call order, so the message's own record has finished by now.
      record("an interrupted message", conversationId -> automatedSeq.containsKey(id)
          ? intake.deliveryStatus(conversationId, automatedSeq.get(id), DeliveryStatus.UNDELIVERED, detail, Optional.of(key(id + "-interrupted")))
          : Future.succeededFuture());
    }
    String what = reply != null ? "your reply" : TtyLine.GREETING_ID.equals(id) ? "the greeting" : "an automatic message";
    record("the interruption", conversationId -> intake.note(conversationId,
        "The caller started typing while " + what + " was being sent, so it was stopped. Their words follow.", key(id + "-barge-in")));
  }

  private void heard(ModemEvent event) {
    if (deciding && event instanceof ModemEvent.CarrierUp) openAsTty(CallPart.FIRST);
    act(line.heard(event, now()));
  }

  /** Keeps the frame for the recogniser, and answers whether the line has carried speech long enough (with no carrier) to be a relay call. */
  private boolean undecidedSpeech(int length) {
    if (undecidedLength + length <= LONGEST_UNDECIDED_SAMPLES) {
      if (undecided.length < undecidedLength + length) undecided = Arrays.copyOf(undecided, Math.max(undecided.length * 2, undecidedLength + length));
      System.arraycopy(pcm, 0, undecided, undecidedLength, length);
      undecidedLength += length;
    }
    voice.frame(pcm, length);
    return voice.voicedSamples() >= SPEECH_TO_DECIDE_MS * modem.sampleRate() / 1000;
  }

  private void mark(String name) {
    if (callSid == null) return;
    act(line.played(name, now()));
    Pending played = replies.remove(name);
    if (played != null) {
      played.done().tryComplete(new DeliveryOutcome.Reported(DeliveryStatus.DELIVERED, key("reply-" + played.seq()),
          "Sent to the caller's TTY as: " + played.reply().sent()));
    }
    if (name.equals(hangUpAfter)) {
      end("The call was ended after " + settings.idleHangup().toMinutes() + " minutes with nothing typed either way.");
      socket.close();
    }
  }

  private void dtmf(StreamFrame.Dtmf message) {
    if (callSid == null) return;
    String digit = message.digit();
    if (!digit.matches("[0-9*#A-D]")) return;
    record("a key press", id -> intake.note(id, "The caller pressed the phone key " + digit + ". A voice caller may have reached the TTY line.",
        key("dtmf-" + (message.sequenceNumber().isEmpty() ? String.valueOf(samples) : message.sequenceNumber()))));
  }

  /**
   * The stream closed without Twilio saying the call ended. With calls held on a drop (a cluster),
   * the call waits on hold for a node to connect it again, so nothing says it ended; the replies
   * waiting here fail, and the agent sees they were not sent.
   */
  private void streamClosed() {
    if (callOver || calls.holdOnDrop().isEmpty() || callSid == null || ended) {
      end("The call's audio stream closed.");
      return;
    }
    if (deciding) openAsTty(CallPart.FIRST);
    ended = true;
    calls.releaseStream(callSid);
    if (wasListening) demodulator.end(event -> line.heard(event, now()));
    act(line.hungUp());
    for (Pending p : replies.values()) p.done().tryFail("The call's line dropped before this reply was sent; it is being connected again, so send it again then.");
    replies.clear();
    calls.ended(this);
    calls.watch().released(callSid, true);
  }

  private void end(String reason) {
    if (ended) return;
    callOver = true;
    // A call that ends before it was told apart is recorded as the TTY call the line defaults to.
    if (deciding) openAsTty(CallPart.FIRST);
    ended = true;
    if (callSid == null) return;
    calls.releaseStream(callSid);
    // Characters the demodulator holds to settle their shift are the caller's last words.
    if (wasListening) demodulator.end(event -> line.heard(event, now()));
    act(line.hungUp());
    record("the end of the call", id -> intake.note(id, reason, key("ended")));
    for (Pending p : replies.values()) p.done().tryFail("The call ended before this reply was sent.");
    replies.clear();
    calls.ended(this);
    calls.watch().released(callSid, false);
  }

  // ---- Agents' replies ----

  @Override
  public Future<DeliveryOutcome> send(OutboundMessage message) {
    Promise<DeliveryOutcome> done = Promise.promise();
    context.runOnContext(v -> {
      if (ended) {
        done.fail("The call ended before this reply was sent.");
        return;
      }
      TtyReply reply = TtyReply.of(message.text(), settings.appendGa());
      String id = "reply-" + message.seq();
      replies.put(id, new Pending(message.seq(), reply, done));
      act(line.reply(id, reply.sent(), now()));
    });
    return done.future();
  }

  @Override
  public Future<Boolean> switchTo(LineMode mode) {
    Promise<Boolean> switched = Promise.promise();
    context.runOnContext(v -> {
      if (mode != LineMode.RELAY || ended || callSid == null || calls.speech().isEmpty()) {
        switched.complete(false);
        return;
      }
      if (deciding) openAsTty(CallPart.FIRST);
      if (wasListening) demodulator.end(event -> line.heard(event, now()));
      act(line.hungUp());
      handOver(Optional.of(conversation), Optional.of("An agent switched the call to relay: the line's speech is now transcribed and replies are spoken."));
      switched.complete(true);
    });
    return switched.future();
  }

  /** Whether the caller is typing now: carrier up, or part of a turn received. */
  @Override
  public Future<Boolean> callerMidTurn() {
    Promise<Boolean> answer = Promise.promise();
    context.runOnContext(v -> answer.complete(!ended && line.callerMidTurn()));
    return answer.future();
  }

  @Override
  public Future<Integer> stopSending() {
    Promise<Integer> stopped = Promise.promise();
    context.runOnContext(v -> {
      List<String> dropped = new ArrayList<>();
      Optional<String> playing = line.stopPlaying(now());
      overUs.stopped();
      playing.ifPresent(id -> {
        socket.writeTextMessage(new JsonObject().put("event", "clear").put("streamSid", streamSid).encode());
        dropped.add(id);
      });
      for (String id : List.copyOf(replies.keySet())) if (line.withdraw(id)) dropped.add(id);
      for (String id : dropped) {
        Pending p = replies.remove(id);
        if (p == null) continue;
        String how = playing.filter(id::equals).isPresent() ? "Stopped by the agent while it was being sent." : "Withdrawn by the agent before it was sent.";
        p.done().tryComplete(new DeliveryOutcome.Reported(DeliveryStatus.UNDELIVERED, key("reply-" + p.seq()), how));
      }
      stopped.complete(dropped.size());
    });
    return stopped.future();
  }

  // ---- What the line decided ----

  private void act(List<TtyAction> actions) {
    if (handedOver) return;
    for (TtyAction action : actions) {
      // On the shared line, the greeting going out settles it: the quiet caller gets the TTY greeting.
      if (deciding && action instanceof TtyAction.Transmit) openAsTty(CallPart.FIRST);
      if (action instanceof TtyAction.CallerSaid said) callerSaid(said);
      else if (action instanceof TtyAction.Transmit transmit) transmit(transmit);
    }
  }

  private void callerSaid(TtyAction.CallerSaid said) {
    String turnKey = key("turn-" + said.turn());
    record("the caller's message", id -> intake.callerMessage(id, said.text(), turnKey).recover(e -> {
      // The agent resolved the call's conversation while the caller was still on the line.
      if (!(e instanceof RefusedException r) || r.refusal() != Refusal.RESOLVED) return Future.failedFuture(e);
      return followUp().compose(next -> intake.callerMessage(next, said.text(), turnKey));
    }));
    if (said.end() == TurnEnd.STOP_KEYING) {
      record("a sign-off", id -> intake.note(id, "The caller typed SK: they are finishing.", key("sk-" + said.turn())));
    } else if (said.end() == TurnEnd.HANGING_UP) {
      record("a sign-off", id -> intake.note(id, "The caller typed SKSK: they are hanging up.", key("sksk-" + said.turn())));
    }
  }

  private void transmit(TtyAction.Transmit transmit) {
    if (!replies.containsKey(transmit.id())) {
      record("an automatic message", id -> intake.automatedMessage(id, transmit.ttyText(), key(transmit.id()))
          .onSuccess(posted -> automatedSeq.put(transmit.id(), posted.seq())));
    }
    if (transmit.thenHangUp()) hangUpAfter = transmit.id();
    String onTheLine = TtyReply.onTheLine(transmit.ttyText());
    short[] audio = modulator.modulate(onTheLine);
    overUs.sending(onTheLine, audio, samples);
    byte[] ulaw = MuLaw.encode(audio);
    // A reply is hundreds of frames at once; each is written as text around the base64 rather than built as a tree.
    String before = "{\"event\":\"media\",\"streamSid\":" + Json.encode(streamSid) + ",\"media\":{\"payload\":\"";
    Base64.Encoder base64 = Base64.getEncoder();
    byte[] frame = new byte[SAMPLES_PER_FRAME];
    for (int from = 0; from < ulaw.length; from += SAMPLES_PER_FRAME) {
      int length = Math.min(SAMPLES_PER_FRAME, ulaw.length - from);
      System.arraycopy(ulaw, from, frame, 0, length);
      Arrays.fill(frame, length, SAMPLES_PER_FRAME, MuLaw.SILENCE);
      socket.writeTextMessage(before + base64.encodeToString(frame) + "\"}}");
    }
    socket.writeTextMessage(new JsonObject().put("event", "mark").put("streamSid", streamSid)
        .put("mark", new JsonObject().put("name", transmit.id())).encode());
  }

  // ---- Recording ----

  /** Records in call order, retrying a failed write: the key makes a retry land once. */
  private void record(String what, Function<ConversationId, Future<?>> write) {
    recorder.record(conversation, write, e -> LOG.atWarn().addKeyValue("callSid", callSid).log("could not record {} for a TTY call: {}", what, e.getMessage()));
  }

  /** The call's conversation is found again by the same key on every stream; what each stream records is its own. */
  private String key(String what) {
    if (attachment == 0 || what.startsWith("call")) return "tty:" + callSid + ":" + what;
    return "tty:" + callSid + ":stream-" + attachment + ":" + what;
  }

  /** The call's audio clock: what Twilio has sent us so far, in milliseconds. */
  private long now() {
    return samples * 1000 / modem.sampleRate();
  }

  /** Caller ID may be withheld; such calls are told apart by their call id. */
  static String callerAddress(String from, String callSid) {
    return from.matches("\\+[1-9][0-9]{6,14}") ? from : "withheld:" + callSid;
  }
}
