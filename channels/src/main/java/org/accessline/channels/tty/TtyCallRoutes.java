package org.accessline.channels.tty;

import io.vertx.ext.web.Router;
import org.accessline.channels.twilio.FormBody;
import org.accessline.channels.twilio.TwilioSignatures;
import org.accessline.channels.twilio.WebhookGate;
import org.accessline.gateway.channel.Intake;

/**
 * Mounts a TTY call's two Twilio routes: the voice webhook that answers the call, and the media
 * stream its audio then arrives on. Both are signed by Twilio; the webhook also waits at the gate.
 */
public final class TtyCallRoutes {
  /** Where the center's TTY number's voice webhook points. */
  public static final String VOICE_PATH = "/channels/tty/twilio/voice";

  private TtyCallRoutes() {}

  public static void mount(Router router, TwilioSignatures signed, WebhookGate gate, Intake intake, TtyCalls calls, TtyCallSettings settings) {
    TwilioVoiceAnswer voice = new TwilioVoiceAnswer(signed.account(), calls);
    router.post(VOICE_PATH).handler(gate.newContacts()).handler(FormBody.collect()).handler(signed.signedForm()).handler(voice::handle);
    router.get(TwilioVoiceAnswer.STREAM_PATH).handler(signed.signedUpgrade()).handler(ctx -> ctx.request().toWebSocket()
        .onSuccess(ws -> TtyCallSession.accept(ws, intake, calls, settings)));
  }
}
