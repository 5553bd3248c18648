package org.accessline.channels.sms;

import java.time.Duration;

/**
 * How the SMS channel paces itself.
 *
 * @param answerTimeout how long a reply's request waits for Twilio's answer before it is recorded
 *     {@code unknown} (it may have been taken, so it is not sent again)
 * @param burstPerNumber texts one number may send at once before the steady rate applies
 * @param perMinutePerNumber the steady rate, texts a minute, for one number
 */
public record SmsSettings(Duration answerTimeout, int burstPerNumber, int perMinutePerNumber) {
  public SmsSettings {
    if (answerTimeout == null || answerTimeout.toMillis() < 100 || answerTimeout.toMillis() > 120_000) {
      throw new IllegalArgumentException("sms.answerTimeoutMillis must be 100-120000");
    }
    if (burstPerNumber < 1 || burstPerNumber > 100_000) throw new IllegalArgumentException("sms.burstPerNumber must be 1-100000");
    if (perMinutePerNumber < 1 || perMinutePerNumber > 1_000_000) throw new IllegalArgumentException("sms.perMinutePerNumber must be 1-1000000");
  }

  public static SmsSettings defaults() {
    return new SmsSettings(Duration.ofSeconds(15), 10, 20);
  }
}
