package org.accessline.gateway.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.store.FollowUps;
import org.junit.jupiter.api.Test;

class FollowUpRulesTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private static final Instant DUE = NOW.plus(Duration.ofHours(1));
  private static final Duration GRACE = Duration.ofMinutes(15);
  private static final Contact NUMBER = new Contact(Channel.SMS, "+15550004444");
  private static final RetryPolicy RETRIES = new RetryPolicy(2, Duration.ofMinutes(10));

  private static FollowUp followUp(FollowUpChannel channel) {
    return FollowUp.scheduled("f1", ConversationId.random(), channel == FollowUpChannel.TASK ? Optional.empty() : Optional.of(NUMBER), channel,
        Owner.agent("maria"), DUE, "call back about the pothole", NOW, "maria");
  }

  private static ConsentChange consent(boolean granted) {
    return new ConsentChange(NUMBER, granted, NOW, granted ? "maria" : ConsentChange.RESIDENT, Optional.empty(), granted ? "said yes" : "STOP");
  }

  @Test
  void aFollowUpIsScheduledThenDueThenOverdueByTheClockAlone() {
    FollowUp f = followUp(FollowUpChannel.TEXT);
    assertEquals(Phase.SCHEDULED, FollowUpRules.phase(f, DUE.minusMillis(1), GRACE));
    assertEquals(Phase.DUE, FollowUpRules.phase(f, DUE, GRACE));
    assertEquals(Phase.OVERDUE, FollowUpRules.phase(f, DUE.plus(GRACE), GRACE));
    assertEquals(Optional.of(DUE), FollowUpRules.nextChange(f, NOW, GRACE));
    assertEquals(Optional.of(DUE.plus(GRACE)), FollowUpRules.nextChange(f, DUE, GRACE));
    assertEquals(Optional.empty(), FollowUpRules.nextChange(f, DUE.plus(GRACE), GRACE));
  }

  @Test
  void aTextIsStartedOnlyWithConsentOnTheLedgerAndNoOptOutSince() {
    FollowUp f = followUp(FollowUpChannel.TEXT);
    assertEquals("no_consent", assertInstanceOf(FollowUpRules.Start.Refused.class, FollowUpRules.start(f, Optional.empty(), false, DUE)).code());
    assertEquals("consent_revoked", assertInstanceOf(FollowUpRules.Start.Refused.class, FollowUpRules.start(f, Optional.of(consent(false)), false, DUE)).code());
    assertEquals("consent_revoked", assertInstanceOf(FollowUpRules.Start.Refused.class, FollowUpRules.start(f, Optional.of(consent(true)), true, DUE)).code(),
        "an opt-out in the records beats a grant the ledger has not yet seen revoked");
    FollowUp started = assertInstanceOf(FollowUpRules.Start.Go.class, FollowUpRules.start(f, Optional.of(consent(true)), false, DUE)).started();
    assertEquals(FollowUpState.IN_PROGRESS, started.state());
    assertEquals(1, started.attempts());
    assertEquals("in_progress", assertInstanceOf(FollowUpRules.Start.Refused.class, FollowUpRules.start(started, Optional.of(consent(true)), false, DUE)).code());
    assertEquals("no_consent", assertInstanceOf(FollowUpRules.Start.Refused.class, FollowUpRules.start(followUp(FollowUpChannel.CHAT_LINK), Optional.empty(), false, DUE)).code(),
        "a chat link goes by text, so it needs the same consent");
  }

  @Test
  void aCallWhoseEndIsNeverReportedFailsItsAttemptOnceTheLimitPasses() {
    Duration limit = Duration.ofMinutes(120);
    FollowUp calling = assertInstanceOf(FollowUpRules.Start.Go.class, FollowUpRules.start(followUp(FollowUpChannel.TTY_CALL), Optional.empty(), false, DUE))
        .started();
    assertEquals(Optional.empty(), FollowUpRules.callOverran(calling, 1, limit, RETRIES, DUE.plus(limit).minusMillis(1)), "within the limit");
    FollowUp ended = FollowUpRules.callOverran(calling, 1, limit, RETRIES, DUE.plus(limit)).orElseThrow();
    assertEquals(FollowUpState.SCHEDULED, ended.state(), "retried as the policy allows");
    assertEquals(1, ended.attempts());
    assertEquals(Optional.of("no end of the call was reported within 120 min; it was ended"), ended.lastOutcome());
    assertEquals(Optional.empty(), FollowUpRules.callOverran(calling, 2, limit, RETRIES, DUE.plus(limit)), "another attempt's limit is its own");
    assertEquals(Optional.empty(), FollowUpRules.callOverran(ended, 1, limit, RETRIES, DUE.plus(limit)), "an attempt already ended stays ended");
    FollowUp second = assertInstanceOf(FollowUpRules.Start.Go.class, FollowUpRules.start(ended, Optional.empty(), false, DUE.plus(limit))).started();
    assertEquals(FollowUpState.FAILED, FollowUpRules.callOverran(second, 2, limit, RETRIES, DUE.plus(limit).plus(limit)).orElseThrow().state(),
        "the last attempt spent");
  }

  @Test
  void aCallOrATaskNeedsNoTextConsent() {
    assertInstanceOf(FollowUpRules.Start.Go.class, FollowUpRules.start(followUp(FollowUpChannel.TTY_CALL), Optional.empty(), true, DUE));
    assertInstanceOf(FollowUpRules.Start.Go.class, FollowUpRules.start(followUp(FollowUpChannel.TASK), Optional.empty(), false, DUE));
  }

  @Test
  void aFailedAttemptIsTriedAgainAfterTheSpacingUntilItsAttemptsAreSpent() {
    FollowUp f = ((FollowUpRules.Start.Go) FollowUpRules.start(followUp(FollowUpChannel.TTY_CALL), Optional.empty(), false, DUE)).started();
    FollowUp again = FollowUpRules.attemptFailed(f, "no-answer", RETRIES, DUE.plusSeconds(40));
    assertEquals(FollowUpState.SCHEDULED, again.state());
    assertEquals(DUE.plusSeconds(40).plus(RETRIES.spacing()), again.nextAttemptAt());
    assertEquals(Phase.SCHEDULED, FollowUpRules.phase(again, DUE.plusSeconds(60), GRACE), "not due again until the spacing has passed");
    assertEquals(Phase.DUE, FollowUpRules.phase(again, again.nextAttemptAt(), GRACE));
    assertEquals(Phase.OVERDUE, FollowUpRules.phase(again, DUE.plus(GRACE), GRACE), "overdue is still measured from the first due time");
    FollowUp second = ((FollowUpRules.Start.Go) FollowUpRules.start(again, Optional.empty(), false, again.nextAttemptAt())).started();
    FollowUp failed = FollowUpRules.attemptFailed(second, "busy", RETRIES, again.nextAttemptAt().plusSeconds(20));
    assertEquals(FollowUpState.FAILED, failed.state());
    assertEquals(2, failed.attempts());
    assertEquals(Optional.of("busy"), failed.lastOutcome());
    assertEquals(Optional.empty(), FollowUpRules.nextChange(failed, DUE, GRACE));
  }

  @Test
  void doneAndCancelledAreFinal() {
    FollowUp f = followUp(FollowUpChannel.TEXT);
    ConversationId in = ConversationId.random();
    FollowUp done = FollowUpRules.done(f, Optional.of(in), "texted", DUE);
    assertEquals(Optional.of(in), done.conversation());
    assertEquals(Optional.empty(), FollowUpRules.cancel(done, DUE));
    assertEquals("finished", assertInstanceOf(FollowUpRules.Start.Refused.class, FollowUpRules.start(done, Optional.of(consent(true)), false, DUE)).code());
    assertEquals(FollowUpState.CANCELLED, FollowUpRules.cancel(f, DUE).orElseThrow().state());
  }

  @Test
  void overdueForReportsMeansNotDoneWithinTheGrace() {
    FollowUp f = followUp(FollowUpChannel.TEXT);
    assertTrue(!FollowUps.Counts.overdue(f, GRACE, DUE.plus(GRACE)));
    assertTrue(FollowUps.Counts.overdue(f, GRACE, DUE.plus(GRACE).plusMillis(1)));
    assertTrue(!FollowUps.Counts.overdue(FollowUpRules.done(f, Optional.empty(), "ok", DUE.plus(GRACE)), GRACE, DUE.plus(Duration.ofDays(1))));
    assertTrue(FollowUps.Counts.overdue(FollowUpRules.done(f, Optional.empty(), "ok", DUE.plus(GRACE).plusMillis(1)), GRACE, DUE.plus(Duration.ofDays(1))));
  }

  @Test
  void aFollowUpThatContactsTheResidentNeedsTheirContactAndANoteWithinItsLimit() {
    assertThrows(IllegalArgumentException.class, () -> FollowUp.scheduled("f", ConversationId.random(), Optional.empty(), FollowUpChannel.TEXT, Owner.agent("m"), DUE, "", NOW, "m"));
    assertThrows(IllegalArgumentException.class, () -> FollowUp.scheduled("f", ConversationId.random(), Optional.of(NUMBER), FollowUpChannel.TEXT, Owner.agent("m"), DUE,
        "x".repeat(FollowUp.NOTE_LIMIT + 1), NOW, "m"));
    assertEquals(Optional.empty(), Owner.parse("team:x"));
    assertEquals(Optional.of(Owner.queue("general")), Owner.parse("queue:general"));
  }
}
