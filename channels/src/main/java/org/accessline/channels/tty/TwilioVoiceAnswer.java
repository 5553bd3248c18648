package org.accessline.channels.tty;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Connect;
import com.twilio.twiml.voice.Parameter;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Reject;
import com.twilio.twiml.voice.Stream;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.accessline.channels.twilio.TwilioAccount;
import org.accessline.channels.twilio.TwilioReplies;
import org.accessline.channels.twilio.TwilioSignatures;

/**
 * Answers a call to the center's TTY number: TwiML that connects the call's audio, both ways, to
 * our media stream. The number called decides how the call starts (a relay-only number starts as
 * relay, the shared number listens for tones or speech), passed to the stream as {@code mode}. The caller's number, the call's id and a single-use stream token travel to the
 * stream as parameters, because Twilio's stream messages do not carry them and the stream's own
 * signature does not name the call. A number over its call allowance is rejected as busy, and a
 * request for a call whose stream is already open is a replay and refused.
 */
public final class TwilioVoiceAnswer {
  public static final String STREAM_PATH = "/channels/tty/twilio/stream";
  static final String FROM = "from";
  static final String CALL_SID = "callSid";
  static final String STREAM_TOKEN = "streamToken";
  static final String MODE = "mode";
  static final String ATTACHMENT = "attachment";
  /** Prefix of the parameters a new stream resumes the call with. */
  static final String RESUME = "resume.";

  private final TwilioAccount account;
  private final TtyCalls calls;

  public TwilioVoiceAnswer(TwilioAccount account, TtyCalls calls) {
    this.account = account;
    this.calls = calls;
  }

  public void handle(RoutingContext ctx) {
    Map<String, String> fields = TwilioSignatures.fields(ctx);
    String callSid = fields.getOrDefault("CallSid", "");
    if (!callSid.matches("CA[0-9a-fA-F]{32}")) {
      TwilioReplies.problem(ctx, 400, "CallSid is missing or malformed.");
      return;
    }
    String from = fields.getOrDefault("From", "").strip();
    TtyCalls.Admission admission = calls.admit(callSid, from);
    if (admission instanceof TtyCalls.Admission.AlreadyAnswered) {
      TwilioReplies.problem(ctx, 409, "This call is already connected.");
    } else if (admission instanceof TtyCalls.Admission.TooManyCalls) {
      // Busy tells the caller's TTY the line is taken; nothing is opened or recorded.
      TwilioReplies.twiml(ctx, new VoiceResponse.Builder().reject(new Reject.Builder().reason(Reject.Reason.BUSY).build()).build().toXml());
    } else if (admission instanceof TtyCalls.Admission.Connect connect) {
      LineMode mode = calls.modeFor(fields.getOrDefault("To", "").strip());
      TwilioReplies.twiml(ctx, connectTwiml(account, from, callSid, connect.streamToken(), mode, 0, calls.holdOnDrop()));
    }
  }

  /**
   * Connects the call to a stream of ours. With {@code hold}, a pause follows: when the stream drops
   * without the caller hanging up (the node carrying it lost), the call stays up, silent, that long,
   * for another node to connect it to a new stream (its {@code attachment}-th) through Twilio's Calls API.
   */
  public static String connectTwiml(TwilioAccount account, String from, String callSid, String streamToken, LineMode mode, int attachment,
      Optional<Duration> hold) {
    return connectTwiml(account, from, callSid, streamToken, mode, attachment, hold, Map.of());
  }

  /** As above, the call resumed on the new stream with {@code resume} (see {@link TtyCalls.Watch#carrying}). */
  public static String connectTwiml(TwilioAccount account, String from, String callSid, String streamToken, LineMode mode, int attachment,
      Optional<Duration> hold, Map<String, String> resume) {
    Stream.Builder stream = new Stream.Builder().url(account.socketUrl(STREAM_PATH))
        .parameter(new Parameter.Builder().name(FROM).value(from).build());
    // A call we place has no sid yet when its TwiML is written.
    if (callSid != null) stream.parameter(new Parameter.Builder().name(CALL_SID).value(callSid).build());
    stream.parameter(new Parameter.Builder().name(STREAM_TOKEN).value(streamToken).build())
        .parameter(new Parameter.Builder().name(MODE).value(mode.wireName()).build());
    if (attachment > 0) stream.parameter(new Parameter.Builder().name(ATTACHMENT).value(Integer.toString(attachment)).build());
    new java.util.TreeMap<>(resume).forEach((k, v) -> stream.parameter(new Parameter.Builder().name(RESUME + k).value(v).build()));
    VoiceResponse.Builder response = new VoiceResponse.Builder().connect(new Connect.Builder().stream(stream.build()).build());
    hold.ifPresent(h -> response.pause(new Pause.Builder().length((int) Math.max(1, h.toSeconds())).build()));
    return response.build().toXml();
  }
}
