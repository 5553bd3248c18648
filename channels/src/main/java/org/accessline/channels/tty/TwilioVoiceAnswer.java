package org.accessline.channels.tty;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Connect;
import com.twilio.twiml.voice.Parameter;
import com.twilio.twiml.voice.Stream;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.accessline.channels.twilio.TwilioAccount;
import org.accessline.channels.twilio.TwilioReplies;
import org.accessline.channels.twilio.TwilioSignatures;

/**
 * Answers a call to the center's TTY number: TwiML that connects the call's audio, both ways, to
 * our media stream. The caller's number and the call's id travel to the stream as parameters,
 * because Twilio's stream messages do not carry them.
 */
public final class TwilioVoiceAnswer {
  public static final String STREAM_PATH = "/channels/tty/twilio/stream";
  static final String FROM = "from";
  static final String CALL_SID = "callSid";

  private final TwilioAccount account;

  public TwilioVoiceAnswer(TwilioAccount account) {
    this.account = account;
  }

  public void handle(RoutingContext ctx) {
    Map<String, String> fields = TwilioSignatures.fields(ctx);
    String callSid = fields.getOrDefault("CallSid", "");
    if (!callSid.matches("CA[0-9a-fA-F]{32}")) {
      TwilioReplies.problem(ctx, 400, "CallSid is missing or malformed.");
      return;
    }
    String from = fields.getOrDefault("From", "").strip();
    Stream stream = new Stream.Builder().url(account.socketUrl(STREAM_PATH))
        .parameter(new Parameter.Builder().name(FROM).value(from).build())
        .parameter(new Parameter.Builder().name(CALL_SID).value(callSid).build())
        .build();
    TwilioReplies.twiml(ctx, new VoiceResponse.Builder().connect(new Connect.Builder().stream(stream).build()).build().toXml());
  }
}
