package org.accessline.channels.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.accessline.channels.tty.TurnEnd;
import org.junit.jupiter.api.Test;

class RelayLineTest {
  final RelaySettings settings = RelaySettings.defaults("Springfield 311");
  final RelayLine line = new RelayLine(settings);

  @Test
  void greetsOnceTheAssistantIsQuietAfterAnswer() {
    line.answered(0);
    assertTrue(line.tick(1000).isEmpty());
    List<RelayAction> out = line.tick(1600);
    assertEquals(1, out.size());
    assertEquals(RelayLine.GREETING_ID, ((RelayAction.Speak) out.get(0)).id());
  }

  @Test
  void aCallSwitchedMidWayIsNotGreetedAgain() {
    line.joined(0);
    assertTrue(line.tick(60_000).isEmpty());
  }

  @Test
  void aCallBackOnANewStreamHearsTheLineIsBackOnceThenTheAssistantHasTheTurn() {
    var identified = java.util.Optional.of(new RelayAssistantId.Identity("georgia relay", java.util.Optional.of("2643"), "this is georgia relay operator 2643"));
    List<RelayAction> out = line.reconnected(0, identified);
    assertEquals(List.of(new RelayAction.Speak(RelayLine.RECONNECTED_ID, RelayLine.RECONNECTED, false)), out);
    assertTrue(line.tick(60_000).isEmpty(), "no greeting, and the notice is not said twice");
    assertTrue(line.played(RelayLine.RECONNECTED_ID, 3_000).isEmpty());
    assertTrue(line.heard("this is georgia relay operator two six four three", 0.9, 4_000).stream().noneMatch(RelayAction.AssistantIdentified.class::isInstance),
        "the assistant identified on the lost stream is kept");
    assertTrue(line.heard("it has been dark for a week", 0.9, 6_000).isEmpty());
    line.reply("reply-9", "we will send a crew", 6_100);
    assertTrue(line.assistantMidTurn(), "the turn is the assistant's until go ahead");
    List<RelayAction> after = line.heard("go ahead", 0.9, 7_000);
    assertTrue(after.get(0) instanceof RelayAction.ResidentSaid said && said.turn() == 1, after.toString());
  }

  @Test
  void anIntroductionIsTheAssistantsAndAShiftChangeIsANewOne() {
    line.answered(0);
    List<RelayAction> first = line.heard("this is georgia relay operator two six four three", 0.9, 500);
    RelayAction.AssistantIdentified a = (RelayAction.AssistantIdentified) first.get(0);
    assertEquals("2643", a.who().number().orElseThrow());
    assertTrue(!a.replacing());
    assertTrue(line.heard("this is georgia relay operator two six four three", 0.9, 900).stream().noneMatch(RelayAction.AssistantIdentified.class::isInstance));
    RelayAction.AssistantIdentified next = (RelayAction.AssistantIdentified) line.heard("georgia relay c a five five one now on the call", 0.9, 60_000).get(0);
    assertTrue(next.replacing());
    assertEquals("551", next.who().number().orElseThrow());
  }

  @Test
  void goAheadEndsTheTurnAcrossUtterancesWithAnnotationsApart() {
    line.answered(0);
    line.tick(2000); // greeting goes out
    line.played(RelayLine.GREETING_ID, 8000);
    assertTrue(line.heard("my street light is out", 0.8, 10_000).isEmpty());
    List<RelayAction> out = new ArrayList<>(line.heard("typing", 0.7, 12_000));
    out.addAll(line.heard("on fifth avenue go ahead", 0.6, 14_000));
    assertEquals(new RelayAction.Annotation(1, "typing"), out.get(0));
    RelayAction.ResidentSaid said = (RelayAction.ResidentSaid) out.get(1);
    assertEquals("my street light is out on fifth avenue go ahead", said.text());
    assertEquals(TurnEnd.GO_AHEAD, said.end());
    assertEquals((0.8 * 5 + 0.6 * 5) / 10, said.confidence(), 1e-9);
  }

  @Test
  void neverSpeaksOverTheAssistant() {
    line.answered(0);
    line.voice(true, 100);
    assertTrue(line.tick(5000).isEmpty(), "no greeting while they speak");
    line.voice(false, 5000);
    assertTrue(line.tick(5500).isEmpty(), "nor within the guard after");
    line.partial(5600);
    assertTrue(line.tick(9000).isEmpty(), "nor while an utterance is still being recognised");
    line.heard("hello", 0.9, 9000);
    assertTrue(line.tick(9500).isEmpty(), "nor while their words wait for go ahead");
    List<RelayAction> out = line.tick(9000 + settings.pause().toMillis());
    assertEquals(TurnEnd.PAUSE, ((RelayAction.ResidentSaid) out.get(0)).end(), "a long pause ends their turn");
    assertEquals(RelayLine.GREETING_ID, ((RelayAction.Speak) out.get(1)).id(), "and then we may speak");
  }

  @Test
  void quietWhileRecognitionIsBehindDoesNotEndATurnBeforeItsLastWords() {
    line.joined(0);
    line.voice(true, 100);
    line.voice(false, 3000);
    line.recognitionPending(true);
    line.heard("my street light is out on elm street", 0.9, 4000);
    assertTrue(line.tick(4000 + 3 * settings.pause().toMillis()).isEmpty(), "the rest of the turn may still be in the audio waiting");
    RelayAction.ResidentSaid said = (RelayAction.ResidentSaid) line.heard("go ahead", 0.9, 4100 + 3 * settings.pause().toMillis()).get(0);
    assertEquals("my street light is out on elm street go ahead", said.text());
    assertEquals(TurnEnd.GO_AHEAD, said.end());
    line.heard("hold on", 0.9, 50_000);
    line.recognitionPending(false);
    assertEquals(TurnEnd.PAUSE, ((RelayAction.ResidentSaid) line.tick(50_000 + settings.pause().toMillis()).get(0)).end(),
        "once recognition has caught up, a long quiet ends the turn");
  }

  @Test
  void stopKeyingEndsTheTurnSoTheAgentCanClose() {
    line.answered(0);
    RelayAction.ResidentSaid said = (RelayAction.ResidentSaid) line.heard("thank you bye stop keying", 0.9, 3000).get(0);
    assertEquals(TurnEnd.STOP_KEYING, said.end());
  }

  @Test
  void twelveMinutesOfSilenceDoNotEndTheCall() {
    line.answered(0);
    line.tick(2000);
    line.played(RelayLine.GREETING_ID, 10_000);
    for (long t = 10_000; t <= 10_000 + Duration.ofMinutes(12).toMillis(); t += 1000) {
      assertTrue(line.tick(t).isEmpty(), "nothing happens at " + t);
    }
  }

  @Test
  void theConfiguredIdleTimeEndsACompletelySilentCallWithAFarewell() {
    line.answered(0);
    line.tick(2000);
    line.played(RelayLine.GREETING_ID, 10_000);
    List<RelayAction> out = line.tick(10_000 + settings.idleHangup().toMillis());
    RelayAction.Speak farewell = (RelayAction.Speak) out.get(0);
    assertTrue(farewell.thenHangUp());
  }

  @Test
  void idleHangupUnderTenMinutesIsRefused() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> settings.withIdleHangup(Duration.ofMinutes(9)));
  }

  @Test
  void wordsLeftAtHangUpStillReachTheAgent() {
    line.answered(0);
    line.heard("one more thing", 0.5, 1000);
    RelayAction.ResidentSaid said = (RelayAction.ResidentSaid) line.hungUp().get(0);
    assertEquals(TurnEnd.CALL_ENDED, said.end());
  }
}
