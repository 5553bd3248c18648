/** SMS and MMS through Twilio: signed webhooks in, SDK sends out, delivery callbacks, opt-out keywords. */
package org.accessline.channels.sms;
