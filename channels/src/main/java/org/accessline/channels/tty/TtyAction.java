package org.accessline.channels.tty;

/** What a {@link TtyLine} asks the call's owner to do. */
public sealed interface TtyAction {

  /** The caller finished a message; {@code turn} counts from 1 within the call. */
  record CallerSaid(int turn, String text, TurnEnd end) implements TtyAction {}

  /** Start playing {@code ttyText} and tell the line by {@code id} when it has played; then end the call if asked. */
  record Transmit(String id, String ttyText, boolean thenHangUp) implements TtyAction {}
}
