package org.accessline.channels.relay;

import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.accessline.channels.tty.HandOver;
import org.accessline.channels.tty.SpeechLine;
import org.accessline.channels.tty.TtyCalls;
import org.accessline.gateway.channel.Intake;

/**
 * The relay side of the TTY line: takes over a call's stream when it turns out to be speech (or
 * was made to a relay-only number) and runs it as a relay call. The speech engines load once, in
 * the background; a call that arrives before they are ready keeps its audio queued until they are.
 */
public final class RelayCalls implements SpeechLine {
  private static final Logger LOG = LoggerFactory.getLogger(RelayCalls.class);
  private final Intake intake;
  private final TtyCalls calls;
  private final RelaySettings settings;
  private final Future<RelaySpeech> speech;

  public RelayCalls(Intake intake, TtyCalls calls, RelaySettings settings, Future<RelaySpeech> speech) {
    this.intake = intake;
    this.calls = calls;
    this.settings = settings;
    this.speech = speech.onFailure(e -> LOG.error("relay speech could not load, so relay calls get no transcription: " + e.getMessage()));
  }

  @Override
  public void takeOver(HandOver handOver) {
    RelayCallSession.start(handOver, intake, calls, settings, speech);
  }
}
