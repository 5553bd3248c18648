package org.accessline.gateway.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.rules.Decision;
import org.accessline.gateway.rules.StreamCommand;
import org.accessline.gateway.rules.StreamRules;
import org.junit.jupiter.api.Test;

/** The registry of lines: by conversation and by contact, a new conversation on a resolved contact's line, and letting lines go. */
class LinesTest {
  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  private static final Contact TEXTER = new Contact(Channel.SMS, "+15551230000");
  private static final AgentId MARIA = new AgentId("maria");
  private final Lines lines = new Lines();

  private static List<Entry> decided(Optional<ConversationState> state, StreamCommand command, ConversationId fresh) {
    return ((Decision.Append) StreamRules.decide(state, command, T0, fresh)).entries();
  }

  @Test
  void aContactsFirstMessageOpensAConversationOnTheirLine() {
    Line line = lines.ofContact(TEXTER);
    assertSame(line, lines.ofContact(TEXTER));
    ConversationId id = ConversationId.random();
    ConversationState state = lines.advance(line, decided(line.state, new StreamCommand.ResidentMessage(TEXTER, "hello", "SM1"), id));
    assertEquals(id, state.id());
    assertSame(line, lines.of(id).orElseThrow());
    assertEquals(Optional.of(id), lines.latestOf(TEXTER));
    assertEquals(List.of(state), lines.open());
  }

  @Test
  void aResolvedContactWhoWritesAgainGetsANewConversationOnTheSameLineAndTheOldIdLetsGo() {
    Line line = lines.ofContact(TEXTER);
    ConversationId first = ConversationId.random();
    List<Entry> log = new ArrayList<>(decided(line.state, new StreamCommand.ResidentMessage(TEXTER, "hello", "SM1"), first));
    lines.advance(line, log);
    lines.advance(line, decided(line.state, new StreamCommand.Assign(first, MARIA, "Maria"), first));
    ConversationState resolved = lines.advance(line, decided(line.state, new StreamCommand.Resolve(first, Participant.agent(MARIA, "Maria"), "done"), first));
    assertTrue(resolved.resolved());
    assertEquals(List.of(), lines.open());
    ConversationId second = ConversationId.random();
    lines.advance(line, decided(line.state, new StreamCommand.ResidentMessage(TEXTER, "one more", "SM2"), second));
    assertEquals(Optional.empty(), lines.of(first));
    assertSame(line, lines.of(second).orElseThrow());
  }

  @Test
  void aLineIsLetGoOnlyWhenIdleAndOverAndItsContactIsForgottenWithIt() {
    Line line = lines.ofContact(TEXTER);
    ConversationId id = ConversationId.random();
    lines.advance(line, decided(line.state, new StreamCommand.ResidentMessage(TEXTER, "hello", "SM1"), id));
    assertEquals(Optional.empty(), lines.forgetIfFinished(line), "still open");
    lines.advance(line, decided(line.state, new StreamCommand.Assign(id, MARIA, "Maria"), id));
    lines.advance(line, decided(line.state, new StreamCommand.Resolve(id, Participant.agent(MARIA, "Maria"), "done"), id));
    assertEquals(Optional.of(TEXTER), lines.forgetIfFinished(line));
    assertEquals(Optional.empty(), lines.of(id));
    assertEquals(Optional.empty(), lines.latestOf(TEXTER));
  }

  @Test
  void aLineReadForAnUnknownIdIsLetGoEmpty() {
    ConversationId unknown = ConversationId.random();
    Line loading = lines.loading(unknown);
    assertSame(loading, lines.of(unknown).orElseThrow());
    assertEquals(Optional.empty(), lines.forgetIfFinished(loading), "no contact to forget");
    assertEquals(Optional.empty(), lines.of(unknown));
  }
}
