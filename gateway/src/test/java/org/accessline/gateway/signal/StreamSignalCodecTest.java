package org.accessline.gateway.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.junit.jupiter.api.Test;

class StreamSignalCodecTest {
  private final StreamSignalCodec codec = new StreamSignalCodec();
  private final ConversationId id = ConversationId.random();

  @Test
  void everySignalCrossesTheWireIntact() {
    List<StreamSignal> signals = List.of(
        new StreamSignal.EntryAdded(new Entry(id, 7, Instant.parse("2026-11-22T10:00:00.123Z"), Participant.agent(new AgentId("maria"), "Maria"),
            new ConversationEvent.MessagePosted("On our way"), Optional.of("agent:maria:c1"))),
        new StreamSignal.Typing(id, Participant.agent(new AgentId("lee"), "Lee"), true),
        new StreamSignal.QueueLength(12));
    for (StreamSignal signal : signals) {
      Buffer wire = Buffer.buffer("prefix");
      codec.encodeToWire(wire, signal);
      assertEquals(signal, codec.decodeFromWire("prefix".length(), wire));
    }
  }

  @Test
  void localConsumersGetThePublishedObjectItself() {
    StreamSignal signal = new StreamSignal.QueueLength(3);
    assertSame(signal, codec.transform(signal));
  }
}
