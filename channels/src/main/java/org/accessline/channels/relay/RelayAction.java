package org.accessline.channels.relay;

import org.accessline.channels.tty.TurnEnd;

/** What a relay call's line decided: each is carried out by the call's session. */
public sealed interface RelayAction {
  /** Speak {@code text} to the assistant; end the call once it has played, if {@code thenHangUp}. */
  record Speak(String id, String text, boolean thenHangUp) implements RelayAction {}

  /** The resident's turn, as the assistant relayed it, with the recogniser's confidence (word-weighted mean). */
  record ResidentSaid(int turn, String text, double confidence, TurnEnd end) implements RelayAction {}

  /** The assistant described what they hear. */
  record Annotation(int n, String text) implements RelayAction {}

  /** An assistant announced themselves; {@code replacing} when one was already on the call (a shift change). */
  record AssistantIdentified(int n, RelayAssistantId.Identity who, boolean replacing) implements RelayAction {}
}
