package org.accessline.web.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.store.QualityReviews.Evaluation;
import org.junit.jupiter.api.Test;

class EvaluationAccessTest {
  private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");
  private static final EvaluationAccess.Staff MARIA = new EvaluationAccess.Staff("maria", false);
  private static final EvaluationAccess.Staff LEE = new EvaluationAccess.Staff("lee", false);
  private static final EvaluationAccess.Staff SAM = new EvaluationAccess.Staff("sam", true);

  private static Evaluation of(String state, Optional<String> calibration) {
    return new Evaluation("e1", "311-contact", 1, "r1", 6, "h".repeat(64), "maria", "sam", state, calibration, false, Optional.empty(), false, true, T,
        Optional.empty(), Map.of(), List.of());
  }

  @Test
  void anAgentSeesOnlyTheirOwnSubmittedEvaluationsOutsideCalibration() {
    assertTrue(EvaluationAccess.maySee(MARIA, of("submitted", Optional.empty())));
    assertTrue(EvaluationAccess.maySee(MARIA, of("resolved", Optional.empty())));
    assertFalse(EvaluationAccess.maySee(MARIA, of("draft", Optional.empty())), "not while the reviewer is still writing it");
    assertFalse(EvaluationAccess.maySee(MARIA, of("submitted", Optional.of("c1"))), "calibration measures the reviewers");
    assertFalse(EvaluationAccess.maySee(LEE, of("submitted", Optional.empty())), "another agent's");
    assertTrue(EvaluationAccess.maySee(SAM, of("draft", Optional.of("c1"))));
  }

  private static List<Entry> heldBy(String... agents) {
    ConversationId id = ConversationId.random();
    Contact c = new Contact(Channel.SMS, "+15550001111");
    List<Entry> entries = new java.util.ArrayList<>(List.of(new Entry(id, 1, T, Participant.resident(c), new ConversationEvent.Opened(c), Optional.empty())));
    for (String a : agents) entries.add(new Entry(id, entries.size() + 1, T, Participant.SYSTEM, new ConversationEvent.Assigned(new AgentId(a), a), Optional.empty()));
    return entries;
  }

  @Test
  void theAgentScoredHeldTheRecordAndTheReviewerDidNot() {
    assertEquals(new EvaluationAccess.Subject.Agent("lee"), EvaluationAccess.subject("sam", Optional.empty(), heldBy("maria", "lee")), "the last to hold it");
    assertEquals(new EvaluationAccess.Subject.Agent("maria"), EvaluationAccess.subject("sam", Optional.of("maria"), heldBy("maria", "lee")));
    assertEquals(400, ((EvaluationAccess.Subject.Refused) EvaluationAccess.subject("sam", Optional.of("ken"), heldBy("maria"))).status());
    assertEquals("own_record", ((EvaluationAccess.Subject.Refused) EvaluationAccess.subject("sam", Optional.of("maria"), heldBy("maria", "sam"))).code(),
        "a transfer through the reviewer makes it their own record too");
    assertEquals(409, ((EvaluationAccess.Subject.Refused) EvaluationAccess.subject("sam", Optional.empty(), heldBy())).status());
  }
}
