package org.accessline.gateway.conversation;

/**
 * Marks a message as machine-transcribed speech: the engine that heard it and its confidence in the
 * words, from 0 to 1. A relay assistant's spoken words carry this; typed text never does.
 */
public record Transcription(String engine, double confidence) {
  public Transcription {
    if (engine == null || !engine.matches("[a-z][a-z0-9-]{0,31}")) throw new IllegalArgumentException("a transcription names its engine in lower case");
    if (!(confidence >= 0 && confidence <= 1)) throw new IllegalArgumentException("confidence is between 0 and 1");
  }
}
