package org.accessline.gateway.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.accessline.gateway.channel.DeliveryOutcome;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.DeliveryStatus;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.junit.jupiter.api.Test;

/** What the stream records of a message it handed over, or held back from a resident who opted out. */
class ConsentAndDeliveryRecordsTest {
  private static final Contact TEXTER = new Contact(Channel.SMS, "+15551230000");
  private static final String SID = "SM0123456789abcdef0123456789abcdef";

  private final Conversation c = new Conversation(Policies.defaults());

  private Entry reply() {
    c.run(new StreamCommand.ResidentMessage(TEXTER, "pothole", "SM1"));
    c.run(new StreamCommand.Assign(c.id, new AgentId("maria"), "Maria"));
    return c.run(new StreamCommand.AgentMessage(c.id, Participant.agent(new AgentId("maria"), "Maria"), "On it.", Optional.empty())).get(0);
  }

  @Test
  void aContactWhoOptedOutGetsNothingAndTheRecordSaysWhyInTheWordsAgentsKnow() {
    Entry reply = reply();
    StreamCommand.RecordDelivery withheld = new Consent(true).withholds(reply).orElseThrow();
    assertEquals(new StreamCommand.RecordDelivery(c.id, reply.seq(), DeliveryStatus.FAILED,
        "Not sent: the resident texted STOP (or another way of saying it). Nothing can reach them by text until they send START.", Optional.empty()), withheld);
    assertEquals(Optional.empty(), Consent.GIVEN.withholds(reply));
  }

  @Test
  void aProvidersAnswerIsRecordedWithItsIdAndStatusAsTheKey() {
    Entry reply = reply();
    assertEquals(Optional.of(new StreamCommand.RecordDelivery(c.id, reply.seq(), DeliveryStatus.QUEUED, "Twilio took it as 1 SMS", Optional.of(SID + ":queued"),
        Optional.of(SID))), DeliveryRecords.of(reply, new DeliveryOutcome.Reported(DeliveryStatus.QUEUED, SID, "Twilio took it as 1 SMS")));
    assertEquals(Optional.of(new StreamCommand.RecordDelivery(c.id, reply.seq(), DeliveryStatus.UNKNOWN, "no answer", Optional.empty())),
        DeliveryRecords.of(reply, new DeliveryOutcome.Ambiguous("no answer")));
    assertEquals(Optional.empty(), DeliveryRecords.of(reply, new DeliveryOutcome.Live()), "a live connection has nothing to record");
    assertEquals(new StreamCommand.RecordDelivery(c.id, reply.seq(), DeliveryStatus.FAILED, "HTTP 500 after 3 tries", Optional.empty()),
        DeliveryRecords.failed(reply, "HTTP 500 after 3 tries"));
  }

  @Test
  void supervisorsAreAlertedOnlyWhenTheGuidanceItselfCouldNotBeSent() {
    Entry reply = reply();
    StreamCommand.RecordDelivery failed = new Consent(true).withholds(reply).orElseThrow();
    Optional<String> reason = DeliveryRecords.guidanceNotSent(new Effect.Deliver(TEXTER, reply, "call 911", true), failed);
    assertEquals(Optional.of("The 911 guidance could not be sent to +15551230000 by sms: " + Consent.WITHHELD + " Reach the resident another way."), reason);
    assertEquals(Optional.empty(), DeliveryRecords.guidanceNotSent(new Effect.Deliver(TEXTER, reply, "On it.", false), failed));
    StreamCommand.RecordDelivery unknown = DeliveryRecords.of(reply, new DeliveryOutcome.Ambiguous("no answer")).orElseThrow();
    assertEquals(Optional.empty(), DeliveryRecords.guidanceNotSent(new Effect.Deliver(TEXTER, reply, "call 911", true), unknown),
        "an unknown outcome may yet be delivered");
  }
}
