package org.accessline.web.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.accessline.gateway.channel.GatewayMeter;
import org.accessline.gateway.conversation.Channel;

/** The gateway's own counts, as Micrometer meters named {@code accessline_*}; meters are made once and kept. */
final class MicrometerGatewayMeter implements GatewayMeter {
  private final MeterRegistry registry;
  private final Timer appends;
  private final Counter decoderDropped;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  MicrometerGatewayMeter(MeterRegistry registry) {
    this.registry = registry;
    this.appends = Timer.builder("accessline.append").description("Time from an append's call to the store's durable answer")
        .publishPercentiles(0.5, 0.99).register(registry);
    this.decoderDropped = Counter.builder("accessline.tty.decoder.characters.dropped")
        .description("Characters the TTY decoder heard starting but dropped because their bits were not clear").register(registry);
  }

  @Override
  public void messageIn(Channel channel) {
    counter("accessline.messages.in", "channel", channel.name(), "Residents' messages stored").increment();
  }

  @Override
  public void messageOut(Channel channel) {
    counter("accessline.messages.out", "channel", channel.name(), "Messages handed to a channel for a resident").increment();
  }

  @Override
  public void appended(long nanos) {
    appends.record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void timeLimitPassed(String limit) {
    counter("accessline.time.limits.passed", "limit", limit, "Time limits conversations ran past").increment();
  }

  @Override
  public void decoderCharactersDropped(int count) {
    decoderDropped.increment(count);
  }

  @Override
  public void twilioApiCall(String outcome) {
    counter("accessline.twilio.api.calls", "outcome", outcome, "Requests to Twilio's REST API by outcome (retry: tried again)").increment();
  }

  private Counter counter(String name, String tag, String value, String description) {
    return counters.computeIfAbsent(name + '\u0000' + value, k -> Counter.builder(name).tag(tag, value).description(description).register(registry));
  }
}
