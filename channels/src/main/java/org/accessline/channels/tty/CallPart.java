package org.accessline.channels.tty;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accessline.gateway.conversation.ConversationId;

/**
 * Which of a call's conversations its stream records into, so a stream that takes over a lost one
 * goes on in the same conversation: the call's first ({@code call}), a follow-up opened after an
 * agent resolved the one before ({@code call-N}), or, for a call we placed, the follow-up's
 * conversation it was placed for. It travels with the other {@code resume.*} stream parameters.
 */
public sealed interface CallPart {
  String PARAMETER = "part";
  int MOST_FOLLOW_UPS = 9_999;

  /** The conversation found again by the key {@code call} (none after) or {@code call-N} on the call's id. */
  record Keyed(int followUps) implements CallPart {
    public Keyed {
      if (followUps < 0 || followUps > MOST_FOLLOW_UPS) throw new IllegalArgumentException("a call has 0-" + MOST_FOLLOW_UPS + " follow-ups");
    }

    public String key() {
      return followUps == 0 ? "call" : "call-" + followUps;
    }

    @Override
    public String wire() {
      return key();
    }
  }

  /** A call we placed, for a conversation opened before the call was. */
  record Placed(ConversationId conversation) implements CallPart {
    @Override
    public String wire() {
      return "placed:" + conversation.value();
    }
  }

  CallPart FIRST = new Keyed(0);

  Pattern WIRE = Pattern.compile("call(?:-([1-9][0-9]{0,3}))?|placed:([0-9a-f-]{36})");

  String wire();

  default Map<String, String> parameters() {
    return Map.of(PARAMETER, wire());
  }

  /** The part named in a stream's resume parameters; the first conversation when none (or nothing we wrote) is named. */
  static CallPart of(Map<String, String> resume) {
    String wire = resume.get(PARAMETER);
    Matcher m = wire == null ? null : WIRE.matcher(wire);
    if (m == null || !m.matches()) return FIRST;
    if (m.group(2) != null) {
      return ConversationId.parse(m.group(2)).<CallPart>map(Placed::new).orElse(FIRST);
    }
    return m.group(1) == null ? FIRST : new Keyed(Integer.parseInt(m.group(1)));
  }
}
