package org.accessline.channels.tty;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One TTY call's etiquette, without sockets or threads: it turns what the demodulator heard into
 * the caller's messages, and decides when the gateway may speak. A TTY line is half-duplex, so we
 * never transmit while the caller's carrier is up or their turn is unfinished, and we do not listen
 * to our own echo. Every time is in milliseconds on the call's audio clock.
 */
public final class TtyLine {
  static final String GREETING_ID = "greeting";
  static final String FAREWELL_ID = "farewell";
  static final String IDLE_FAREWELL = "NO ONE HAS TYPED FOR A WHILE SO WE ARE ENDING THIS CALL. PLEASE CALL AGAIN ANYTIME SKSK";
  /** A lost playback report must not silence us forever. */
  private static final long PLAYBACK_SLACK_MS = 5_000;

  private final TtyCallSettings settings;
  private final BaudotModulator timing;

  private final StringBuilder turn = new StringBuilder();
  private boolean carrier;
  private long lastCallerSoundAt = Long.MIN_VALUE / 2;
  private long lastCharAt;
  private int column;
  private boolean afterCr;
  private int turns;

  private final ArrayDeque<TtyAction.Transmit> queue = new ArrayDeque<>();
  private TtyAction.Transmit playing;
  private long playingUntil;
  private long deafUntil;
  private long answeredAt = -1;
  private boolean greeted;
  private long lastActivityAt;
  private boolean endingCall;

  public TtyLine(TtyCallSettings settings, ModemSettings modem) {
    this.settings = settings;
    this.timing = new BaudotModulator(modem);
  }

  /** Told to a caller whose call was moved to a new stream after the gateway node carrying it was lost or stopped. */
  public static final String RECONNECTED = "LINE RECONNECTED GA";
  static final String RECONNECTED_ID = "reconnected";

  /** The call came back on a new stream: the caller was greeted before, so they read that the line is back instead. */
  public List<TtyAction> reconnected(long now) {
    greeted = true;
    answeredAt = now;
    lastActivityAt = now;
    queue.addFirst(new TtyAction.Transmit(RECONNECTED_ID, RECONNECTED, false));
    return tick(now);
  }

  /** A call we placed was answered: we type first, {@code opening} in place of the greeting. */
  public List<TtyAction> calledOut(long now, String opening) {
    greeted = true;
    answeredAt = now;
    lastActivityAt = now;
    queue.addFirst(new TtyAction.Transmit(GREETING_ID, opening, false));
    return tick(now);
  }

  public List<TtyAction> answered(long now) {
    answeredAt = now;
    lastActivityAt = now;
    return tick(now);
  }

  /** Whether the caller's carrier is up or they have typed part of a turn. */
  public boolean callerMidTurn() {
    return carrier || !turn.toString().isBlank();
  }

  /** Whether received audio is the caller's: not while we play, nor during the echo guard after. */
  public boolean listening(long now) {
    return playing == null && now >= deafUntil;
  }

  public List<TtyAction> heard(ModemEvent event, long now) {
    if (event instanceof ModemEvent.CarrierUp) {
      carrier = true;
    } else if (event instanceof ModemEvent.CarrierDown) {
      carrier = false;
    } else if (event instanceof ModemEvent.Received r) {
      lastCharAt = now;
      received(r.character());
    }
    lastCallerSoundAt = now;
    lastActivityAt = now;
    return tick(now);
  }

  /** Queues a reply; it goes out once the caller's turn is over. */
  public List<TtyAction> reply(String id, String ttyText, long now) {
    queue.add(new TtyAction.Transmit(id, ttyText, false));
    return tick(now);
  }

  /** The far end has played {@code id}; a report for audio that was dropped is ignored. */
  public List<TtyAction> played(String id, long now) {
    if (playing == null || !playing.id().equals(id)) return List.of();
    playing = null;
    deafUntil = now + settings.echoGuard().toMillis();
    lastActivityAt = now;
    return tick(now);
  }

  /** Drops what is playing, if anything, so the agent can take it back. Returns its id. */
  public Optional<String> stopPlaying(long now) {
    if (playing == null) return Optional.empty();
    String id = playing.id();
    playing = null;
    deafUntil = now + settings.echoGuard().toMillis();
    return Optional.of(id);
  }

  /** Whether something of ours is playing now. */
  public boolean playing() {
    return playing != null;
  }

  /**
   * The caller started typing over what is playing: it is dropped, and we listen at once, with
   * no echo guard, since the caller's tones are what the line now carries. Returns what was cut.
   */
  public Optional<TtyAction.Transmit> callerBargedIn(long now) {
    if (playing == null) return Optional.empty();
    TtyAction.Transmit cut = playing;
    playing = null;
    deafUntil = now;
    if (FAREWELL_ID.equals(cut.id())) endingCall = false;
    lastCallerSoundAt = now;
    lastActivityAt = now;
    return Optional.of(cut);
  }

  /** Removes a reply that has not started playing. */
  public boolean withdraw(String id) {
    return queue.removeIf(t -> t.id().equals(id));
  }

  /** The call ended: whatever the caller typed last still reaches the agent. */
  public List<TtyAction> hungUp() {
    List<TtyAction> out = new ArrayList<>();
    if (!turn.toString().isBlank()) out.add(endTurn(TurnEnd.CALL_ENDED));
    return out;
  }

  public List<TtyAction> tick(long now) {
    List<TtyAction> out = new ArrayList<>(1);
    if (!turn.toString().isBlank()) {
      long quiet = now - lastCharAt;
      Optional<TurnEnd> end = finalWord(turn);
      if (end.isPresent() && quiet >= settings.turnEnd().toMillis()) out.add(endTurn(end.get()));
      else if (lineEnded && quiet >= settings.turnEnd().toMillis()) out.add(endTurn(TurnEnd.LINE_END));
      else if (quiet >= settings.pause().toMillis()) out.add(endTurn(TurnEnd.PAUSE));
    }
    if (!greeted && answeredAt >= 0 && now - answeredAt >= settings.greetingDelay().toMillis()) {
      greeted = true;
      queue.addFirst(new TtyAction.Transmit(GREETING_ID, settings.greeting(), false));
    }
    if (!endingCall && now - lastActivityAt >= settings.idleHangup().toMillis() && playing == null) {
      endingCall = true;
      queue.clear();
      queue.add(new TtyAction.Transmit(FAREWELL_ID, IDLE_FAREWELL, true));
    }
    if (playing != null && now > playingUntil) played(playing.id(), now);
    if (playing == null && !queue.isEmpty() && mayTransmit(now)) {
      playing = queue.poll();
      playingUntil = now + timing.transmitTime(TtyReply.onTheLine(playing.ttyText())).toMillis() + PLAYBACK_SLACK_MS;
      lastActivityAt = now;
      out.add(playing);
    }
    return out;
  }

  private boolean mayTransmit(long now) {
    return !carrier && turn.toString().isBlank() && now >= deafUntil && now - lastCallerSoundAt >= settings.guard().toMillis();
  }

  private void received(char c) {
    if (c == Baudot.BELL) return;
    if (c == '\n' && afterCr) {
      afterCr = false;
      return;
    }
    afterCr = c == '\r';
    if (c == '\r' || c == '\n') {
      boolean wrapped = column >= settings.wrapColumns();
      column = 0;
      if (wrapped) {
        appendSpace();
      } else if (!turn.toString().isBlank()) {
        if (!lineEnded) turn.append('\n');
        lineEnded = true;
      }
      return;
    }
    column++;
    if (c == ' ') {
      appendSpace();
      return;
    }
    lineEnded = false;
    turn.append(c);
  }

  /** The caller pressed return. Unless they go on typing at once, that ends the message. */
  private boolean lineEnded;

  private void appendSpace() {
    if (turn.length() > 0 && !Character.isWhitespace(turn.charAt(turn.length() - 1))) turn.append(' ');
  }

  private TtyAction.CallerSaid endTurn(TurnEnd end) {
    String text = turn.toString().strip();
    turn.setLength(0);
    lineEnded = false;
    return new TtyAction.CallerSaid(++turns, text, end);
  }

  /** The turn-taking word the text ends with, if any. */
  static Optional<TurnEnd> finalWord(CharSequence text) {
    String t = text.toString().toUpperCase(Locale.ROOT).replaceAll("[\\s.!]+$", "");
    if (t.equals("GA OR SK") || t.endsWith(" GA OR SK")) return Optional.of(TurnEnd.GO_AHEAD_OR_STOP);
    if (endsWithWord(t, "SKSK") || endsWithWord(t, "SK SK")) return Optional.of(TurnEnd.HANGING_UP);
    if (endsWithWord(t, "SK")) return Optional.of(TurnEnd.STOP_KEYING);
    if (endsWithWord(t, "GA")) return Optional.of(TurnEnd.GO_AHEAD);
    return Optional.empty();
  }

  private static boolean endsWithWord(String text, String word) {
    return text.equals(word) || text.endsWith(" " + word);
  }
}
