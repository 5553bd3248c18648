package org.accessline.channels.relay;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One call's audio on its way to the recogniser. It lets through speech, the quiet just before it
 * ({@link #PRE_ROLL_FRAMES}) and up to {@link #TRAILING_QUIET_MS} after it (to close the utterance),
 * so the long silences of a relay call cost the recogniser nothing. What it lets through waits, in
 * order, and leaves in batches of at most {@link #BATCH_SAMPLES}: a call far behind takes its turn
 * on the shared workers a second of audio at a time, and the other calls' turns come in between.
 * Nothing is ever dropped; past the backlog the caller is told to stop reading the stream, and to
 * read again once half of it is recognised. A batch waits for {@link #MIN_BATCH_SAMPLES} unless the
 * speech has ended: a worker's turn per 20 ms frame costs several times what the frame does.
 */
public final class RecognitionQueue {
  public static final int SAMPLE_RATE = 8000;
  public static final int TRAILING_QUIET_MS = 1500;
  public static final int PRE_ROLL_FRAMES = 20;
  /** One second of audio: about a fifth of a second of a worker's time. */
  public static final int BATCH_SAMPLES = SAMPLE_RATE;
  /** 200 ms: one chunk of {@link RecognitionBatches}; what it adds to the words' delay is well under the quiet that ends a turn. */
  public static final int MIN_BATCH_SAMPLES = RecognitionBatches.CHUNK_SAMPLES;

  private final long backlogSamples;
  private final ArrayDeque<short[]> preRoll = new ArrayDeque<>();
  private final ArrayDeque<short[]> waiting = new ArrayDeque<>();
  private long quietSamples = Long.MAX_VALUE / 2;
  private long waitingSamples;
  private long queuedSamples;
  private long passedSamples;
  private boolean paused;

  /** What the caller is to do with its stream after a frame or a batch. */
  public enum Flow { READ_ON, PAUSE, RESUME }

  public RecognitionQueue(long backlogSamples) {
    this.backlogSamples = backlogSamples;
  }

  /** A frame off the line, and whether the line counts as speaking at its end. */
  public Flow frame(short[] pcm, boolean speaking) {
    if (speaking) {
      while (!preRoll.isEmpty()) add(preRoll.poll());
      quietSamples = 0;
      add(pcm);
    } else if (quietSamples < (long) TRAILING_QUIET_MS * SAMPLE_RATE / 1000) {
      quietSamples += pcm.length;
      add(pcm);
    } else {
      preRoll.add(pcm);
      if (preRoll.size() > PRE_ROLL_FRAMES) preRoll.poll();
    }
    return flow();
  }

  /** Audio that goes to the recogniser whatever it sounds like (what was heard before the call became a relay call). */
  public Flow always(short[] pcm) {
    add(pcm);
    return flow();
  }

  private void add(short[] pcm) {
    waiting.add(pcm);
    waitingSamples += pcm.length;
    queuedSamples += pcm.length;
    passedSamples += pcm.length;
  }

  private Flow flow() {
    if (paused || waitingSamples <= backlogSamples) return Flow.READ_ON;
    paused = true;
    return Flow.PAUSE;
  }

  /** The next frames to recognise, oldest first, up to {@link #BATCH_SAMPLES}; empty when nothing waits. They stay counted as waiting until {@link #recognised}. */
  public List<short[]> nextBatch() {
    List<short[]> batch = new ArrayList<>();
    long size = 0;
    while (!waiting.isEmpty() && (batch.isEmpty() || size + waiting.peek().length <= BATCH_SAMPLES)) {
      short[] f = waiting.poll();
      queuedSamples -= f.length;
      batch.add(f);
      size += f.length;
    }
    return batch;
  }

  /** A batch from {@link #nextBatch} has been recognised. */
  public Flow recognised(List<short[]> batch) {
    for (short[] f : batch) waitingSamples -= f.length;
    if (paused && waitingSamples <= backlogSamples / 2) {
      paused = false;
      return Flow.RESUME;
    }
    return Flow.READ_ON;
  }

  public boolean isEmpty() {
    return waiting.isEmpty();
  }

  /** Whether a batch is worth a worker's turn now: enough audio, or the end of what this stretch of speech brings. */
  public boolean ready() {
    return queuedSamples >= MIN_BATCH_SAMPLES || (!waiting.isEmpty() && quietSamples >= (long) TRAILING_QUIET_MS * SAMPLE_RATE / 1000);
  }

  /** Audio queued and not yet recognised, in samples (including a batch being recognised). */
  public long waitingSamples() {
    return waitingSamples;
  }

  /** Audio let through to the recogniser so far, in samples. */
  public long passedSamples() {
    return passedSamples;
  }

  /** Drops what waits: for when there is no recogniser to hear it (the model could not load). */
  public void discard() {
    waiting.clear();
    waitingSamples = 0;
    queuedSamples = 0;
  }
}
