package org.accessline.gateway.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Attachment;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.conversation.SampleCoverage;
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

  /** One sample of every signal, and of each optional field both present and absent. */
  private List<StreamSignal> everySignal() {
    Instant at = Instant.parse("2026-11-22T10:00:00.123Z");
    AgentId maria = new AgentId("maria");
    return List.of(
        new StreamSignal.EntryAdded(new Entry(id, 3, at, Participant.resident(new Contact(Channel.SMS, "+15551234567")),
            new ConversationEvent.MessagePosted("Árbol caído en la calle 5 🌳", List.of(new Attachment("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
                "image/jpeg"))), Optional.of("sms:SM0123456789abcdef0123456789abcdef"))),
        new StreamSignal.EntryAdded(new Entry(id, 4, at, Participant.SYSTEM, new ConversationEvent.Queued(at, "waiting for an agent"), Optional.empty())),
        new StreamSignal.Typing(id, Participant.resident(new Contact(Channel.WEBCHAT, "web:3f9a")), false),
        new StreamSignal.Typing(id, Participant.resident(new Contact(Channel.RELAY, "+15551234567")), true, java.util.Optional.of("my street light is")),
        new StreamSignal.QueueLength(0),
        new StreamSignal.QueuePosition(id, 3, Optional.of(Duration.ofSeconds(270))),
        new StreamSignal.QueuePosition(id, 1, Optional.empty()),
        new StreamSignal.Offered(id, maria, "tty", at.plusSeconds(30)),
        new StreamSignal.Offered(id, maria, "tty", at.plusSeconds(30), Optional.empty(), "A note without a transfer"),
        new StreamSignal.Offered(id, maria, "sms", at.plusSeconds(30), Optional.of("lee"), "Wants the permit desk"),
        new StreamSignal.OfferWithdrawn(id, maria, "lapsed"),
        new StreamSignal.Alert(id, ConversationEvent.Escalated.EMERGENCY, "The 911 guidance could not be sent.", at),
        new StreamSignal.Counted(StreamSignal.Counted.ANSWERED, id, "webchat", "", Optional.of(maria), 12_345, at),
        new StreamSignal.Counted(StreamSignal.Counted.ABANDONED, id, "tty", "permits", Optional.empty(), 0, at));
  }

  @Test
  void everyPermittedSignalHasASampleAndCrossesTheWireAsJsonAndLocally() {
    List<StreamSignal> signals = everySignal();
    SampleCoverage.assertCovers(StreamSignal.class, signals);
    for (StreamSignal signal : signals) {
      String name = signal.getClass().getSimpleName();
      Buffer wire = Buffer.buffer("prefix");
      codec.encodeToWire(wire, signal);
      assertEquals(signal, codec.decodeFromWire("prefix".length(), wire), name + " over the wire");
      assertEquals(signal, StreamSignal.fromJson(new JsonObject(signal.toJson().encode())), name + " as JSON");
      assertSame(signal, codec.transform(signal), name + " locally");
    }
  }

  @Test
  void eachSignalHasItsOwnTypeName() {
    Set<String> types = new HashSet<>();
    for (StreamSignal signal : everySignal()) types.add(signal.toJson().getString("type"));
    Set<Class<?>> kinds = new HashSet<>();
    for (StreamSignal signal : everySignal()) kinds.add(signal.getClass());
    assertEquals(kinds.size(), types.size(), "two signals share a type name: " + types);
  }

  @Test
  void aSignalOfAnUnknownTypeIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> StreamSignal.fromJson(new JsonObject().put("type", "teleport")));
  }

  @Test
  void localConsumersGetThePublishedObjectItself() {
    StreamSignal signal = new StreamSignal.QueueLength(3);
    assertSame(signal, codec.transform(signal));
  }
}
