package org.accessline.channels.relay;

import java.time.Duration;
import java.util.Set;

/**
 * How relay calls behave. Times are on the call's audio clock, like a TTY call's.
 *
 * @param greeting spoken once the assistant is quiet after answer; it ends in "go ahead"
 * @param greetingDelay how long to listen after answer before greeting
 * @param guard how long the assistant must be quiet before we speak (we never speak over them)
 * @param pause words heard without "go ahead" become a message after this much quiet
 * @param idleHangup the call is ended after this long with nothing said either way; never under ten minutes
 * @param relayOnlyNumbers numbers (E.164) whose calls start as relay calls; calls to any other number are told apart by sound
 * @param detectSpeech whether a call to the shared number that starts with speech, not TTY tones, becomes a relay call
 * @param backlog audio waiting for recognition beyond which the call's stream is paused (Twilio then holds it); nothing is dropped
 * @param modelDir a Vosk model folder to use instead of the small English model in the jar; empty for the bundled one
 * @param recognitionThreads threads that recognise speech for all calls together
 * @param decoding how widely the bundled model's recogniser searches (a model in {@code modelDir} keeps its own conf/model.conf)
 */
public record RelaySettings(String greeting, Duration greetingDelay, Duration guard, Duration pause, Duration idleHangup,
    Set<String> relayOnlyNumbers, boolean detectSpeech, Duration backlog, String modelDir, int recognitionThreads,
    DecodingSettings decoding) {
  public static final Duration SHORTEST_IDLE_HANGUP = Duration.ofMinutes(10);

  public RelaySettings {
    if (greeting == null || greeting.isBlank()) throw new IllegalArgumentException("relay.greeting must not be empty");
    for (Duration d : new Duration[] {greetingDelay, guard, pause, backlog}) {
      if (d == null || d.isNegative()) throw new IllegalArgumentException("relay timings cannot be negative");
    }
    if (idleHangup == null || idleHangup.compareTo(SHORTEST_IDLE_HANGUP) < 0) {
      throw new IllegalArgumentException("relay.idleHangupMinutes: a relay call is never ended for silence under 10 minutes");
    }
    relayOnlyNumbers = Set.copyOf(relayOnlyNumbers);
    for (String n : relayOnlyNumbers) if (!n.matches("\\+[1-9][0-9]{6,14}")) throw new IllegalArgumentException("relay.numbers are E.164 numbers: " + n);
    if (backlog.compareTo(Duration.ofSeconds(5)) < 0) throw new IllegalArgumentException("relay.backlogSeconds is at least 5");
    if (modelDir == null) modelDir = "";
    if (recognitionThreads < 1 || recognitionThreads > 64) throw new IllegalArgumentException("relay.recognitionThreads is 1-64");
    if (decoding == null) throw new IllegalArgumentException("relay decoding settings are required");
  }

  public static RelaySettings defaults(String centerName) {
    return new RelaySettings("Thank you for calling " + centerName + ". This line takes relay calls, and an agent will answer you in text. Go ahead.",
        Duration.ofMillis(1500), Duration.ofMillis(1200), Duration.ofSeconds(12), Duration.ofMinutes(20), Set.of(), true, Duration.ofSeconds(120), "",
        Math.max(1, Runtime.getRuntime().availableProcessors()), DecodingSettings.DEFAULT);
  }

  public RelaySettings withIdleHangup(Duration d) {
    return new RelaySettings(greeting, greetingDelay, guard, pause, d, relayOnlyNumbers, detectSpeech, backlog, modelDir, recognitionThreads, decoding);
  }

  public RelaySettings withRelayOnlyNumbers(Set<String> numbers) {
    return new RelaySettings(greeting, greetingDelay, guard, pause, idleHangup, numbers, detectSpeech, backlog, modelDir, recognitionThreads, decoding);
  }
}
