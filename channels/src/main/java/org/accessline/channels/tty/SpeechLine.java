package org.accessline.channels.tty;

/** Where a call goes when it turns out to be speech: the relay channel, when the gateway has speech recognition. */
public interface SpeechLine {
  /** Takes over the call's media stream; called on the socket's context. */
  void takeOver(HandOver handOver);
}
