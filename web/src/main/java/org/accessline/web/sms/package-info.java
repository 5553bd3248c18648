/** The console's SMS API: a reply's preview in texts. */
package org.accessline.web.sms;
