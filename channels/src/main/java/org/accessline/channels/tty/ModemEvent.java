package org.accessline.channels.tty;

/** What the demodulator hears. {@code sample} is the position in the stream, counted from its first sample. */
public sealed interface ModemEvent {

  /** A printable character (letters, figures, space, CR, LF, or BELL). */
  record Received(char character, long sample) implements ModemEvent {}

  /** TTY tones began: the caller is typing, so we must not transmit. */
  record CarrierUp(long sample) implements ModemEvent {}

  /** TTY tones stopped. */
  record CarrierDown(long sample) implements ModemEvent {}
}
