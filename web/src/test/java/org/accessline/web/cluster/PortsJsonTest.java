package org.accessline.web.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accessline.gateway.channel.Desk;
import org.accessline.gateway.channel.Intake;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.routing.AgentProfile;
import org.accessline.gateway.routing.AgentView;
import org.accessline.gateway.routing.Presence;
import org.accessline.gateway.signal.StreamSignal;
import org.junit.jupiter.api.Test;

/** What the nodes of a cluster say to the owner, and it answers, survives the trip as JSON. */
class PortsJsonTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void everyArgumentAndAnswerOfThePortsCanCrossTheWire() throws Exception {
    for (Class<?> port : List.of(Intake.class, Desk.class)) {
      for (Method m : port.getMethods()) {
        if (m.isDefault()) continue;
        for (Type t : m.getGenericParameterTypes()) assertTrue(PortsJson.knows(t), port.getSimpleName() + "." + m.getName() + " takes " + t);
        Type answer = ((ParameterizedType) m.getGenericReturnType()).getActualTypeArguments()[0];
        assertEquals(Future.class, ((ParameterizedType) m.getGenericReturnType()).getRawType());
        assertTrue(PortsJson.knows(answer), port.getSimpleName() + "." + m.getName() + " answers " + answer);
      }
    }
  }

  @Test
  void aConversationsStateComesBackEqual() throws Exception {
    ConversationId id = ConversationId.random();
    Contact contact = new Contact(Channel.SMS, "+15550001111");
    Participant resident = Participant.resident(contact);
    ConversationState state = ConversationState.replay(List.of(
        new Entry(id, 1, T0, resident, new ConversationEvent.Opened(contact), Optional.empty()),
        new Entry(id, 2, T0, Participant.SYSTEM, new ConversationEvent.Queued(T0, "waiting"), Optional.empty()),
        new Entry(id, 3, T0.plusSeconds(1), resident, new ConversationEvent.MessagePosted("streetlight out"), Optional.of("sms:SM1"))));
    assertRoundTrip(returnOf(Desk.class, "openConversation"), Optional.of(state));
    assertRoundTrip(returnOf(Desk.class, "assignedTo"), List.of(state, state));
    assertRoundTrip(returnOf(Desk.class, "floorView"), new Desk.FloorView(List.of(new AgentView(new AgentId("maria"), "Maria", Presence.AVAILABLE, 2, 4)),
        List.of(state)));
    assertRoundTrip(returnOf(Intake.class, "entries"), List.of(new Entry(id, 3, T0, resident, new ConversationEvent.MessagePosted("hi"), Optional.of("k"))));
  }

  @Test
  void signalsProfilesAndFiledDetailsComeBackEqual() throws Exception {
    ConversationId id = ConversationId.random();
    assertRoundTrip(returnOf(Desk.class, "offersFor"), List.of(new StreamSignal.Offered(id, new AgentId("lee"), "sms", T0, Optional.empty(), "")));
    assertRoundTrip(returnOf(Intake.class, "placeInLine"), Optional.of(new StreamSignal.QueuePosition(id, 3, Optional.of(Duration.ofSeconds(90)))));
    assertRoundTrip(AgentProfile.class, new AgentProfile(new AgentId("lee"), "Lee", 4, Set.of("tty", "es")));
    assertRoundTrip(ConversationEvent.DetailsSet.class, new ConversationEvent.DetailsSet(Optional.of("streets"), List.of("lighting"), Optional.empty(),
        Optional.empty(), Optional.of(LocalDate.parse("2026-12-01")), Optional.empty(), Optional.empty()));
    assertRoundTrip(returnOf(Intake.class, "latestConversation"), Optional.<ConversationId>empty());
  }

  @Test
  void aTypeWithNoJsonFormIsRefusedLoudly() {
    assertFalse(PortsJson.knows(Object.class));
    assertThrows(IllegalArgumentException.class, () -> PortsJson.encode(Object.class, new Object()));
  }

  private static Type returnOf(Class<?> port, String name) {
    for (Method m : port.getMethods()) {
      if (m.getName().equals(name) && !m.isDefault()) return ((ParameterizedType) m.getGenericReturnType()).getActualTypeArguments()[0];
    }
    throw new AssertionError("no " + name);
  }

  private static void assertRoundTrip(Type type, Object value) {
    Object json = PortsJson.encode(type, value);
    // Across nodes the JSON travels as text.
    Object wire = json instanceof JsonObject o ? new JsonObject(o.encode()) : json instanceof JsonArray a ? new JsonArray(a.encode()) : json;
    assertEquals(value, PortsJson.decode(type, wire));
  }
}
