package org.accessline.web;

import org.accessline.channels.sms.SmsIntakeLimit;
import org.accessline.channels.twilio.WebhookGate;

/** What every event loop's Twilio routes share: whether webhooks are let in, and each number's texting rate. */
record TwilioIntake(WebhookGate gate, SmsIntakeLimit smsLimit) {}
