package org.accessline.gateway.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.accessline.gateway.conversation.Channel;
import org.junit.jupiter.api.Test;

class SlowChannelsTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void aTtyCallerTypingNowOrMidTurnIsNotCutOff() {
    assertTrue(SlowChannels.warnBeforeClosing(Channel.TTY, Optional.of("OK GA"), Optional.of(NOW), Optional.of(true), NOW).isPresent());
    assertTrue(SlowChannels.warnBeforeClosing(Channel.TTY, Optional.of("MY ADDRESS IS"), Optional.of(NOW.minusSeconds(30)), Optional.of(false), NOW).isPresent());
  }

  @Test
  void aFinishedTurnAnEndedCallOrTenQuietMinutesNeedNoWarning() {
    assertEquals(Optional.empty(), SlowChannels.warnBeforeClosing(Channel.TTY, Optional.of("THX BYE SK"), Optional.of(NOW), Optional.of(false), NOW));
    assertEquals(Optional.empty(), SlowChannels.warnBeforeClosing(Channel.TTY, Optional.of("ANYTHING ELSE GA OR SK."), Optional.of(NOW), Optional.of(false), NOW));
    assertEquals(Optional.empty(), SlowChannels.warnBeforeClosing(Channel.TTY, Optional.of("MY ADDRESS IS"), Optional.of(NOW), Optional.empty(), NOW),
        "the call has ended: nobody is typing");
    assertEquals(Optional.empty(), SlowChannels.warnBeforeClosing(Channel.RELAY, Optional.of("SO THE ISSUE IS"), Optional.of(NOW.minusSeconds(600)), Optional.empty(), NOW));
    assertTrue(SlowChannels.warnBeforeClosing(Channel.RELAY, Optional.of("SO THE ISSUE IS"), Optional.of(NOW.minusSeconds(599)), Optional.empty(), NOW).isPresent());
  }

  @Test
  void textAndChatAreNotSlowChannels() {
    assertEquals(Optional.empty(), SlowChannels.warnBeforeClosing(Channel.SMS, Optional.of("and also"), Optional.of(NOW), Optional.empty(), NOW));
    assertEquals(Optional.empty(), SlowChannels.warnBeforeClosing(Channel.WEBCHAT, Optional.of("and also"), Optional.of(NOW), Optional.empty(), NOW));
  }
}
