package org.accessline.channels.tty;

/** Why a run of the caller's text became one message. */
public enum TurnEnd {
  /** The caller typed GA: the agent's turn. */
  GO_AHEAD,
  /** GA OR SK: the caller asks whether there is anything else. */
  GO_AHEAD_OR_STOP,
  /** SK: the caller is finishing. */
  STOP_KEYING,
  /** SKSK: the caller is hanging up. */
  HANGING_UP,
  /** The caller pressed return. */
  LINE_END,
  /** The caller stopped typing for a while without ending the turn. */
  PAUSE,
  /** The call ended with text still unsent to the agent. */
  CALL_ENDED
}
