package org.accessline.channels.relay;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.accessline.channels.tty.LineMode;

/**
 * What a relay call's next stream needs to take the call up where a lost one left it: how the
 * call's conversation was opened (as a TTY call an agent switched to relay, or as a relay call) and
 * the assistant identified so far. It travels as the stream's {@code resume.*} parameters.
 */
record RelayResume(LineMode openedAs, Optional<RelayAssistantId.Identity> assistant) {
  private static final String OPENED = "opened";
  private static final String CA_SERVICE = "caService";
  private static final String CA_NUMBER = "caNumber";
  private static final String CA_HEARD = "caHeard";

  /** Read back from a stream's parameters; a conversation handed over with the stream was a TTY call's. */
  static RelayResume of(Map<String, String> resume, boolean conversationHandedOver) {
    LineMode opened = conversationHandedOver || LineMode.TTY.wireName().equals(resume.get(OPENED)) ? LineMode.TTY : LineMode.RELAY;
    return new RelayResume(opened, Optional.ofNullable(resume.get(CA_SERVICE))
        .map(service -> new RelayAssistantId.Identity(service, Optional.ofNullable(resume.get(CA_NUMBER)), resume.getOrDefault(CA_HEARD, ""))));
  }

  RelayResume identified(RelayAssistantId.Identity who) {
    return new RelayResume(openedAs, Optional.of(who));
  }

  Map<String, String> parameters() {
    Map<String, String> out = new HashMap<>();
    out.put(OPENED, openedAs.wireName());
    assistant.ifPresent(who -> {
      out.put(CA_SERVICE, who.service());
      who.number().ifPresent(n -> out.put(CA_NUMBER, n));
      out.put(CA_HEARD, who.heard());
    });
    return out;
  }
}
