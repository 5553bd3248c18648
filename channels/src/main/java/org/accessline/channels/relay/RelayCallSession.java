package org.accessline.channels.relay;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.accessline.channels.tty.CallPart;
import org.accessline.channels.tty.CallRecorder;
import org.accessline.channels.tty.HandOver;
import org.accessline.channels.tty.LineMode;
import org.accessline.channels.tty.LiveCall;
import org.accessline.channels.tty.MuLaw;
import org.accessline.channels.tty.StreamFrame;
import org.accessline.channels.tty.StreamFrames;
import org.accessline.channels.tty.TtyCalls;
import org.accessline.channels.tty.TurnEnd;
import org.accessline.channels.tty.VoiceActivity;
import org.accessline.gateway.channel.DeliveryOutcome;
import org.accessline.gateway.channel.Intake;
import org.accessline.gateway.channel.OutboundMessage;
import org.accessline.gateway.channel.Posted;
import org.accessline.gateway.channel.Refusal;
import org.accessline.gateway.channel.RefusedException;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.DeliveryStatus;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.conversation.Transcription;

/**
 * One relay call on the TTY line's media stream. The assistant's speech is queued per call and
 * recognised on the shared speech workers, in order, never on the event loop; when recognition
 * falls behind by more than the configured backlog, the stream is paused (Twilio holds the audio)
 * rather than anything dropped. Replies are synthesised on the same workers and sent as μ-law
 * frames with a mark, as TTY replies are. Everything else runs on the socket's context.
 */
final class RelayCallSession implements LiveCall {
  private static final Logger LOG = LoggerFactory.getLogger(RelayCallSession.class);
  private static final int SAMPLE_RATE = 8000;
  private static final int SAMPLES_PER_FRAME = 160;
  static final String ENGINE = "vosk";

  private final ServerWebSocket socket;
  private final Context context;
  private final Intake intake;
  private final TtyCalls calls;
  private final RelaySettings settings;
  private final Future<RelaySpeech> speech;
  private final RelayLine line;
  private final VoiceActivity voice = new VoiceActivity(300, SAMPLE_RATE);
  private final StreamFrames frames = new StreamFrames();
  private final String callSid;
  private final String streamSid;
  private final Contact caller;
  private long samples;
  private Future<ConversationId> conversation;
  private final CallRecorder recorder;
  private final Map<String, Pending> replies = new LinkedHashMap<>();
  private String hangUpAfter;
  private int followUps;
  /** The conversation this stream records into, which a stream taking over from it goes on in. */
  private CallPart part;
  private boolean ended;
  private boolean finished;
  /** Twilio said the call is over (or we ended it), rather than only its stream closing. */
  private boolean callOver;
  /** Only the stream closed: the call waits on hold for a node to connect it again. */
  private boolean goesOn;
  /** How many streams carried this call before this one: more than none after its node was lost. */
  private final int attachment;
  private RelayResume resume;
  private String endReason = "";
  private static final long PARTIAL_EVERY_MS = 300;
  private String lastPartial = "";
  private long lastPartialAt = Long.MIN_VALUE / 2;

  /** Audio waiting for recognition, oldest first; handed to a worker a batch at a time. */
  private final RecognitionQueue waiting;
  private boolean recognising;
  private boolean awaitingSpeech;
  private SpeechRecognizer.Transcriber transcriber;

  private record Pending(long seq, String spoken, Promise<DeliveryOutcome> done) {}

  private RelayCallSession(HandOver h, Intake intake, TtyCalls calls, RelaySettings settings, Future<RelaySpeech> speech) {
    this.socket = h.socket();
    this.context = h.context();
    this.recorder = new CallRecorder(context);
    this.intake = intake;
    this.calls = calls;
    this.settings = settings;
    this.speech = speech;
    this.line = new RelayLine(settings);
    this.waiting = new RecognitionQueue(settings.backlog().toSeconds() * SAMPLE_RATE);
    this.callSid = h.callSid();
    this.streamSid = h.streamSid();
    this.caller = new Contact(Channel.RELAY, h.callerAddress());
    this.samples = h.samples();
    this.attachment = h.attachment();
    this.resume = RelayResume.of(h.resume(), h.conversation().isPresent());
    this.part = CallPart.of(h.resume());
  }

  static void start(HandOver h, Intake intake, TtyCalls calls, RelaySettings settings, Future<RelaySpeech> speech) {
    RelayCallSession call = new RelayCallSession(h, intake, calls, settings, speech);
    h.socket().textMessageHandler(call::onMessage);
    h.socket().closeHandler(v -> call.streamClosed());
    h.socket().exceptionHandler(e -> LOG.warn("relay media stream error: " + e.getMessage()));
    call.begin(h);
  }

  private void begin(HandOver h) {
    if (h.conversation().isPresent()) {
      // Handed over by the TTY side: its follow-ups are counted on.
      if (part instanceof CallPart.Keyed keyed) followUps = keyed.followUps();
      conversation = h.conversation().get();
      conversation.onSuccess(id -> {
        calls.started(id, this);
        carrying();
      });
    } else if (attachment > 0 && part instanceof CallPart.Placed placed) {
      conversation = Future.succeededFuture(placed.conversation());
      calls.started(placed.conversation(), this);
      carrying();
    } else {
      // Only a stream taking over a lost one goes on in a later part; a new call starts at its first.
      CallPart.Keyed in = attachment > 0 && part instanceof CallPart.Keyed keyed ? keyed : (CallPart.Keyed) CallPart.FIRST;
      followUps = in.followUps();
      conversation = open(in);
      conversation.onFailure(e -> {
        LOG.error("could not open a conversation for relay call " + callSid + ": " + e.getMessage());
        socket.close((short) 1011, "the call could not be recorded");
      });
    }
    h.why().ifPresent(why -> record("the switch to relay", id -> intake.note(id, why, key("switched"))));
    if (h.unheard().length > 0) {
      voice.frame(h.unheard(), h.unheard().length);
      flow(waiting.always(h.unheard()));
    }
    act(attachment > 0 ? line.reconnected(now(), resume.assistant()) : h.conversation().isPresent() ? line.joined(now()) : line.answered(now()));
  }

  private Future<ConversationId> open(CallPart.Keyed in) {
    part = in;
    return recorder.retried(() -> intake.openCall(caller, key(in.key()))).map(Posted::conversation).onSuccess(id -> {
      if (ended) {
        calls.ended(this);
      } else {
        calls.started(id, this);
        carrying();
      }
    });
  }

  /** Tells the cluster this node carries the call, and what a new stream would need to take it up in relay mode. */
  private void carrying() {
    if (ended || !conversation.succeeded()) return;
    String from = caller.address().startsWith("withheld:") ? "" : caller.address();
    Map<String, String> goesOnWith = new java.util.HashMap<>(resume.parameters());
    goesOnWith.putAll(part.parameters());
    calls.watch().carrying(callSid, conversation.result(), from, LineMode.RELAY, attachment, goesOnWith);
  }

  // ---- Twilio's messages ----

  private void onMessage(String text) {
    StreamFrame frame = frames.parse(text);
    if (frame instanceof StreamFrame.Media media) media(media);
    else if (frame instanceof StreamFrame.Mark mark) mark(mark.name());
    else if (frame instanceof StreamFrame.Dtmf dtmf) dtmf(dtmf);
    else if (frame instanceof StreamFrame.Stop) {
      callOver = true;
      end("The caller hung up.");
    }
    else if (frame instanceof StreamFrame.Malformed malformed) LOG.warn("refused a media stream message on relay call " + callSid + ": " + malformed.reason());
  }

  private void media(StreamFrame.Media media) {
    if (ended || !media.inbound()) return;
    int length = media.length();
    short[] pcm = new short[length];
    byte[] ulaw = media.audio();
    for (int i = 0; i < length; i++) pcm[i] = MuLaw.decode(ulaw[i]);
    samples += length;
    // What the line carries while we speak is our own echo: the recogniser hears silence in its
    // place, which keeps its clock with the call's and lets it close the utterance before.
    if (!line.listening(now())) Arrays.fill(pcm, (short) 0);
    boolean speaking = voice.frame(pcm, length);
    flow(waiting.frame(pcm, speaking));
    act(line.voice(speaking, now()));
  }

  private void mark(String name) {
    act(line.played(name, now()));
    Pending played = replies.remove(name);
    if (played != null) {
      played.done().tryComplete(new DeliveryOutcome.Reported(DeliveryStatus.DELIVERED, key("reply-" + played.seq()),
          "Spoken to the relay assistant as: " + played.spoken()));
    }
    if (name.equals(hangUpAfter)) {
      callOver = true;
      end("The call was ended after " + settings.idleHangup().toMinutes() + " minutes with nothing said either way.");
      socket.close();
    }
  }

  private void dtmf(StreamFrame.Dtmf message) {
    if (!message.digit().matches("[0-9*#A-D]")) return;
    record("a key press", id -> intake.note(id, "The caller pressed the phone key " + message.digit() + ".",
        key("dtmf-" + (message.sequenceNumber().isEmpty() ? String.valueOf(samples) : message.sequenceNumber()))));
  }

  /**
   * The stream closed without Twilio saying the call ended. With calls held on a drop (a cluster),
   * the call waits on hold for a node to connect it again, so nothing says it ended.
   */
  private void streamClosed() {
    if (!callOver && calls.holdOnDrop().isPresent()) goesOn = true;
    end("The call's audio stream closed.");
  }

  private void end(String reason) {
    if (ended) return;
    ended = true;
    endReason = reason;
    calls.releaseStream(callSid);
    String unsent = goesOn ? "The call's line dropped before this reply was spoken; it is being connected again, so send it again then."
        : "The call ended before this reply was spoken.";
    for (Pending p : replies.values()) p.done().tryFail(unsent);
    replies.clear();
    // The end is recorded once the audio still queued has been recognised, after the last words.
    recognise();
  }

  // ---- Recognition, off the event loop ----

  private void flow(RecognitionQueue.Flow flow) {
    line.recognitionPending(waiting.waitingSamples() > 0);
    if (flow == RecognitionQueue.Flow.PAUSE) {
      // Twilio keeps sending into the socket's buffers; nothing is dropped, it waits.
      socket.pause();
      LOG.warn("relay call " + callSid + ": recognition is " + waiting.waitingSamples() / SAMPLE_RATE + " s behind; reading paused until it catches up");
    } else if (flow == RecognitionQueue.Flow.RESUME) {
      socket.resume();
    }
    recognise();
  }

  /** Hands what is waiting to a worker, unless one is already busy with this call's audio. */
  private void recognise() {
    if (recognising || finished) return;
    if (!speech.isComplete()) {
      if (!awaitingSpeech) speech.onComplete(v -> context.runOnContext(x -> recognise()));
      awaitingSpeech = true;
      return;
    }
    if (speech.failed()) {
      waiting.discard();
      if (ended) finish(List.of());
      return;
    }
    RelaySpeech engines = speech.result();
    if (waiting.isEmpty()) {
      if (ended) {
        recognising = true;
        onWorkers(engines, () -> transcriber == null ? List.<SpeechRecognizer.Heard>of() : transcriber.finish())
            .onComplete(ar -> context.runOnContext(v -> finish(ar.succeeded() ? ar.result() : List.of())));
      }
      return;
    }
    if (!ended && !waiting.ready()) return;
    List<short[]> batch = waiting.nextBatch();
    recognising = true;
    onWorkers(engines, () -> {
      if (transcriber == null) transcriber = engines.recognizer().open();
      return RecognitionBatches.recognise(transcriber, batch);
    }).onComplete(ar -> context.runOnContext(v -> {
      recognising = false;
      if (ar.succeeded()) heard(ar.result());
      else LOG.warn("relay call " + callSid + ": recognition failed: " + ar.cause().getMessage());
      flow(waiting.recognised(batch));
    }));
  }

  private void heard(List<SpeechRecognizer.Heard> heard) {
    // A batch may hold many partial results; the agent is shown the latest, after the batch.
    Optional<String> latest = Optional.empty();
    for (SpeechRecognizer.Heard h : heard) {
      if (h instanceof SpeechRecognizer.Heard.Partial p) {
        line.partial(now());
        latest = Optional.of(p.text());
      } else if (h instanceof SpeechRecognizer.Heard.Final f) {
        latest = Optional.empty();
        speaking(Optional.empty());
        act(line.heard(f.text(), f.confidence(), now()));
      }
    }
    latest.ifPresent(text -> speaking(Optional.of(text)));
  }

  /**
   * Shows the agent what the assistant is saying while they say it ("CA speaking: …"), at most
   * every {@link #PARTIAL_EVERY_MS} of the call's audio, and that they stopped once the words are final.
   */
  private void speaking(Optional<String> soFar) {
    long at = now();
    if (soFar.isPresent() && (soFar.get().equals(lastPartial) || at - lastPartialAt < PARTIAL_EVERY_MS)) return;
    if (soFar.isEmpty() && lastPartial.isEmpty()) return;
    lastPartial = soFar.orElse("");
    lastPartialAt = at;
    if (conversation.succeeded()) intake.typing(conversation.result(), Participant.resident(caller), soFar.isPresent(), soFar);
  }

  /** The call is over and every sample has been recognised: the last words, then the engines' memory is freed. */
  private void finish(List<SpeechRecognizer.Heard> last) {
    if (finished) return;
    heard(last);
    act(line.hungUp());
    finished = true;
    if (!goesOn) record("the end of the call", id -> intake.note(id, endReason, key("ended")));
    if (transcriber != null) {
      SpeechRecognizer.Transcriber t = transcriber;
      transcriber = null;
      onWorkers(speech.result(), () -> {
        t.close();
        return null;
      }).onFailure(e -> t.close());
    }
    calls.ended(this);
    calls.watch().released(callSid, goesOn);
  }

  // ---- Agents' replies ----

  @Override
  public Future<DeliveryOutcome> send(OutboundMessage message) {
    Promise<DeliveryOutcome> done = Promise.promise();
    context.runOnContext(v -> {
      if (ended) {
        done.fail("The call ended before this reply was spoken.");
        return;
      }
      String spoken = RelayReply.spoken(message.text());
      String id = "reply-" + message.seq();
      replies.put(id, new Pending(message.seq(), spoken, done));
      act(line.reply(id, spoken, now()));
    });
    return done.future();
  }

  @Override
  public Future<Integer> stopSending() {
    Promise<Integer> stopped = Promise.promise();
    context.runOnContext(v -> {
      List<String> dropped = new ArrayList<>();
      Optional<String> playing = line.stopPlaying();
      playing.ifPresent(id -> {
        socket.writeTextMessage(new JsonObject().put("event", "clear").put("streamSid", streamSid).encode());
        dropped.add(id);
      });
      for (String id : List.copyOf(replies.keySet())) if (line.withdraw(id)) dropped.add(id);
      for (String id : dropped) {
        Pending p = replies.remove(id);
        if (p == null) continue;
        String how = playing.filter(id::equals).isPresent() ? "Stopped by the agent while it was being spoken." : "Withdrawn by the agent before it was spoken.";
        p.done().tryComplete(new DeliveryOutcome.Reported(DeliveryStatus.UNDELIVERED, key("reply-" + p.seq()), how));
      }
      stopped.complete(dropped.size());
    });
    return stopped.future();
  }

  @Override
  public Future<Boolean> callerMidTurn() {
    Promise<Boolean> answer = Promise.promise();
    context.runOnContext(v -> answer.complete(!ended && line.assistantMidTurn()));
    return answer.future();
  }

  @Override
  public Future<Boolean> switchTo(LineMode mode) {
    // Back to Baudot is not offered: a relay call that turns out to be a TTY is best called back on the TTY line.
    return Future.succeededFuture(false);
  }

  // ---- What the line decided ----

  private void act(List<RelayAction> actions) {
    for (RelayAction action : actions) {
      if (action instanceof RelayAction.ResidentSaid said) residentSaid(said);
      else if (action instanceof RelayAction.Speak speak) speak(speak);
      else if (action instanceof RelayAction.Annotation a) {
        record("an annotation", id -> intake.annotation(id, a.text(), key("annotation-" + a.n())));
      } else if (action instanceof RelayAction.AssistantIdentified who) {
        resume = resume.identified(who.who());
        carrying();
        record("the relay assistant", id -> intake.relayAssistant(id, who.who().service(), who.who().number(), who.who().heard(),
            key("assistant-" + who.n())));
      }
    }
  }

  private void residentSaid(RelayAction.ResidentSaid said) {
    String turnKey = key("turn-" + said.turn());
    Transcription transcription = new Transcription(ENGINE, said.confidence());
    record("the resident's words", id -> intake.relayedMessage(id, said.text(), transcription, turnKey).recover(e -> {
      if (!(e instanceof RefusedException r) || r.refusal() != Refusal.RESOLVED) return Future.failedFuture(e);
      conversation = open(new CallPart.Keyed(++followUps));
      return conversation.compose(next -> intake.relayedMessage(next, said.text(), transcription, turnKey));
    }));
    if (said.end() == TurnEnd.STOP_KEYING || said.end() == TurnEnd.HANGING_UP) {
      record("a sign-off", id -> intake.note(id, "The relay assistant said \"stop keying\": the resident is finishing. "
          + "Say goodbye, then close the conversation; the relay service ends the call.", key("sk-" + said.turn())));
    }
  }

  private void speak(RelayAction.Speak speak) {
    if (!replies.containsKey(speak.id())) {
      record("an automatic message", id -> intake.automatedMessage(id, speak.text(), key(speak.id())));
    }
    if (speak.thenHangUp()) hangUpAfter = speak.id();
    speech.compose(engines -> onWorkers(engines, () -> MuLaw.encode(engines.voice().speak(speak.text()))))
        .onComplete(ar -> context.runOnContext(v -> {
          if (ended) return;
          if (ar.failed()) {
            LOG.warn("relay call " + callSid + ": could not speak: " + ar.cause().getMessage());
            Pending p = replies.remove(speak.id());
            if (p != null) p.done().tryFail("The reply could not be spoken: " + ar.cause().getMessage());
            act(line.played(speak.id(), now()));
            return;
          }
          transmit(speak.id(), ar.result());
        }));
  }

  private void transmit(String id, byte[] ulaw) {
    line.started(id, ulaw.length * 1000L / SAMPLE_RATE, now());
    String before = "{\"event\":\"media\",\"streamSid\":" + Json.encode(streamSid) + ",\"media\":{\"payload\":\"";
    Base64.Encoder base64 = Base64.getEncoder();
    byte[] frame = new byte[SAMPLES_PER_FRAME];
    for (int from = 0; from < ulaw.length; from += SAMPLES_PER_FRAME) {
      int length = Math.min(SAMPLES_PER_FRAME, ulaw.length - from);
      System.arraycopy(ulaw, from, frame, 0, length);
      Arrays.fill(frame, length, SAMPLES_PER_FRAME, MuLaw.SILENCE);
      socket.writeTextMessage(before + base64.encodeToString(frame) + "\"}}");
    }
    socket.writeTextMessage(new JsonObject().put("event", "mark").put("streamSid", streamSid).put("mark", new JsonObject().put("name", id)).encode());
  }

  /** Runs on the speech workers; once the gateway is stopping they take nothing more, and that is a failed future, not a throw. */
  private static <T> Future<T> onWorkers(RelaySpeech engines, java.util.concurrent.Callable<T> work) {
    try {
      return engines.workers().executeBlocking(work, false);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return Future.failedFuture("the speech workers have stopped");
    }
  }

  // ---- Recording ----

  /** Records in call order, retrying a failed write: the key makes a retry land once. */
  private void record(String what, Function<ConversationId, Future<?>> write) {
    recorder.record(conversation, write, e -> LOG.warn("could not record " + what + " for relay call " + callSid + ": " + e.getMessage()));
  }

  /** The call's conversation is found again by the same key on every stream; what each stream records is its own. */
  private String key(String what) {
    if (attachment == 0 || what.startsWith("call")) return "relay:" + callSid + ":" + what;
    return "relay:" + callSid + ":stream-" + attachment + ":" + what;
  }

  /** The call's audio clock, in milliseconds: what Twilio has sent so far. */
  private long now() {
    return samples * 1000 / SAMPLE_RATE;
  }
}
