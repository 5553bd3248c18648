package org.accessline.web.cluster;

import static org.accessline.web.cluster.CallFailover.WAIT_MS;
import static org.accessline.web.cluster.CallFailover.isEvent;
import static org.accessline.web.cluster.CallFailover.isMessage;
import static org.accessline.web.cluster.CallFailover.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.accessline.channels.relay.RelayLine;
import org.accessline.channels.relay.SpeechModelFiles;
import org.accessline.channels.relay.SpeechRecognizer;
import org.accessline.channels.relay.Voices;
import org.accessline.channels.relay.VoskSpeech;
import org.accessline.channels.relay.WordErrors;
import org.accessline.channels.tty.AudioTools;
import org.accessline.transcripts.postgres.TestPostgres;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.FakeTwilioApi;
import org.accessline.web.support.FakeTwilioCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relay call on two nodes: the node carrying its stream is lost, the survivor connects the call
 * again through a stand-in for Twilio's Calls API, and the call comes back in relay mode, in the same
 * conversation with the same assistant, who hears (spoken, recognised here again) that the line was
 * reconnected and goes on with the resident's next turn.
 */
class RelayCallFailoverIT {
  private static final String CALL = "CA" + "a1b2c3d4e5f60718".repeat(2);
  private static final String CALLER = "+15557654321";

  @TempDir Path dir;
  @TempDir Path work;
  private Vertx twilio;
  private FakeTwilioApi api;

  @BeforeEach
  void start() {
    TestPostgres.require();
    FakeTwilioCall.require();
    AudioTools.require("flite", "sox", "minimodem");
    twilio = Vertx.vertx();
    api = new FakeTwilioApi(twilio);
  }

  @AfterEach
  void stop() {
    api.close();
    twilio.close().await();
  }

  @Test
  void aRelayCallWhoseNodeIsLostComesBackInRelayModeAndTheAssistantIsToldTheLineIsBack() throws Exception {
    relayCallComesBack(new JsonObject(), "detect");
  }

  @Test
  void aCallToARelayOnlyNumberComesBackInRelayMode() throws Exception {
    relayCallComesBack(new JsonObject().put("numbers", new io.vertx.core.json.JsonArray().add("+15550003110")), "relay");
  }

  /** A relay call started as {@code startedAs} on node A, which is lost; {@code relay} is the nodes' relay configuration. */
  private void relayCallComesBack(JsonObject relay, String startedAs) throws Exception {
    try (TestCluster cluster = CallFailover.cluster(dir, api, json -> json.put("relay", relay.copy().put("enabled", true)))) {
      TestCluster.Node a = cluster.start(0);
      cluster.awaitOwner("node-0");
      TestCluster.Node b = cluster.start(1);
      try (AgentClient maria = new AgentClient(b.vertx(), b.port()).signedIn("maria").available();
          FakeTwilioCall call = new FakeTwilioCall(twilio, a.port(), CALL, CALLER)) {
        AtomicLong redirectedAt = new AtomicLong();
        api.callInProgress(CALL, next -> {
          redirectedAt.set(System.nanoTime());
          call.follow(next, b.port());
        });
        String twiml = call.answer();
        assertTrue(twiml.contains("<Parameter name=\"mode\" value=\"" + startedAs + "\"/>"), twiml);
        call.plays(Voices.join(Voices.silence(400), speech("hello this is georgia relay operator two six four three"), Voices.silence(600)));
        call.connect(twiml);
        String conversation = maria.awaitAssignment();
        JsonObject assistant = maria.frames.await("the relay assistant", f -> isEvent(f, "relay-assistant"), WAIT_MS);
        assertEquals("2643", CallFailover.event(assistant).getString("number"), assistant.encode());
        call.awaitMarkEchoed("greeting");
        call.plays(Voices.join(speech("my street light is out on elm street"), Voices.silence(400), speech("go ahead"), Voices.silence(500)));
        String first = text(maria.frames.await("the first turn", f -> isMessage(f, "resident"), WAIT_MS));

        int playedBefore = call.playedAudio().length;
        long lost = System.nanoTime();
        a.loseClusterAbruptly();
        call.streamDropped();
        call.awaitMarkEchoed("reconnected");
        long spokenMs = (System.nanoTime() - lost) / 1_000_000;
        System.out.println("Relay call: node lost -> Calls API redirect taken " + (redirectedAt.get() - lost) / 1_000_000
            + " ms -> notice spoken and played to the assistant " + spokenMs + " ms (audio at 8x real time in the stand-in)");
        assertEquals(1, api.callUpdates().size(), "one redirect");
        String redirect = api.callUpdates().get(0).fields().get("Twiml");
        for (String parameter : List.of("name=\"mode\" value=\"relay\"", "name=\"attachment\" value=\"1\"", "name=\"resume.opened\" value=\"relay\"",
            "name=\"resume.caNumber\" value=\"2643\"")) {
          assertTrue(redirect.contains(parameter), parameter + " in " + redirect);
        }

        // The assistant introduces themselves again, as relay assistants do on a line that was cut, then relays the next turn.
        call.plays(Voices.join(Voices.silence(600), speech("this is georgia relay operator two six four three"), Voices.silence(1500),
            speech("it has been dark for a week go ahead"), Voices.silence(500)));
        CallFailover.awaitTrue("the next turn stored in the same conversation", WAIT_MS,
            () -> CallFailover.storedMessages(maria, conversation).size() >= 4);
        short[] played = call.playedAudio();
        String notice = recognise(Arrays.copyOfRange(played, playedBefore, played.length));
        assertTrue(WordErrors.rate("the line was reconnected go ahead", notice) <= 0.35, "the notice as the assistant heard it: " + notice);

        call.hangUp();
        CallFailover.awaitTrue("the hang-up note", WAIT_MS, () -> CallFailover.described(maria, conversation).stream().anyMatch(e -> e.contains("hung up")));
        cluster.closeLost(a);
        List<String> record = CallFailover.described(maria, conversation);
        List<String> messages = maria.storedMessages(conversation);
        assertEquals(4, messages.size(), () -> "greeting, first turn, notice, next turn; nothing lost, nothing twice: " + record);
        assertEquals(first, messages.get(1), record::toString);
        assertEquals(RelayLine.RECONNECTED, messages.get(2), record::toString);
        assertTrue(WordErrors.rate("it has been dark for a week go ahead", messages.get(3)) <= 0.35, record::toString);
        assertEquals(1, record.stream().filter(e -> e.contains(" relay-assistant ")).count(), () -> "the same assistant, recorded once: " + record);
        assertEquals("relay", maria.recordEntries(conversation).getJsonObject(0).getJsonObject("event").getString("channel"), "opened as a relay call, once");
      }
    }
  }

  @Test
  void aCallSwitchedFromTtyToRelayComesBackInRelayModeInTheTtyCallsConversation() throws Exception {
    try (TestCluster cluster = CallFailover.cluster(dir, api, json -> json.put("relay", new JsonObject().put("enabled", true)))) {
      TestCluster.Node a = cluster.start(0);
      cluster.awaitOwner("node-0");
      TestCluster.Node b = cluster.start(1);
      try (AgentClient maria = new AgentClient(b.vertx(), b.port()).signedIn("maria").available();
          FakeTwilioCall call = new FakeTwilioCall(twilio, a.port(), CALL, CALLER)) {
        api.callInProgress(CALL, next -> call.follow(next, b.port()));
        call.connect(call.answer());
        call.awaitMarkEchoed("greeting");
        String conversation = maria.awaitAssignment();
        call.types("MY STREETLIGHT IS OUT GA", work);
        maria.frames.await("the caller's message", f -> isMessage(f, "resident") && "MY STREETLIGHT IS OUT GA".equals(text(f)), WAIT_MS);
        // A hearing caller took for a TTY: the agent, on B, switches the call carried by A.
        var switched = maria.post("/api/conversations/" + conversation + "/call-mode", new JsonObject().put("mode", "relay"));
        assertEquals(200, switched.statusCode(), switched.bodyAsString());
        CallFailover.awaitTrue("the switch noted", WAIT_MS,
            () -> CallFailover.described(maria, conversation).stream().anyMatch(e -> e.contains("switched the call to relay")));

        int playedBefore = call.playedAudio().length;
        a.loseClusterAbruptly();
        call.streamDropped();
        call.awaitMarkEchoed("reconnected");
        String redirect = api.callUpdates().get(0).fields().get("Twiml");
        assertTrue(redirect.contains("name=\"mode\" value=\"relay\"") && redirect.contains("name=\"resume.opened\" value=\"tty\""), redirect);
        call.plays(Voices.join(Voices.silence(600), speech("it has been dark for a week go ahead"), Voices.silence(500)));
        CallFailover.awaitTrue("the next turn stored in the TTY call's conversation", WAIT_MS,
            () -> CallFailover.storedMessages(maria, conversation).size() >= 4);
        short[] played = call.playedAudio();
        String notice = recognise(Arrays.copyOfRange(played, playedBefore, played.length));
        assertTrue(WordErrors.rate("the line was reconnected go ahead", notice) <= 0.35, "spoken, not sent in Baudot: " + notice);
        call.hangUp();
        CallFailover.awaitTrue("the hang-up note", WAIT_MS, () -> CallFailover.described(maria, conversation).stream().anyMatch(e -> e.contains("hung up")));
        cluster.closeLost(a);
        List<String> record = CallFailover.described(maria, conversation);
        List<String> messages = maria.storedMessages(conversation);
        assertEquals(4, messages.size(), () -> "greeting, the typed turn, notice, the spoken turn; nothing lost, nothing twice: " + record);
        assertEquals(List.of("MY STREETLIGHT IS OUT GA", RelayLine.RECONNECTED), messages.subList(1, 3), record::toString);
        assertTrue(WordErrors.rate("it has been dark for a week go ahead", messages.get(3)) <= 0.35, record::toString);
        assertEquals(1, api.callUpdates().size(), "one redirect");
      }
    }
  }

  private short[] speech(String text) throws Exception {
    return Voices.flite(text, "rms", work);
  }

  private String recognise(short[] pcm) throws Exception {
    try (VoskSpeech speech = VoskSpeech.load(SpeechModelFiles.unpacked(dir.resolve("node-1"), org.accessline.channels.relay.DecodingSettings.DEFAULT)); SpeechRecognizer.Transcriber t = speech.open()) {
      List<String> words = new ArrayList<>();
      for (var h : t.accept(pcm, 0, pcm.length)) if (h instanceof SpeechRecognizer.Heard.Final f) words.add(f.text());
      for (var h : t.finish()) if (h instanceof SpeechRecognizer.Heard.Final f) words.add(f.text());
      return String.join(" ", words);
    }
  }
}
