package org.accessline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.accessline.channels.tty.AudioTools;
import org.accessline.channels.tty.BaudotModulator;
import org.accessline.channels.tty.ModemSettings;
import org.accessline.channels.tty.RawCodes;
import org.accessline.channels.tty.Signals;
import org.accessline.web.support.AgentClient;
import org.accessline.web.support.FakeTwilioCall;
import org.accessline.web.support.TestGateway;
import org.accessline.web.support.TwilioWebhookClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TTY callers as real lines deliver them, through the signed voice webhook and the signed media
 * stream of a gateway in its production configuration: audio from minimodem (tones 4% off, 1.5
 * and 2 stop bits, noise), from a sender that keeps figures across spaces, and calls with
 * continuous line noise, where the greeting and the agent's reply must still go out.
 */
class TtyCallerAudioIT {
  /** Letters, digits and punctuation after spaces, as a 311 caller types them. */
  private static final String CALLER = "1234 ELM ST FOR 2 WEEKS. CAN YOU HELP Q GA";
  private static final String CALLER_2 = "CALL ME AT 555 0142 AFTER 5 PM, APT 12/4 (REAR)? GA";
  private static final long TURN_MS = 60_000;

  @TempDir Path dataDir;
  @TempDir Path audio;
  private TestGateway gateway;
  private AgentClient maria;
  private int calls;

  @BeforeEach
  void start() {
    FakeTwilioCall.require();
    gateway = new TestGateway(dataDir, Duration.ofSeconds(30), 4, TwilioWebhookClient.gatewayOptions(new JsonObject()));
    maria = new AgentClient(gateway.vertx, gateway.port()).signedIn("maria");
    maria.available();
  }

  @AfterEach
  void stop() {
    maria.close();
    gateway.close();
  }

  private FakeTwilioCall newCall() {
    calls++;
    return new FakeTwilioCall(gateway.vertx, gateway.port(), "CA" + String.format("%032x", 0xabc000L + calls), "+1555123" + String.format("%04d", calls));
  }

  private short[] minimodem(String text, double stopBits, double toneFactor) throws Exception {
    short[] pcm = AudioTools.minimodemBaudot(text, stopBits, (int) Math.round(1400 * toneFactor), (int) Math.round(1800 * toneFactor), audio);
    return Signals.scaled(pcm, 0.5);
  }

  /** One call: greeted, the caller's audio played, and what the agent's console shows of it. */
  private String agentReads(short[] callerAudio) {
    try (FakeTwilioCall call = newCall()) {
      call.connect(call.answer());
      call.awaitMarkEchoed("greeting");
      String conversation = maria.awaitAssignment(calls);
      call.plays(afterReadingTheGreeting(callerAudio));
      JsonObject said = maria.frames.await("the caller's text in " + conversation,
          f -> isMessage(f, "resident") && conversation.equals(f.getJsonObject("entry").getString("conversationId")), TURN_MS);
      call.hangUp();
      resolve(conversation);
      return said.getJsonObject("entry").getJsonObject("event").getString("text");
    }
  }

  /** A caller reads the greeting before typing; what they type while we still listen for our own echo is another matter. */
  private static short[] afterReadingTheGreeting(short[] typing) {
    return Signals.concat(new short[8000], typing);
  }

  /** Frees the agent's capacity for the next call. */
  private void resolve(String conversation) {
    var resolved = maria.post("/api/conversations/" + conversation + "/resolve", new JsonObject().put("disposition", "Information provided").put("confirm", true));
    assertEquals(200, resolved.statusCode(), resolved.bodyAsString());
  }

  @Test
  void minimodemCallersWithTonesOffAndEitherStopLengthReachTheAgentExactly() throws Exception {
    assertEquals(CALLER, agentReads(minimodem(CALLER, 1.5, 1.04)), "1.5 stop bits, tones 4% high");
    assertEquals(CALLER_2, agentReads(minimodem(CALLER_2, 2.0, 0.96)), "2 stop bits, tones 4% low");
  }

  @Test
  void noisyMinimodemCallersReachTheAgentExactly() throws Exception {
    for (double snr : new double[] {10, 0, -4}) {
      short[] noisy = Signals.withNoise(Signals.concat(new short[4000], minimodem(CALLER_2, 1.5, 1.0), new short[4000]), snr, 7);
      assertEquals(CALLER_2, agentReads(noisy), snr + " dB SNR");
    }
  }

  @Test
  void bothShiftConventionsReachTheAgentExactly() throws Exception {
    assertEquals(CALLER, agentReads(minimodem(CALLER, 1.5, 1.0)), "minimodem relies on the receiver unshifting on space");
    ModemSettings us = ModemSettings.US_TTY;
    assertEquals(CALLER_2, agentReads(RawCodes.modulate(us, RawCodes.figuresKeepingSender(CALLER_2))), "a sender that keeps figures across a space");
    assertEquals(CALLER, agentReads(new BaudotModulator(us).modulate(CALLER)), "a sender that shifts after every space");
  }

  @Test
  void wordsStillHeldToSettleTheirShiftReachTheAgentWhenTheCallerHangsUpAtOnce() throws Exception {
    try (FakeTwilioCall call = newCall()) {
      call.connect(call.answer());
      call.awaitMarkEchoed("greeting");
      String conversation = maria.awaitAssignment(calls);
      // minimodem counts on the receiver unshifting after "5 ", so "PM" could be figures until a shift or the line's quiet says otherwise.
      call.plays(afterReadingTheGreeting(minimodem("PLS CALL ME AT 5 PM", 1.5, 1.0)));
      for (long deadline = System.currentTimeMillis() + TURN_MS; !call.callerDone() && System.currentTimeMillis() < deadline; ) Thread.sleep(5);
      call.hangUp();
      JsonObject said = maria.frames.await("the caller's last words", f -> isMessage(f, "resident") && conversation.equals(f.getJsonObject("entry").getString("conversationId")), TURN_MS);
      assertEquals("PLS CALL ME AT 5 PM", said.getJsonObject("entry").getJsonObject("event").getString("text"));
    }
  }

  @Test
  void onALineWithContinuousNoiseTheGreetingAndTheReplyGoOutAndTheCallerIsReadExactly() throws Exception {
    for (double dbfs : new double[] {-70, -50, -40}) {
      try (FakeTwilioCall call = newCall()) {
        // The noise is on the line from the moment the call connects, for the whole call.
        call.plays(Signals.withLineNoise(new short[8000 * 90], dbfs, calls));
        call.connect(call.answer());
        call.awaitMarkEchoed("greeting");
        String conversation = maria.awaitAssignment(calls);
        call.plays(afterReadingTheGreeting(minimodem(CALLER, 1.5, 1.0)));
        JsonObject said = maria.frames.await("the caller's text at " + dbfs + " dBFS",
            f -> isMessage(f, "resident") && conversation.equals(f.getJsonObject("entry").getString("conversationId")), TURN_MS);
        assertEquals(CALLER, said.getJsonObject("entry").getJsonObject("event").getString("text"), dbfs + " dBFS");
        var reply = maria.post("/api/conversations/" + conversation + "/messages", new JsonObject().put("text", "A crew comes today"));
        assertEquals(201, reply.statusCode(), reply.bodyAsString());
        // The caller's turn is over, so the reply waits for the guard time only, not for the noise to stop.
        long posted = System.currentTimeMillis();
        call.awaitMarkEchoed("reply-" + reply.bodyAsJsonObject().getLong("seq"));
        long waitedMs = System.currentTimeMillis() - posted;
        List<String> stored = maria.storedMessages(conversation);
        assertEquals(List.of(CALLER, "A crew comes today"), stored.subList(1, stored.size()), dbfs + " dBFS: nothing else became caller text");
        // The reply is about 3.5 s of audio, played 8 times faster than real time; a stalled line would wait until hang-up.
        assertEquals(true, waitedMs < 15_000, dbfs + " dBFS: the reply took " + waitedMs + " ms");
        call.hangUp();
        resolve(conversation);
      }
    }
  }

  private static boolean isMessage(JsonObject frame, String role) {
    return "entry".equals(frame.getString("type")) && "message".equals(frame.getJsonObject("entry").getJsonObject("event").getString("kind"))
        && role.equals(frame.getJsonObject("entry").getJsonObject("actor").getString("role"));
  }
}
