package org.accessline.gateway.channel;

import org.accessline.gateway.conversation.Channel;

/**
 * What the stream and the channels report for operators to count. The stream and the adapters call
 * it as things happen; how it is counted and published (Micrometer, Prometheus) is the application's
 * business, so the decisions and the stream stay free of any metrics library. Calls must be cheap and
 * safe from any thread.
 */
public interface GatewayMeter {

  /** A resident's message was stored. */
  void messageIn(Channel channel);

  /** A message for a resident was handed to its channel. */
  void messageOut(Channel channel);

  /** One append to the store took this long, from the call to the durable answer. */
  void appended(long nanos);

  /** A conversation ran past a time limit ({@code limit} as {@link org.accessline.gateway.conversation.Breach}'s path). */
  void timeLimitPassed(String limit);

  /** The TTY decoder heard the start of this many characters whose bits were not clear, and dropped them. */
  void decoderCharactersDropped(int count);

  /** One request to Twilio's REST API ended: {@code outcome} is {@code ok}, {@code retry}, {@code failed} or {@code unanswered}. */
  void twilioApiCall(String outcome);

  /** Counts nothing: for tests of the stream and the channels, and a gateway with metrics off. */
  GatewayMeter NONE = new GatewayMeter() {
    @Override public void messageIn(Channel channel) {}
    @Override public void messageOut(Channel channel) {}
    @Override public void appended(long nanos) {}
    @Override public void timeLimitPassed(String limit) {}
    @Override public void decoderCharactersDropped(int count) {}
    @Override public void twilioApiCall(String outcome) {}
  };
}
