/** The console's TTY API: a reply's preview as the caller's TTY prints it, and stopping a reply being sent. */
package org.accessline.web.tty;
