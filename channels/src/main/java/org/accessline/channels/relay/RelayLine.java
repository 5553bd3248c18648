package org.accessline.channels.relay;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.accessline.channels.tty.TurnEnd;

/**
 * One relay call's etiquette, without sockets or threads: it turns the recogniser's utterances
 * into the resident's turns, the assistant's annotations and introductions, and decides when we may
 * speak. We never speak while the assistant is speaking, mid-utterance, or has words waiting for
 * "go ahead"; silence alone never ends the call before the configured idle time (at least ten
 * minutes). Every time is in milliseconds on the call's audio clock.
 */
public final class RelayLine {
  static final String GREETING_ID = "greeting";
  static final String FAREWELL_ID = "farewell";
  static final String IDLE_FAREWELL = "No one has spoken for a while, so we are ending this call. Please call again any time. Stop keying.";
  /** A lost playback report must not silence us forever; speech runs at about 2.5 words a second. */
  private static final long PLAYBACK_SLACK_MS = 5_000;
  private static final long MS_PER_WORD = 450;
  private static final long SYNTHESIS_SLACK_MS = 60_000;
  /** After our speech has played, the line's echo of it dies away within this. */
  static final long ECHO_GUARD_MS = 300;

  private final RelaySettings settings;
  private final StringBuilder turn = new StringBuilder();
  private double turnConfidence;
  private int turnWords;
  private int turns;
  private int annotations;
  private int assistants;
  private Optional<RelayAssistantId.Identity> assistant = Optional.empty();

  private boolean voice;
  private boolean midUtterance;
  private long lastVoiceAt = Long.MIN_VALUE / 2;
  private long lastWordsAt;
  private boolean recognitionPending;
  private final ArrayDeque<RelayAction.Speak> queue = new ArrayDeque<>();
  private RelayAction.Speak playing;
  private long playingUntil;
  private long deafUntil;
  private long answeredAt = -1;
  private boolean greeted;
  private long lastActivityAt;
  private boolean endingCall;

  public RelayLine(RelaySettings settings) {
    this.settings = settings;
  }

  public List<RelayAction> answered(long now) {
    answeredAt = now;
    lastActivityAt = now;
    return tick(now);
  }

  /** The call was already under way (an agent switched it to relay): no greeting, the conversation goes on. */
  public List<RelayAction> joined(long now) {
    greeted = true;
    return answered(now);
  }

  /**
   * Told to the assistant when the call came back on a new stream after the gateway node carrying it
   * was lost: the line is ours for a moment, then theirs again.
   */
  public static final String RECONNECTED = "The line was reconnected. Go ahead.";
  static final String RECONNECTED_ID = "reconnected";

  /**
   * The call came back on a new stream: not greeted again, the assistant already identified is kept
   * (so repeating their introduction records nothing new), and the assistant hears that the line is
   * back, after which it is their turn. What they said on the lost stream and was not yet a turn is
   * not known here; they say it again after "go ahead".
   */
  public List<RelayAction> reconnected(long now, Optional<RelayAssistantId.Identity> identified) {
    greeted = true;
    assistant = identified;
    answeredAt = now;
    lastActivityAt = now;
    queue.addFirst(new RelayAction.Speak(RECONNECTED_ID, RECONNECTED, false));
    return tick(now);
  }

  /** Whether the assistant is speaking, mid-utterance, or has relayed words not yet ended by "go ahead". */
  public boolean assistantMidTurn() {
    return voice || midUtterance || turn.length() > 0;
  }

  /**
   * Whether what the line carries now is the assistant's: not while our own speech plays, nor
   * during the echo guard after. The line is half-duplex, as a TTY line is; relay assistants wait
   * for "go ahead" before they speak.
   */
  public boolean listening(long now) {
    return playing == null && now >= deafUntil;
  }

  /** The voice detector's view of the line: sound of speech, or quiet. */
  public List<RelayAction> voice(boolean speaking, long now) {
    if (speaking) {
      lastVoiceAt = now;
      lastActivityAt = now;
    } else if (voice) {
      lastVoiceAt = now;
    }
    voice = speaking;
    return tick(now);
  }

  /**
   * Whether audio the line has carried is still waiting for the recogniser. While it is, quiet on
   * the call's clock says nothing about the end of a turn: its last words may be in that audio.
   */
  public void recognitionPending(boolean pending) {
    recognitionPending = pending;
  }

  /** The recogniser has words of an utterance not yet final. */
  public void partial(long now) {
    midUtterance = true;
    lastActivityAt = now;
  }

  /** An utterance's final words. */
  public List<RelayAction> heard(String text, double confidence, long now) {
    midUtterance = false;
    lastActivityAt = now;
    lastVoiceAt = Math.max(lastVoiceAt, now);
    List<RelayAction> out = new ArrayList<>();
    Optional<RelayAssistantId.Identity> id = RelayAssistantId.in(text);
    if (id.isPresent()) {
      // An introduction is the assistant speaking for themselves, not for the resident.
      boolean replacing = assistant.isPresent();
      if (!replacing || !sameAssistant(assistant.get(), id.get())) {
        out.add(new RelayAction.AssistantIdentified(++assistants, id.get(), replacing));
        assistant = id;
      }
      out.addAll(tick(now));
      return out;
    }
    for (RelayText.Part part : RelayText.split(text)) {
      if (part instanceof RelayText.Part.Annotation a) {
        out.add(new RelayAction.Annotation(++annotations, a.text()));
      } else if (part instanceof RelayText.Part.Words w) {
        if (turn.length() > 0) turn.append(' ');
        turn.append(w.text());
        int words = w.text().split("\\s+").length;
        turnConfidence += confidence * words;
        turnWords += words;
        lastWordsAt = now;
      }
    }
    Optional<TurnEnd> end = RelayText.ending(turn.toString());
    if (end.isPresent()) out.add(endTurn(end.get()));
    out.addAll(tick(now));
    return out;
  }

  private static boolean sameAssistant(RelayAssistantId.Identity a, RelayAssistantId.Identity b) {
    // The same assistant repeating their introduction gives the same number, or none at all.
    return b.number().isEmpty() || Objects.equals(a.number(), b.number());
  }

  /** Queues a reply; it is spoken once the assistant's turn is over. */
  public List<RelayAction> reply(String id, String text, long now) {
    queue.add(new RelayAction.Speak(id, text, false));
    return tick(now);
  }

  /**
   * Our speech for {@code id} went out on the line, {@code audioMs} long. Until then it was being
   * synthesised; from now its playback is expected to end within its length and some slack.
   */
  public void started(String id, long audioMs, long now) {
    if (playing != null && playing.id().equals(id)) playingUntil = now + audioMs + PLAYBACK_SLACK_MS;
  }

  /** The far end has played {@code id}. */
  public List<RelayAction> played(String id, long now) {
    if (playing == null || !playing.id().equals(id)) return List.of();
    playing = null;
    deafUntil = now + ECHO_GUARD_MS;
    lastActivityAt = now;
    return tick(now);
  }

  /** Drops what is playing, if anything, so the agent can take it back. */
  public Optional<String> stopPlaying() {
    if (playing == null) return Optional.empty();
    String id = playing.id();
    playing = null;
    deafUntil = 0;
    return Optional.of(id);
  }

  public boolean withdraw(String id) {
    return queue.removeIf(s -> s.id().equals(id));
  }

  /** The call ended: words relayed without "go ahead" still reach the agent. */
  public List<RelayAction> hungUp() {
    List<RelayAction> out = new ArrayList<>();
    if (turn.length() > 0) out.add(endTurn(TurnEnd.CALL_ENDED));
    return out;
  }

  public List<RelayAction> tick(long now) {
    List<RelayAction> out = new ArrayList<>(1);
    if (turn.length() > 0 && !voice && !midUtterance && !recognitionPending && now - Math.max(lastWordsAt, lastVoiceAt) >= settings.pause().toMillis()) {
      out.add(endTurn(TurnEnd.PAUSE));
    }
    if (!greeted && answeredAt >= 0 && now - answeredAt >= settings.greetingDelay().toMillis()) {
      greeted = true;
      queue.addFirst(new RelayAction.Speak(GREETING_ID, settings.greeting(), false));
    }
    if (!endingCall && playing == null && now - lastActivityAt >= settings.idleHangup().toMillis()) {
      endingCall = true;
      queue.clear();
      queue.add(new RelayAction.Speak(FAREWELL_ID, IDLE_FAREWELL, true));
    }
    if (playing != null && now > playingUntil) {
      playing = null;
      deafUntil = now + ECHO_GUARD_MS;
    }
    if (playing == null && !queue.isEmpty() && maySpeak(now)) {
      playing = queue.poll();
      // Generous until the audio is made and sent (started), so a slow synthesis never opens the line to our own echo.
      playingUntil = now + playing.text().split("\\s+").length * MS_PER_WORD + PLAYBACK_SLACK_MS + SYNTHESIS_SLACK_MS;
      lastActivityAt = now;
      out.add(playing);
    }
    return out;
  }

  private boolean maySpeak(long now) {
    return !voice && !midUtterance && turn.length() == 0 && now >= deafUntil && now - lastVoiceAt >= settings.guard().toMillis();
  }

  private RelayAction.ResidentSaid endTurn(TurnEnd end) {
    String text = turn.toString().strip();
    double confidence = turnWords == 0 ? 0 : turnConfidence / turnWords;
    turn.setLength(0);
    turnConfidence = 0;
    turnWords = 0;
    return new RelayAction.ResidentSaid(++turns, text, confidence, end);
  }
}
