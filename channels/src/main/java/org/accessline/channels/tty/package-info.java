/**
 * TTY (TDD) on a phone line: a Baudot FSK modem in pure Java (no Vert.x types), the US TTY
 * character table, and the text mapping for what a TTY cannot print.
 */
package org.accessline.channels.tty;
