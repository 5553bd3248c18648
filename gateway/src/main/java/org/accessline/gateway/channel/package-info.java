/** The channel SPI that every adapter (web chat, SMS, TTY, relay) implements. */
package org.accessline.gateway.channel;
