package org.accessline.channels.relay;

/**
 * Text to speech for calls: 8 kHz 16-bit samples, ready for μ-law. Implementations may block and
 * need not be thread-safe for concurrent calls: callers run them off the event loop, one at a time.
 */
public interface SpeechSynthesizer extends AutoCloseable {

  /** The words spoken at 8 kHz. */
  short[] speak(String text);

  @Override
  void close();
}
