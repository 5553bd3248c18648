/** What every Twilio channel shares: the account, signed webhooks, and form bodies. */
package org.accessline.channels.twilio;
