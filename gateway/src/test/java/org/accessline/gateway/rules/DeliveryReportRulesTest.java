package org.accessline.gateway.rules;

import org.accessline.gateway.conversation.ConversationState;
import org.accessline.gateway.channel.Refusal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.DeliveryStatus;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.EntryJson;
import org.accessline.gateway.conversation.Participant;
import org.junit.jupiter.api.Test;

/** Delivery reports arrive late, twice, out of order and, if forged, for the wrong message: the record only ever moves forward. */
class DeliveryReportRulesTest {
  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  private static final Contact RESIDENT = new Contact(Channel.SMS, "+15551230000");
  private static final AgentId MARIA = new AgentId("maria");
  private static final String SID = "SM0123456789abcdef0123456789abcdef";
  private final ConversationId id = ConversationId.random();
  private final List<Entry> log = new ArrayList<>();
  private ConversationState state;

  /** A conversation whose agent has replied: the reply is the last entry. */
  private long replied() {
    apply(new StreamCommand.ResidentMessage(RESIDENT, "pothole", "sms:1"));
    apply(new StreamCommand.Assign(id, MARIA, "Maria"));
    apply(new StreamCommand.AgentMessage(id, Participant.agent(MARIA, "Maria"), "On it.", Optional.empty()));
    return state.lastSeq();
  }

  private Decision decide(StreamCommand command) {
    return StreamRules.decide(Optional.ofNullable(state), command, T0.plusSeconds(log.size()), id);
  }

  private void apply(StreamCommand command) {
    log.addAll(assertInstanceOf(Decision.Append.class, decide(command)).entries());
    state = ConversationState.replay(log);
  }

  private StreamCommand.RecordDelivery report(long seq, DeliveryStatus status, String sid) {
    return new StreamCommand.RecordDelivery(id, seq, status, "", Optional.of(sid + ":" + status.wireName()), Optional.of(sid));
  }

  @Test
  void theLatticeOrdersTwiliosStatuses() {
    assertTrue(DeliveryStatus.SENT.advancesFrom(DeliveryStatus.QUEUED));
    assertTrue(DeliveryStatus.QUEUED.advancesFrom(DeliveryStatus.UNKNOWN));
    assertTrue(DeliveryStatus.DELIVERED.advancesFrom(DeliveryStatus.UNDELIVERED), "a carrier's receipt outranks a report it failed");
    assertFalse(DeliveryStatus.FAILED.advancesFrom(DeliveryStatus.DELIVERED));
    assertFalse(DeliveryStatus.UNDELIVERED.advancesFrom(DeliveryStatus.FAILED), "the first final failure stands");
    assertFalse(DeliveryStatus.SENT.advancesFrom(DeliveryStatus.SENT));
    assertFalse(DeliveryStatus.UNKNOWN.advancesFrom(DeliveryStatus.QUEUED));
  }

  @Test
  void aReportThatIsNotFurtherAlongChangesNothing() {
    long reply = replied();
    apply(report(reply, DeliveryStatus.QUEUED, SID));
    long queuedAt = state.lastSeq();
    apply(report(reply, DeliveryStatus.DELIVERED, SID));
    long deliveredAt = state.lastSeq();
    for (DeliveryStatus late : new DeliveryStatus[] {DeliveryStatus.SENT, DeliveryStatus.FAILED, DeliveryStatus.UNDELIVERED, DeliveryStatus.SENDING}) {
      assertEquals(new Decision.AlreadyRecorded(deliveredAt), decide(report(reply, late, SID)), late.wireName());
    }
    assertEquals(new Decision.AlreadyRecorded(queuedAt), decide(report(reply, DeliveryStatus.QUEUED, SID)), "a repeat is found by its key");
    apply(report(reply, DeliveryStatus.READ, SID));
    assertEquals(DeliveryStatus.READ, state.deliveries().get(reply).status());
  }

  private StreamCommand.RecordDelivery callback(long seq, DeliveryStatus status, String sid) {
    return new StreamCommand.RecordDelivery(id, seq, status, "", Optional.of(sid + ":" + status.wireName()), Optional.of(sid), true);
  }

  @Test
  void aCallbackSpeaksOnlyOfAMessageTheProviderTook() {
    long reply = replied();
    assertEquals(new Decision.Refused(Refusal.UNKNOWN_MESSAGE), decide(callback(1, DeliveryStatus.UNDELIVERED, SID)), "the opening entry");
    assertEquals(new Decision.Refused(Refusal.UNKNOWN_MESSAGE), decide(callback(2, DeliveryStatus.FAILED, SID)), "the resident's own message");
    assertEquals(new Decision.Refused(Refusal.UNKNOWN_MESSAGE), decide(callback(reply, DeliveryStatus.SENT, SID)), "a reply not yet handed over");
    apply(new StreamCommand.RecordDelivery(id, reply, DeliveryStatus.FAILED, "HTTP 500 after 5 tries", Optional.empty()));
    assertEquals(new Decision.Refused(Refusal.OTHER_MESSAGE), decide(callback(reply, DeliveryStatus.DELIVERED, SID)), "a reply the provider never took");
  }

  @Test
  void aCallbackForAReplyTheProviderTookIsRecorded() {
    long reply = replied();
    apply(report(reply, DeliveryStatus.QUEUED, SID));
    apply(callback(reply, DeliveryStatus.DELIVERED, SID));
    assertEquals(DeliveryStatus.DELIVERED, state.deliveries().get(reply).status());
  }

  @Test
  void aReportForAnotherMessageSidIsRefused() {
    long reply = replied();
    apply(report(reply, DeliveryStatus.QUEUED, SID));
    Decision d = decide(report(reply, DeliveryStatus.FAILED, "SM" + "f".repeat(32)));
    assertEquals(new Decision.Refused(Refusal.OTHER_MESSAGE), d);
  }

  @Test
  void anUnknownOutcomeAdoptsTheMessageSidOfTheFirstReportThenHoldsToIt() {
    long reply = replied();
    apply(new StreamCommand.RecordDelivery(id, reply, DeliveryStatus.UNKNOWN, "no answer", Optional.empty()));
    assertEquals("", state.deliveries().get(reply).providerId());
    apply(report(reply, DeliveryStatus.SENT, SID));
    assertEquals(SID, state.deliveries().get(reply).providerId());
    assertEquals(new Decision.Refused(Refusal.OTHER_MESSAGE), decide(report(reply, DeliveryStatus.DELIVERED, "SM" + "e".repeat(32))));
  }

  @Test
  void theProvidersIdIsKeptInTheEntryAndOldEntriesWithoutItReadAsBefore() {
    long reply = replied();
    apply(report(reply, DeliveryStatus.QUEUED, SID));
    Entry entry = log.get(log.size() - 1);
    assertEquals(SID, ((ConversationEvent.DeliveryUpdated) entry.event()).providerId());
    assertEquals(entry, EntryJson.fromJson(EntryJson.toJson(entry)));
    ConversationEvent.DeliveryUpdated old = new ConversationEvent.DeliveryUpdated(reply, DeliveryStatus.SENT, "");
    assertFalse(old.toJson().containsKey("providerId"), "an entry without an id encodes, and so hashes, as it always did");
  }
}
