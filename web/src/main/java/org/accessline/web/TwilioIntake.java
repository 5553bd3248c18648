package org.accessline.web;

import org.accessline.channels.sms.OptingOut;
import org.accessline.channels.sms.SmsIntakeLimit;
import org.accessline.channels.twilio.WebhookGate;

/**
 * What every event loop's Twilio routes share with each other and the SMS sender: whether webhooks are
 * let in, each number's texting rate, and the numbers opting out at this moment.
 */
record TwilioIntake(WebhookGate gate, SmsIntakeLimit smsLimit, OptingOut optingOut) {}
