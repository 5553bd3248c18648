package org.accessline.channels.relay;

import java.util.List;

/**
 * Speech to text for calls. One instance serves every call (it holds the model); each call opens
 * its own {@link Transcriber}. Implementations may block: callers run them off the event loop.
 */
public interface SpeechRecognizer extends AutoCloseable {

  /** A recogniser for one call's 8 kHz audio. Used by one thread at a time. */
  Transcriber open();

  /** What the recogniser holds in memory for all calls, for the operator's information. */
  String describe();

  @Override
  void close();

  /** One call's recogniser. */
  interface Transcriber extends AutoCloseable {
    /** Feeds 8 kHz samples; returns what was recognised by now: partial text, or an utterance's final text. */
    List<Heard> accept(short[] pcm, int offset, int length);

    /** The last utterance's final text, if the call ended mid-utterance. */
    List<Heard> finish();

    @Override
    void close();
  }

  /** What a recogniser heard. */
  sealed interface Heard {
    /** The utterance so far; it may still change. */
    record Partial(String text) implements Heard {}

    /**
     * An utterance's final words, with the recogniser's confidence in them from 0 to 1 (the mean
     * of its per-word confidences), and where it ended in the call's audio, in milliseconds.
     */
    record Final(String text, double confidence) implements Heard {
      public Final {
        if (text == null) throw new IllegalArgumentException("a final result has text, perhaps empty");
        if (!(confidence >= 0 && confidence <= 1)) throw new IllegalArgumentException("confidence is between 0 and 1");
      }
    }
  }
}
