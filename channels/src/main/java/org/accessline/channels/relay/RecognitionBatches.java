package org.accessline.channels.relay;

import java.util.ArrayList;
import java.util.List;

/**
 * How a call's queued audio goes into its recogniser: in chunks of up to {@link #CHUNK_SAMPLES}.
 * Each call into the recogniser, and the partial result it computes after each, has a cost of its
 * own, so feeding 20 ms frames one by one costs far more than the audio itself.
 */
public final class RecognitionBatches {
  /** 200 ms of 8 kHz audio. */
  public static final int CHUNK_SAMPLES = 1600;

  private RecognitionBatches() {}

  /** Feeds the frames, in order, and returns what was heard. */
  public static List<SpeechRecognizer.Heard> recognise(SpeechRecognizer.Transcriber transcriber, List<short[]> frames) {
    List<SpeechRecognizer.Heard> heard = new ArrayList<>();
    short[] chunk = new short[CHUNK_SAMPLES];
    int filled = 0;
    for (short[] frame : frames) {
      int from = 0;
      while (from < frame.length) {
        int n = Math.min(frame.length - from, CHUNK_SAMPLES - filled);
        System.arraycopy(frame, from, chunk, filled, n);
        filled += n;
        from += n;
        if (filled == CHUNK_SAMPLES) {
          heard.addAll(transcriber.accept(chunk, 0, filled));
          filled = 0;
        }
      }
    }
    if (filled > 0) heard.addAll(transcriber.accept(chunk, 0, filled));
    return heard;
  }
}
