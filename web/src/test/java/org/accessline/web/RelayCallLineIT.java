package org.accessline.web;

import static org.accessline.web.RelayCallIT.event;
import static org.accessline.web.RelayCallIT.isEvent;
import static org.accessline.web.RelayCallIT.isMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.accessline.channels.relay.Voices;
import org.accessline.web.support.FakeTwilioCall;
import org.accessline.web.support.RelayCallGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One line for TTY and relay callers: each call gets its mode, a relay-only number starts as relay,
 * the stream refusals of TTY calls hold for relay calls, and silence never ends a relay call early.
 */
class RelayCallLineIT {
  private static final String TTY_CALL = "CA" + "11112222333344445555666677778888";
  private static final String VOICE_CALL = "CA" + "9999aaaabbbbccccddddeeeeffff0000";
  private static final String LINE = "+15550003110";
  private static final long WAIT_MS = 120_000;

  @TempDir Path dataDir;
  @TempDir Path work;
  private RelayCallGateway relay;

  @AfterEach
  void stop() {
    if (relay != null) relay.close();
  }

  @Test
  void aTtyCallerAndThenASpeakingCallerOnTheSameLineEachGetTheirMode() throws Exception {
    relay = new RelayCallGateway(dataDir, new JsonObject(), TTY_CALL, "+15551110000");
    relay.maria.available();
    String ttyTwiml = relay.call.answer();
    assertTrue(ttyTwiml.contains("<Parameter name=\"mode\" value=\"detect\"/>"), ttyTwiml);
    relay.call.connect(ttyTwiml);
    relay.call.awaitMarkEchoed("greeting");
    String ttyConversation = relay.maria.awaitAssignment();
    relay.call.types("MY TRASH WAS MISSED GA", work);
    JsonObject typed = relay.maria.frames.await("the TTY caller's message", f -> isMessage(f, "resident"), WAIT_MS);
    assertEquals("MY TRASH WAS MISSED GA", event(typed).getString("text"));
    assertTrue(!event(typed).containsKey("transcription"), "typed text is not machine-transcribed");
    assertEquals("tty", relay.maria.recordEntries(ttyConversation).getJsonObject(0).getJsonObject("event").getString("channel"));

    try (FakeTwilioCall voice = new FakeTwilioCall(relay.gateway.vertx, relay.gateway.port(), VOICE_CALL, "+15552220000")) {
      voice.plays(Voices.join(Voices.silence(300), Voices.flite("hello is anybody there i have a question about my water bill go ahead", "rms", work),
          Voices.silence(800)));
      voice.connect(voice.answer());
      String voiceConversation = relay.maria.awaitAssignment(2);
      JsonObject said = relay.maria.frames.await("the speaking caller's words",
          f -> isMessage(f, "resident") && f.getJsonObject("entry").getString("conversationId").equals(voiceConversation), WAIT_MS);
      assertEquals("vosk", event(said).getJsonObject("transcription").getString("engine"));
      assertTrue(event(said).getString("text").contains("water bill"), said.encode());
      assertEquals("relay", relay.maria.recordEntries(voiceConversation).getJsonObject(0).getJsonObject("event").getString("channel"));
      voice.awaitMarkEchoed("greeting");
    }
  }

  @Test
  void aRelayOnlyNumberStartsAsRelayAndRefusesStreamsAsTtyCallsDo() {
    relay = new RelayCallGateway(dataDir, new JsonObject().put("numbers", new JsonArray().add(LINE)), VOICE_CALL, "+15553330000");
    relay.maria.available();
    String twiml = relay.call.answer();
    assertTrue(twiml.contains("<Parameter name=\"mode\" value=\"relay\"/>"), twiml);

    String streamUrl = "wss://311.example.test/channels/tty/twilio/stream";
    for (String signature : new String[] {null, "bm90IGEgc2lnbmF0dXJl"}) {
      UpgradeRejectedException refused = assertThrows(UpgradeRejectedException.class, () -> relay.call.openStream(streamUrl, signature));
      assertEquals(403, refused.getStatus(), "an unsigned or wrongly signed stream");
    }
    try (FakeTwilioCall forged = new FakeTwilioCall(relay.gateway.vertx, relay.gateway.port(), VOICE_CALL, "+15553330000")) {
      forged.connect(twiml.replaceAll("name=\"streamToken\" value=\"[^\"]*\"", "name=\"streamToken\" value=\"a-guessed-token\""));
      assertEquals(1008, forged.frames.await("the forged stream closed", f -> "closed".equals(f.getString("event")), WAIT_MS).getInteger("code"));
    }
    try (FakeTwilioCall wrongFormat = new FakeTwilioCall(relay.gateway.vertx, relay.gateway.port(), VOICE_CALL, "+15553330000")) {
      wrongFormat.connect(twiml, new JsonObject().put("encoding", "audio/l16").put("sampleRate", 16000).put("channels", 1));
      assertEquals(1003, wrongFormat.frames.await("the stream closed", f -> "closed".equals(f.getString("event")), WAIT_MS).getInteger("code"));
    }
    assertEquals(new JsonArray(), relay.maria.get("/api/conversations").bodyAsJsonObject().getJsonArray("conversations"), "refused streams record nothing");

    relay.call.connect(twiml);
    relay.call.awaitMarkEchoed("greeting");
    String conversation = relay.maria.awaitAssignment();
    JsonArray record = relay.maria.recordEntries(conversation);
    assertEquals("relay", record.getJsonObject(0).getJsonObject("event").getString("channel"));
    boolean greetedAloud = false;
    for (int i = 0; i < record.size(); i++) {
      JsonObject ev = record.getJsonObject(i).getJsonObject("event");
      if ("message".equals(ev.getString("kind")) && ev.getString("text").contains("relay calls")) greetedAloud = true;
    }
    assertTrue(greetedAloud, "the spoken greeting is in the record: " + record.encode());
  }

  @Test
  void twelveMinutesOfSilenceMidCallDoNotEndIt() throws Exception {
    relay = new RelayCallGateway(dataDir, new JsonObject().put("numbers", new JsonArray().add(LINE)), VOICE_CALL, "+15554440000");
    relay.maria.available();
    relay.call.connectUnpaced(relay.call.answer());
    relay.call.plays(Voices.join(Voices.flite("i need to check something hold on", "rms", work), Voices.silence(500)));
    relay.call.advance(10_000);
    String conversation = relay.maria.awaitAssignment();
    relay.call.advance(Duration.ofMinutes(12).toMillis());
    relay.call.plays(Voices.join(Voices.flite("okay i am back the address is twelve oak street go ahead", "rms", work), Voices.silence(800)));
    relay.call.advance(8_000);
    JsonObject back = relay.maria.frames.await("the resident's words after the silence",
        f -> isMessage(f, "resident") && event(f).getString("text").contains("back"), WAIT_MS);
    assertTrue(event(back).getString("text").endsWith("go ahead"), back.encode());
    assertTrue(relay.call.frames.all().stream().noneMatch(f -> "closed".equals(f.getString("event"))), "the call's stream is still open");
    JsonArray record = relay.maria.recordEntries(conversation);
    for (int i = 0; i < record.size(); i++) {
      JsonObject ev = record.getJsonObject(i).getJsonObject("event");
      assertTrue(!"note".equals(ev.getString("kind")) || !ev.getString("text").contains("ended"), "the call was not ended: " + ev.encode());
      assertTrue(!"message".equals(ev.getString("kind")) || !ev.getString("text").contains("ending this call"), "no farewell was spoken: " + ev.encode());
    }
    assertTrue(isEvent(back, "message"));
  }

  @Test
  void anAgentSwitchesACallTheLineTookForTtyToRelay() throws Exception {
    relay = new RelayCallGateway(dataDir, new JsonObject().put("detectSpeech", false), TTY_CALL, "+15555550000");
    relay.maria.available();
    String twiml = relay.call.answer();
    assertTrue(twiml.contains("<Parameter name=\"mode\" value=\"tty\"/>"), twiml);
    relay.call.connect(twiml);
    relay.call.awaitMarkEchoed("greeting");
    String conversation = relay.maria.awaitAssignment();
    String path = "/api/conversations/" + conversation + "/call-mode";
    assertEquals(400, relay.maria.post(path, new JsonObject().put("mode", "speech")).statusCode(), "an unknown mode");
    assertEquals(400, relay.maria.post(path, new JsonObject().put("mode", "detect")).statusCode(), "detect is the line's, not the agent's");
    var switched = relay.maria.post(path, new JsonObject().put("mode", "relay"));
    assertEquals(200, switched.statusCode(), switched.bodyAsString());
    assertEquals(409, relay.maria.post(path, new JsonObject().put("mode", "relay")).statusCode(), "already relay");
    assertEquals(409, relay.maria.post(path, new JsonObject().put("mode", "tty")).statusCode(), "a relay call is not switched back to Baudot");
    relay.maria.frames.await("the switch noted", f -> isEvent(f, "note") && event(f).getString("text").contains("switched the call to relay"), WAIT_MS);

    relay.call.plays(Voices.join(Voices.flite("hello i am calling about a broken water pipe go ahead", "rms", work), Voices.silence(800)));
    JsonObject said = relay.maria.frames.await("the words after the switch", f -> isMessage(f, "resident"), WAIT_MS);
    assertEquals(conversation, said.getJsonObject("entry").getString("conversationId"), "the same conversation goes on");
    assertEquals("vosk", event(said).getJsonObject("transcription").getString("engine"));
    var reply = relay.maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", "We will send a crew."));
    assertEquals(201, reply.statusCode(), reply.bodyAsString());
    relay.call.awaitMarkEchoed("reply-" + reply.bodyAsJsonObject().getLong("seq"));
  }
}
