/** The agent console's authenticated WebSocket. */
package org.accessline.web.console;
