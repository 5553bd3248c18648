package org.accessline.channels.twilio;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.Twiml;
import java.util.Optional;

/**
 * Changes what a call in progress does, through Twilio's Calls API ({@code POST .../Calls/{CallSid}.json}
 * with {@code Twiml}), one request per call: the caller retries, as with messages. Blocking: run it
 * off the event loop.
 */
public final class TwilioCallUpdates {
  /** Twilio's error for a call that is no longer in progress: it cannot be redirected. */
  public static final int NOT_IN_PROGRESS = 21220;

  private TwilioCallUpdates() {}

  /** The call now follows {@code twiml}; a failure comes out as a {@link TwilioCallFailure.Raised}. */
  public static void redirect(TwilioRestClient client, String callSid, String twiml) {
    try {
      Call.updater(client.getAccountSid(), callSid).setTwiml(new Twiml(twiml)).update(client);
    } catch (RuntimeException e) {
      throw e instanceof TwilioCallFailure.Raised raised ? raised : new TwilioCallFailure.Raised(TwilioCallFailure.of(e));
    }
  }

  /**
   * Places a call ({@code POST .../Calls.json}) that follows {@code twiml} once answered, with no
   * answering-machine detection (it misreads TTY tones); Twilio reports its progress to
   * {@code statusCallback}. Returns the new call's sid; a failure comes out as a {@link TwilioCallFailure.Raised}.
   */
  public static String place(TwilioRestClient client, String to, String from, String twiml, String statusCallback, java.util.List<String> events) {
    try {
      return Call.creator(client.getAccountSid(), new com.twilio.type.PhoneNumber(to), new com.twilio.type.PhoneNumber(from), new Twiml(twiml))
          .setStatusCallback(java.net.URI.create(statusCallback)).setStatusCallbackMethod(com.twilio.http.HttpMethod.POST)
          .setStatusCallbackEvent(events).create(client).getSid();
    } catch (RuntimeException e) {
      throw e instanceof TwilioCallFailure.Raised raised ? raised : new TwilioCallFailure.Raised(TwilioCallFailure.of(e));
    }
  }

  /** Whether Twilio said the call is over: not found, or not in progress. */
  public static boolean callIsOver(TwilioCallFailure failure) {
    return failure instanceof TwilioCallFailure.Refused refused
        && (refused.status() == 404 || refused.code().equals(Optional.of(NOT_IN_PROGRESS)));
  }
}
