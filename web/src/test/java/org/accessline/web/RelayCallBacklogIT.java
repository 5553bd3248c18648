package org.accessline.web;

import static org.accessline.web.RelayCallIT.event;
import static org.accessline.web.RelayCallIT.isMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.accessline.channels.relay.Voices;
import org.accessline.channels.relay.WordErrors;
import org.accessline.web.support.RelayCallGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relay call whose audio arrives far faster than it can be recognised (the whole call at once,
 * one recognition thread, the smallest backlog): the stream is paused past the backlog and read
 * again as recognition catches up, and every turn reaches the agent and the record, whole and in
 * the order it was spoken.
 */
class RelayCallBacklogIT {
  private static final String CALL = "CA" + "0123456789abcdef".repeat(2);
  private static final String LINE = "+15550003110";
  private static final long WAIT_MS = 240_000;
  private static final List<String> SAID = List.of(
      "there is a large pothole in front of my house go ahead",
      "the traffic signal at main and fifth is not working go ahead",
      "someone dumped old furniture in the alley behind my home go ahead",
      "the park restroom has been locked for two weeks go ahead",
      "please send someone to clean the graffiti on the wall go ahead",
      "the snow has not been cleared from our road go ahead");

  @TempDir Path dataDir;
  @TempDir Path work;
  private RelayCallGateway relay;

  @AfterEach
  void stop() {
    if (relay != null) relay.close();
  }

  @Test
  void audioFarAheadOfRecognitionWaitsAndEveryTurnArrivesInOrder() throws Exception {
    relay = new RelayCallGateway(dataDir, new JsonObject().put("numbers", new JsonArray().add(LINE)).put("backlogSeconds", 5).put("recognitionThreads", 1),
        CALL, "+15556660000");
    relay.maria.available();
    relay.call.connectUnpaced(relay.call.answer());
    long deadline = System.currentTimeMillis() + WAIT_MS;
    while (relay.call.frames.all().stream().noneMatch(f -> "mark-echoed".equals(f.getString("event")) && "greeting".equals(f.getString("name")))) {
      assertTrue(System.currentTimeMillis() < deadline, "the greeting was never played");
      relay.call.advance(500);
      Thread.sleep(50);
    }
    String conversation = relay.maria.awaitAssignment();
    deadline = System.currentTimeMillis() + WAIT_MS;

    List<short[]> parts = new ArrayList<>();
    for (String s : SAID) parts.add(Voices.join(Voices.flite(s, "rms", work), Voices.silence(900)));
    short[] all = Voices.join(parts.toArray(short[][]::new));
    relay.call.plays(all);
    // Six turns, over 30 s of speech, sent as fast as the gateway reads: recognition (a fifth of
    // real time at best, on one thread) is soon more than the 5 s backlog behind.
    relay.call.advance(all.length / 8 + 3_000);

    List<JsonObject> turns = List.of();
    while (turns.size() < SAID.size()) {
      assertTrue(System.currentTimeMillis() < deadline, "turns so far: " + turns);
      Thread.sleep(200);
      turns = relay.maria.frames.all().stream().filter(f -> isMessage(f, "resident")).toList();
    }
    List<String> heard = turns.stream().map(t -> event(t).getString("text")).toList();
    for (int i = 0; i < SAID.size(); i++) {
      assertTrue(WordErrors.rate(SAID.get(i), heard.get(i)) <= 0.35, "turn " + (i + 1) + " in its place, whole: " + heard);
    }
    JsonArray record = relay.maria.recordEntries(conversation);
    List<String> recorded = new ArrayList<>();
    for (int i = 0; i < record.size(); i++) {
      JsonObject e = record.getJsonObject(i);
      if ("message".equals(e.getJsonObject("event").getString("kind")) && "resident".equals(e.getJsonObject("actor").getString("role"))) {
        recorded.add(e.getJsonObject("event").getString("text"));
      }
    }
    assertEquals(heard, recorded, "the record holds each turn once, in the order spoken");
    assertTrue(relay.call.frames.all().stream().noneMatch(f -> "closed".equals(f.getString("event"))), "the call's stream is still open");
  }
}
