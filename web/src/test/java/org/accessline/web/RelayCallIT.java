package org.accessline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.accessline.channels.relay.DecodingSettings;
import org.accessline.channels.relay.SpeechModelFiles;
import org.accessline.channels.relay.SpeechRecognizer;
import org.accessline.channels.relay.Voices;
import org.accessline.channels.relay.VoskSpeech;
import org.accessline.channels.relay.WordErrors;
import org.accessline.web.support.RelayCallGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relay call end to end: a stand-in for Twilio rings the shared TTY number and streams a relay
 * assistant's speech (flite's rms voice, another speaker and method than ours, through the phone band and μ-law);
 * the gateway tells it from TTY tones, records the assistant, the resident's turns and the
 * assistant's annotations apart, and speaks the agent's reply, which the test recognises again.
 */
class RelayCallIT {
  private static final String CALL = "CA" + "fedcba9876543210".repeat(2);
  private static final String CALLER = "+15557654321";
  private static final long WAIT_MS = 120_000;
  /** The word error rate the relayed turns must stay within; flite's rms voice at 8 kHz measures about 0.15 (BENCHMARKS.md). */
  private static final double TURN_WER = 0.35;

  @TempDir Path dataDir;
  @TempDir Path work;
  private RelayCallGateway relay;

  @AfterEach
  void stop() {
    if (relay != null) relay.close();
  }

  @Test
  void anAssistantRelaysTwoTurnsAndHearsTheAgentsReply() throws Exception {
    relay = new RelayCallGateway(dataDir, new JsonObject(), CALL, CALLER);
    relay.maria.available();
    String twiml = relay.call.answer();
    assertTrue(twiml.contains("<Parameter name=\"mode\" value=\"detect\"/>"), twiml);
    relay.call.plays(Voices.join(Voices.silence(400), speech("hello this is georgia relay operator two six four three"), Voices.silence(600)));
    relay.call.connect(twiml);

    String conversation = relay.maria.awaitAssignment();
    JsonObject assistant = relay.maria.frames.await("the relay assistant", f -> isEvent(f, "relay-assistant"), WAIT_MS);
    assertEquals("2643", event(assistant).getString("number"), assistant.encode());
    relay.call.awaitMarkEchoed("greeting");

    String first = "my street light is out on elm street go ahead";
    relay.call.plays(Voices.join(speech("my street light is out on elm street"), Voices.silence(400), speech("go ahead"), Voices.silence(500)));
    JsonObject turn1 = relay.maria.frames.await("the first turn", f -> isMessage(f, "resident"), WAIT_MS);

    relay.call.plays(Voices.join(Voices.silence(1500), speech("background noise"), Voices.silence(1500)));
    JsonObject annotation = relay.maria.frames.await("the annotation", f -> isEvent(f, "annotation"), WAIT_MS);
    String second = "it has been dark for a week go ahead";
    relay.call.plays(Voices.join(speech(second), Voices.silence(500)));
    relay.maria.frames.await("the second turn", f -> isMessage(f, "resident") && !f.equals(turn1), WAIT_MS);

    var reply = relay.maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", "We will send a crew today."));
    assertEquals(201, reply.statusCode(), reply.bodyAsString());
    long replySeq = reply.bodyAsJsonObject().getLong("seq");
    int playedBefore = relay.call.playedAudio().length;
    relay.call.awaitMarkEchoed("reply-" + replySeq);
    JsonObject delivered = relay.maria.frames.await("the reply spoken", f -> isEvent(f, "delivery"), WAIT_MS);
    assertEquals("delivered", event(delivered).getString("status"));

    relay.call.plays(Voices.join(Voices.silence(600), speech("okay thanks, stop keying"), Voices.silence(500)));
    relay.maria.frames.await("the stop-keying prompt", f -> isEvent(f, "note") && event(f).getString("text").contains("stop keying"), WAIT_MS);
    relay.call.hangUp();
    relay.maria.frames.await("the hang-up note", f -> isEvent(f, "note") && event(f).getString("text").contains("hung up"), WAIT_MS);

    // What the assistant heard us say, recognised again.
    short[] played = relay.call.playedAudio();
    String heardReply = recognise(java.util.Arrays.copyOfRange(played, playedBefore, played.length));
    assertTrue(WordErrors.rate("we will send a crew today go ahead", heardReply) <= 0.35, "the reply as heard: " + heardReply);

    assertTrue(relay.maria.frames.all().stream().anyMatch(f -> "typing".equals(f.getString("type")) && !f.getString("heardSoFar", "").isBlank()),
        "the agent saw the assistant's words while they were spoken");
    JsonArray record = relay.maria.recordEntries(conversation);
    JsonObject opened = record.getJsonObject(0).getJsonObject("event");
    assertEquals("relay", opened.getString("channel"));
    assertEquals(CALLER, opened.getString("contact"));
    List<JsonObject> turns = new ArrayList<>();
    List<String> annotations = new ArrayList<>();
    for (int i = 0; i < record.size(); i++) {
      JsonObject e = record.getJsonObject(i);
      JsonObject ev = e.getJsonObject("event");
      if ("message".equals(ev.getString("kind")) && "resident".equals(e.getJsonObject("actor").getString("role"))) turns.add(ev);
      if ("annotation".equals(ev.getString("kind"))) annotations.add(ev.getString("text"));
    }
    assertEquals(3, turns.size(), "two turns ending in go ahead, and the sign-off: " + turns);
    assertTrue(turns.get(0).getString("text").endsWith("go ahead") && turns.get(1).getString("text").endsWith("go ahead"), turns.toString());
    assertTrue(turns.get(2).getString("text").endsWith("keying"), "the sign-off, as the recogniser heard \"stop keying\": " + turns);
    for (JsonObject t : turns) {
      JsonObject transcription = t.getJsonObject("transcription");
      assertEquals("vosk", transcription.getString("engine"));
      assertTrue(transcription.getDouble("confidence") > 0 && transcription.getDouble("confidence") <= 1, t.encode());
    }
    double wer = (WordErrors.edits(first, turns.get(0).getString("text")) + WordErrors.edits(second, turns.get(1).getString("text")))
        / (double) (WordErrors.words(first).size() + WordErrors.words(second).size());
    System.out.println("relay turns: " + turns.get(0).getString("text") + " | " + turns.get(1).getString("text") + " (WER " + wer + ")");
    assertTrue(wer <= TURN_WER, "turns as heard: " + turns);
    assertEquals(List.of("background noise"), annotations);
    assertEquals("background noise", event(annotation).getString("text"));
    for (JsonObject t : turns) assertTrue(!t.getString("text").contains("background noise"), "annotations stay apart from the resident's words");

    var search = relay.maria.get("/api/interactions?contact=%2B15557654321&q=background");
    assertEquals(200, search.statusCode(), search.bodyAsString());
    assertEquals(0, search.bodyAsJsonObject().getJsonArray("records").size(), "an annotation is never searched as the resident's words");
  }

  private short[] speech(String text) throws Exception {
    return Voices.flite(text, "rms", work);
  }

  private String recognise(short[] pcm) throws Exception {
    try (VoskSpeech speech = VoskSpeech.load(SpeechModelFiles.unpacked(dataDir, DecodingSettings.DEFAULT)); SpeechRecognizer.Transcriber t = speech.open()) {
      List<String> words = new ArrayList<>();
      for (var h : t.accept(pcm, 0, pcm.length)) if (h instanceof SpeechRecognizer.Heard.Final f) words.add(f.text());
      for (var h : t.finish()) if (h instanceof SpeechRecognizer.Heard.Final f) words.add(f.text());
      return String.join(" ", words);
    }
  }

  static JsonObject event(JsonObject frame) {
    return frame.getJsonObject("entry").getJsonObject("event");
  }

  static boolean isEvent(JsonObject frame, String kind) {
    return "entry".equals(frame.getString("type")) && kind.equals(event(frame).getString("kind"));
  }

  static boolean isMessage(JsonObject frame, String role) {
    return isEvent(frame, "message") && role.equals(frame.getJsonObject("entry").getJsonObject("actor").getString("role"));
  }
}
