package org.accessline.channels.tty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TtyLineTest {
  private static final TtyCallSettings SETTINGS = TtyCallSettings.defaults("Fairview 311");
  private final TtyLine line = new TtyLine(SETTINGS, ModemSettings.US_TTY);
  private final List<TtyAction> actions = new ArrayList<>();
  private long now;

  /** Types {@code text} as a TTY would: carrier up, one character every 165 ms, carrier down. */
  private void callerTypes(String text) {
    actions.addAll(line.heard(new ModemEvent.CarrierUp(0), now));
    for (char c : text.toCharArray()) {
      now += 165;
      actions.addAll(line.heard(new ModemEvent.Received(c, 0), now));
    }
    now += 60;
    actions.addAll(line.heard(new ModemEvent.CarrierDown(0), now));
  }

  /** Lets audio time pass in 20 ms media frames. */
  private void quietFor(long ms) {
    for (long end = now + ms; now < end; ) {
      now += 20;
      actions.addAll(line.tick(now));
    }
  }

  private List<TtyAction.CallerSaid> said() {
    return actions.stream().filter(TtyAction.CallerSaid.class::isInstance).map(TtyAction.CallerSaid.class::cast).toList();
  }

  private List<TtyAction.Transmit> transmitted() {
    return actions.stream().filter(TtyAction.Transmit.class::isInstance).map(TtyAction.Transmit.class::cast).toList();
  }

  @Test
  void aSilentCallerIsGreetedAfterTheDelayAndTheGreetingEndsInGa() {
    actions.addAll(line.answered(now));
    quietFor(SETTINGS.greetingDelay().toMillis() - 40);
    assertEquals(List.of(), transmitted());
    quietFor(40);
    assertEquals(1, transmitted().size());
    assertTrue(transmitted().get(0).ttyText().endsWith(" GA"), transmitted().get(0).ttyText());
    assertTrue(transmitted().get(0).ttyText().startsWith("FAIRVIEW 311"));
  }

  @Test
  void aCallerWhoTypesFirstIsNotTalkedOverTheGreetingWaitsForTheirTurnToEnd() {
    actions.addAll(line.answered(now));
    callerTypes("HELLO IS THIS 311 Q GA");
    assertEquals(List.of(), transmitted(), "nothing is sent while the caller types");
    quietFor(SETTINGS.turnEnd().toMillis() + 20);
    assertEquals(List.of(new TtyAction.CallerSaid(1, "HELLO IS THIS 311 Q GA", TurnEnd.GO_AHEAD)), said());
    assertEquals(1, transmitted().size(), "the greeting follows the caller's turn");
  }

  @Test
  void aReplyWaitsUntilTheCarrierHasBeenGoneForTheGuardTime() {
    greetAndFinishPlaying();
    actions.addAll(line.heard(new ModemEvent.CarrierUp(0), now));
    actions.addAll(line.reply("7", "OK GA", now));
    quietFor(3_000);
    assertEquals(1, transmitted().size(), "the carrier is still up: nothing new goes out");
    actions.addAll(line.heard(new ModemEvent.CarrierDown(0), now));
    quietFor(SETTINGS.guard().toMillis() - 20);
    assertEquals(1, transmitted().size());
    quietFor(40);
    assertEquals(new TtyAction.Transmit("7", "OK GA", false), transmitted().get(1));
  }

  @Test
  void aReplyWaitsForTheCallersUnfinishedTurnThenGoesAfterThePause() {
    greetAndFinishPlaying();
    callerTypes("MY TRASH WAS NOT PICKED UP");
    actions.addAll(line.reply("7", "SORRY TO HEAR GA", now));
    quietFor(SETTINGS.pause().toMillis() - 100);
    assertEquals(1, transmitted().size(), "the caller may still be thinking");
    quietFor(200);
    assertEquals(List.of(new TtyAction.CallerSaid(1, "MY TRASH WAS NOT PICKED UP", TurnEnd.PAUSE)), said());
    quietFor(SETTINGS.guard().toMillis());
    assertEquals("SORRY TO HEAR GA", transmitted().get(1).ttyText());
  }

  @Test
  void ourOwnEchoIsNotHeardWhilePlayingNorJustAfter() {
    actions.addAll(line.answered(now));
    quietFor(SETTINGS.greetingDelay().toMillis());
    assertFalse(line.listening(now));
    quietFor(4_000);
    actions.addAll(line.played(TtyLine.GREETING_ID, now));
    assertFalse(line.listening(now + SETTINGS.echoGuard().toMillis() - 1));
    assertTrue(line.listening(now + SETTINGS.echoGuard().toMillis()));
  }

  @Test
  void gaOnItsOwnDoesNotEndTheTurnWhileTheCallerGoesOnTyping() {
    greetAndFinishPlaying();
    callerTypes("THANKS GA");
    quietFor(400);
    callerTypes("S LEAK ON ELM ST GA OR SK");
    quietFor(SETTINGS.turnEnd().toMillis() + 20);
    assertEquals(List.of(new TtyAction.CallerSaid(1, "THANKS GAS LEAK ON ELM ST GA OR SK", TurnEnd.GO_AHEAD_OR_STOP)), said());
  }

  @Test
  void skAndSkskAreTold() {
    greetAndFinishPlaying();
    callerTypes("OK THANKS BYE SK");
    quietFor(SETTINGS.turnEnd().toMillis() + 20);
    callerTypes("SKSK");
    quietFor(SETTINGS.turnEnd().toMillis() + 20);
    assertEquals(List.of(TurnEnd.STOP_KEYING, TurnEnd.HANGING_UP), said().stream().map(TtyAction.CallerSaid::end).toList());
  }

  @Test
  void returnEndsAMessageButTheTtysOwnWrapAtTheEndOfALineDoesNot() {
    greetAndFinishPlaying();
    String longLine = "I LIVE AT 1200 NORTH MAIN STREET APARTMENT 4 AND THE STREETLIGHT";
    assertTrue(longLine.length() >= SETTINGS.wrapColumns());
    callerTypes(longLine + "\r\nIS OUT\r\n");
    quietFor(SETTINGS.turnEnd().toMillis() + 20);
    assertEquals(List.of(new TtyAction.CallerSaid(1, longLine + " IS OUT", TurnEnd.LINE_END)), said());
  }

  @Test
  void textStillBeingTypedWhenTheCallEndsReachesTheAgent() {
    greetAndFinishPlaying();
    callerTypes("PLS CALL ME BA");
    assertEquals(List.of(new TtyAction.CallerSaid(1, "PLS CALL ME BA", TurnEnd.CALL_ENDED)), line.hungUp());
  }

  @Test
  void aStoppedReplyIsNoLongerPlayingAndAReportForItIsIgnored() {
    greetAndFinishPlaying();
    actions.addAll(line.reply("9", "A VERY LONG ANSWER GA", now));
    quietFor(SETTINGS.guard().toMillis() + 40);
    assertEquals(Optional.of("9"), line.stopPlaying(now));
    assertEquals(List.of(), line.played("9", now + 100));
    assertEquals(Optional.empty(), line.stopPlaying(now));
  }

  @Test
  void anIdleCallIsEndedOnlyAfterTheIdleLimitWithAFarewell() {
    greetAndFinishPlaying();
    quietFor(Duration.ofMinutes(10).toMillis());
    assertEquals(1, transmitted().size(), "ten quiet minutes do not end a TTY call");
    quietFor(SETTINGS.idleHangup().minusMinutes(10).toMillis());
    TtyAction.Transmit last = transmitted().get(transmitted().size() - 1);
    assertTrue(last.thenHangUp());
    assertTrue(last.ttyText().endsWith("SKSK"));
  }

  @Test
  void settingsRefuseAnIdleLimitUnderTenMinutes() {
    TtyCallSettings d = SETTINGS;
    assertThrows(IllegalArgumentException.class, () -> new TtyCallSettings(d.greeting(), d.greetingDelay(), d.guard(), d.echoGuard(), d.pause(), d.turnEnd(),
        d.wrapColumns(), d.appendGa(), Duration.ofMinutes(9), d.shiftAfterSpace()));
  }

  private void greetAndFinishPlaying() {
    actions.addAll(line.answered(now));
    quietFor(SETTINGS.greetingDelay().toMillis());
    quietFor(3_000);
    actions.addAll(line.played(TtyLine.GREETING_ID, now));
    quietFor(SETTINGS.echoGuard().toMillis());
  }
}
