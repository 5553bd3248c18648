package org.accessline.channels.webchat;

import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.channel.Intake;
import org.accessline.gateway.channel.Posted;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.conversation.ResidentText;
import org.accessline.gateway.signal.Addresses;
import org.accessline.gateway.channel.RefusedException;
import org.accessline.gateway.signal.StreamSignal;

/**
 * One resident's chat connection. The page says hello (with its token and the last entry it saw, if
 * it has been here before), then sends messages; each is acknowledged only once durable. Entries
 * reach the page in sequence without gaps: the session subscribes first, reads what the store
 * already holds, then releases what arrived live meanwhile.
 */
final class ResidentSession {
  /** A change of typing state reaches the agent at most this often; "still typing" at most every {@link #TYPING_REFRESH_NANOS}. */
  static final long TYPING_GAP_NANOS = 1_000_000_000L;
  static final long TYPING_REFRESH_NANOS = 3_000_000_000L;

  private final Vertx vertx;
  private final Intake intake;
  private final ResidentGuard guard;
  private final int maxMessageBytes;
  private final ServerWebSocket socket;
  private final String address;
  private final TypingThrottle typing = new TypingThrottle(TYPING_GAP_NANOS, TYPING_REFRESH_NANOS);
  private long typingTimer = -1;
  /** The message being received over several frames, and whether it is text; null between messages. */
  private Buffer partial;
  private boolean partialIsText;

  private boolean greeted;
  private Contact contact;
  /** Frames that came after a hello whose conversation is still being looked up: handled, in order, once it is found. */
  private java.util.List<ResidentFrame> early;
  private static final int MOST_EARLY_FRAMES = 32;
  private static final int LOOKUP_TRIES = 4;
  private ConversationId conversation;
  private long sentSeq;
  /** The last place in line this page was told, so the same place is not announced twice. */
  private JsonObject placeSent;
  private MessageConsumer<StreamSignal> following;
  /** Live entries that arrived while the store was being read; null when not catching up. */
  private List<Entry> heldBack;
  private boolean closed;

  ResidentSession(Vertx vertx, Intake intake, ResidentGuard guard, ServerWebSocket socket) {
    this.vertx = vertx;
    this.intake = intake;
    this.guard = guard;
    this.maxMessageBytes = guard.limits().maxMessageBytes();
    this.socket = socket;
    this.address = guard.addressOf(socket);
  }

  void start() {
    // A socket that never says hello holds a connection and tells us nothing; pings would keep it open forever.
    long helloTimer = vertx.setTimer(guard.limits().helloWithin().toMillis(), t -> {
      if (!greeted) close((short) WebSocketCloseStatus.POLICY_VIOLATION.code(), "no hello in time");
    });
    socket.frameHandler(this::onFrame);
    socket.exceptionHandler(this::onFailure);
    socket.closeHandler(v -> {
      closed = true;
      partial = null;
      if (following != null) following.unregister();
      if (typingTimer >= 0) vertx.cancelTimer(typingTimer);
      vertx.cancelTimer(helloTimer);
    });
  }

  /**
   * Gathers a message's frames itself, so its bytes can be checked as UTF-8 (Vert.x would decode
   * them leniently, inventing replacement characters) and its size bounded across frames.
   */
  private void onFrame(WebSocketFrame frame) {
    if (closed || !(frame.isText() || frame.isBinary() || frame.isContinuation())) return;
    if (frame.isContinuation() && partial == null) return;
    if (!frame.isContinuation()) {
      partial = Buffer.buffer();
      partialIsText = frame.isText();
    }
    if (partial.length() + frame.binaryData().length() > ResidentChat.MAX_FRAME_BYTES) {
      tooBig();
      return;
    }
    partial.appendBuffer(frame.binaryData());
    if (!frame.isFinal()) return;
    Buffer message = partial;
    partial = null;
    if (!partialIsText) {
      send(new FrameError("binary_not_supported", "Send frames as JSON text.").toJson());
      return;
    }
    Optional<String> text = ResidentText.decodeUtf8(message.getBytes());
    if (text.isEmpty()) send(new FrameError(ResidentText.Problem.INVALID.code, "Frames must be valid UTF-8 text; this one was not read.").toJson());
    else onText(text.get());
  }

  /** A frame larger than the limit is refused by the decoder below us; either way the socket closes with 1009. */
  private void onFailure(Throwable e) {
    if (e instanceof CorruptedWebSocketFrameException corrupt) {
      if (corrupt.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code()) tooBig();
      else close((short) corrupt.closeStatus().code(), "protocol error");
    }
  }

  private void tooBig() {
    partial = null;
    close((short) WebSocketCloseStatus.MESSAGE_TOO_BIG.code(), "frames are limited to " + ResidentChat.MAX_FRAME_BYTES + " bytes");
  }

  private void close(short code, String reason) {
    if (closed) return;
    closed = true;
    socket.close(code, reason);
  }

  private void onText(String text) {
    ResidentFrames.Parsed parsed = ResidentFrames.parse(text, maxMessageBytes);
    if (parsed.error().isPresent()) {
      send(parsed.error().get().toJson());
      return;
    }
    onFrame(parsed.frame().orElseThrow());
  }

  private void onFrame(ResidentFrame frame) {
    if (frame instanceof ResidentFrame.Hello hello) {
      if (greeted) send(new FrameError("already_greeted", "This connection has already said hello.").toJson());
      else greet(hello);
    } else if (!greeted) {
      send(new FrameError("hello_first", "Send a hello frame first.").toJson());
    } else if (early != null) {
      if (early.size() < MOST_EARLY_FRAMES) early.add(frame);
      else if (frame instanceof ResidentFrame.Message message) {
        send(new FrameError("slow_down", "Your conversation is still being found; this message was not sent. Send it again in a moment.",
            message.clientId()).toJson());
      }
    } else if (frame instanceof ResidentFrame.Message message) {
      post(message);
    } else if (frame instanceof ResidentFrame.Typing signal && conversation != null) {
      if (typing.offer(signal.active(), System.nanoTime())) intake.typing(conversation, Participant.resident(contact), signal.active());
      else typing.due().ifPresent(this::relayHeldTypingAt);
    }
  }

  /** Sends the typing state held back by the throttle once its gap has passed, if it still differs. */
  private void relayHeldTypingAt(long dueNanos) {
    if (typingTimer >= 0) return;
    long delayMs = Math.max(1, (dueNanos - System.nanoTime()) / 1_000_000 + 1);
    typingTimer = vertx.setTimer(delayMs, t -> {
      typingTimer = -1;
      if (closed || conversation == null) return;
      typing.release(System.nanoTime()).ifPresent(active -> intake.typing(conversation, Participant.resident(contact), active));
      typing.due().ifPresent(this::relayHeldTypingAt);
    });
  }

  private void greet(ResidentFrame.Hello hello) {
    greeted = true;
    Optional<String> token = hello.token();
    if (token.isEmpty()) {
      welcomeFresh();
      return;
    }
    if (!ResidentTokens.wellFormed(token.get())) {
      unknownToken();
      return;
    }
    early = new java.util.ArrayList<>();
    lookUp(hello, token.get(), ResidentTokens.contactOf(token.get()), 1);
  }

  /** Finds the token's conversation; a lookup that fails (its node lost mid-takeover, say) is asked again before the page is told. */
  private void lookUp(ResidentFrame.Hello hello, String token, Contact claimed, int attempt) {
    intake.latestConversation(claimed).onComplete(ar -> {
      if (closed) return;
      if (ar.failed() && attempt < LOOKUP_TRIES) {
        vertx.setTimer(500L * attempt, t -> lookUp(hello, token, claimed, attempt + 1));
      } else if (ar.failed()) {
        early = null;
        send(new FrameError("unavailable", "The service cannot reach its records right now. Please try again shortly.").toJson());
        close((short) 1011, "store unavailable");
      } else if (ar.result().isEmpty()) {
        unknownToken();
        handleEarly();
      } else {
        contact = claimed;
        ConversationId id = ar.result().get();
        send(welcome(token, true).put("conversationId", id.value()));
        follow(id, hello.conversation().filter(id::equals).map(x -> hello.lastSeq()).orElse(0L));
        handleEarly();
      }
    });
  }

  private void handleEarly() {
    java.util.List<ResidentFrame> held = early;
    early = null;
    if (held != null) for (ResidentFrame frame : held) onFrame(frame);
  }

  private void unknownToken() {
    send(new FrameError("unknown_token", "That conversation could not be found, so a new one is starting.").toJson());
    welcomeFresh();
  }

  private void welcomeFresh() {
    String token = ResidentTokens.fresh();
    contact = ResidentTokens.contactOf(token);
    send(welcome(token, false));
  }

  private JsonObject welcome(String token, boolean resumed) {
    return new JsonObject().put("type", "welcome").put("token", token).put("resumed", resumed).put("maxMessageBytes", maxMessageBytes);
  }

  private void post(ResidentFrame.Message message) {
    String token = contact.address();
    if (!guard.maySend(token, address)) {
      send(new FrameError("slow_down", "You are sending messages very quickly. This one was not sent; it will be sent again in a moment.",
          message.clientId()).toJson());
      return;
    }
    OpenConversations.Claim claim = guard.claim(address, token);
    if (claim == OpenConversations.Claim.FULL) {
      send(new FrameError("too_many_conversations", "Too many conversations are open from your network right now, so this message was not sent. "
          + "Please try again later, or call us.", message.clientId()).toJson());
      return;
    }
    // Scoped to this resident, so nobody else's client id can collide with theirs.
    String key = "webchat:" + token + ":" + message.clientId();
    intake.residentMessage(contact, message.text(), key).onComplete(ar -> {
      if (ar.failed()) {
        if (claim == OpenConversations.Claim.NEW) guard.notStored(address, token);
        send(ar.cause() instanceof RefusedException refused
            ? new FrameError(refused.refusal().code, refused.refusal().message, message.clientId()).toJson()
            : new FrameError("not_saved", "Your message was not saved. Please send it again.", message.clientId()).toJson());
        return;
      }
      Posted posted = ar.result();
      guard.stored(address, token, posted);
      if (!posted.conversation().equals(conversation)) follow(posted.conversation(), 0);
      send(new JsonObject().put("type", "ack").put("clientId", message.clientId()).put("conversationId", posted.conversation().value())
          .put("seq", posted.seq()).put("duplicate", posted.duplicate()));
    });
  }

  /** Starts following a conversation from just after {@code afterSeq}. */
  private void follow(ConversationId id, long afterSeq) {
    if (following != null) following.unregister();
    if (conversation != null && !conversation.equals(id)) send(new JsonObject().put("type", "conversation").put("conversationId", id.value()));
    conversation = id;
    sentSeq = afterSeq;
    placeSent = null;
    heldBack = new ArrayList<>();
    MessageConsumer<StreamSignal> consumer = Addresses.CONVERSATION.subscribe(vertx.eventBus(), id, signal -> onBus(id, signal));
    following = consumer;
    consumer.completion()
        .compose(v -> intake.entries(id, afterSeq))
        .onComplete(ar -> {
          if (following != consumer) return;
          if (ar.failed()) {
            send(new FrameError("unavailable", "The service cannot reach its records right now. Please reconnect shortly.").toJson());
            socket.close((short) 1011, "store unavailable");
            return;
          }
          List<Entry> live = heldBack;
          heldBack = null;
          ar.result().forEach(this::sendEntry);
          // A page showing the conversation afresh (a reload) keeps the replay quiet until here, so a
          // screen reader does not read the whole history again as if it were new.
          send(new JsonObject().put("type", "caught-up").put("lastSeq", sentSeq));
          // A place given before this page started following is asked for; later changes arrive on the bus.
          intake.placeInLine(id).onSuccess(place -> place.filter(p -> following == consumer).ifPresent(p -> onBus(id, p)));
          live.forEach(this::sendEntry);
        });
  }

  private void onBus(ConversationId id, StreamSignal signal) {
    if (!id.equals(conversation)) return;
    if (signal instanceof StreamSignal.EntryAdded added) {
      if (heldBack != null) heldBack.add(added.entry());
      else sendEntry(added.entry());
    } else if (signal instanceof StreamSignal.Typing typing && typing.who().isStaff()) {
      send(new JsonObject().put("type", "typing").put("active", typing.active()).put("name", typing.who().displayName()));
    } else if (signal instanceof StreamSignal.QueuePosition place) {
      JsonObject frame = new JsonObject().put("type", "position").put("position", place.position());
      place.expectedWait().ifPresent(w -> frame.put("waitSeconds", w.toSeconds()));
      // The place asked for on following, and the floor's publishes (coalesced, or after an offer
      // lapsed), can say the same again; a screen reader would announce it again.
      if (frame.equals(placeSent)) return;
      placeSent = frame;
      send(frame);
    }
  }

  private void sendEntry(Entry entry) {
    if (!entry.conversationId().equals(conversation) || entry.seq() <= sentSeq) return;
    sentSeq = entry.seq();
    // Leaving the line ends its places: after a hand-back the resident is told their place afresh, even the same one.
    if (entry.event() instanceof ConversationEvent.Assigned) placeSent = null;
    send(ResidentView.of(entry));
  }

  private void send(JsonObject frame) {
    if (!closed) socket.writeTextMessage(frame.encode());
  }
}
