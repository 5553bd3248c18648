package org.accessline.transcripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.followup.ConsentChange;
import org.accessline.gateway.followup.FollowUp;
import org.accessline.gateway.followup.FollowUpChannel;
import org.accessline.gateway.followup.FollowUpRules;
import org.accessline.gateway.followup.FollowUpState;
import org.accessline.gateway.followup.Owner;
import org.accessline.gateway.followup.RetryPolicy;
import org.accessline.gateway.store.FollowUps;
import org.junit.jupiter.api.Test;

/** Follow-ups and the consent ledger, the same on every backend. */
public abstract class FollowUpStoreContract extends WorkspaceStoreContract {
  private static final Instant DUE = Instant.parse("2026-11-23T15:00:00.250Z");
  private static final Contact NUMBER = new Contact(Channel.SMS, "+15550002222");

  private static FollowUp followUp(ConversationId origin, Owner owner, Instant due) {
    return FollowUp.scheduled(UUID.randomUUID().toString(), origin, Optional.of(NUMBER), FollowUpChannel.TEXT, owner, due, "tell them the crew came",
        T0, "maria");
  }

  @Test
  void aFollowUpIsStoredOnceAndSurvivesReopening() {
    ConversationId origin = ConversationId.random();
    FollowUp f = followUp(origin, Owner.agent("maria"), DUE);
    assertTrue(store.followUps().create(f).await());
    assertFalse(store.followUps().create(f).await(), "the same id again writes nothing");
    store.close().await();
    store = openStore();
    assertEquals(Optional.of(f), store.followUps().find(f.id()).await());
    assertEquals(List.of(f), store.followUps().ofRecord(origin).await());
    FollowUp task = FollowUp.scheduled(UUID.randomUUID().toString(), origin, Optional.empty(), FollowUpChannel.TASK, Owner.queue("general"), DUE, "", T0, "sam");
    store.followUps().create(task).await();
    assertEquals(Optional.of(task), store.followUps().find(task.id()).await());
  }

  @Test
  void eachReminderIsClaimedOnceForItsPhaseAndDueTime() {
    FollowUps followUps = store.followUps();
    String id = UUID.randomUUID().toString();
    assertTrue(followUps.claimNotice(id, "due", DUE, "node-0", T0).await());
    assertFalse(followUps.claimNotice(id, "due", DUE, "node-1", T0).await(), "a second node claiming the same reminder loses");
    assertTrue(followUps.claimNotice(id, "overdue", DUE, "node-1", T0).await(), "the overdue alert is a notice of its own");
    assertTrue(followUps.claimNotice(id, "due", DUE.plusSeconds(600), "node-1", T0).await(), "a retry due later is reminded again");
    store.close().await();
    store = openStore();
    assertFalse(store.followUps().claimNotice(id, "due", DUE, "node-1", T0).await(), "claims outlast a restart");
  }

  @Test
  void anUpdateOnlyLandsFromTheStateItWasDecidedOn() {
    FollowUps followUps = store.followUps();
    FollowUp f = followUp(ConversationId.random(), Owner.agent("maria"), DUE);
    followUps.create(f).await();
    FollowUp started = ((FollowUpRules.Start.Go) FollowUpRules.start(f, Optional.of(grant(NUMBER)), false, DUE)).started();
    assertTrue(followUps.update(started, FollowUpState.SCHEDULED).await());
    assertFalse(followUps.update(started, FollowUpState.SCHEDULED).await(), "a second start from scheduled loses");
    FollowUp retried = FollowUpRules.attemptFailed(started, "no-answer", new RetryPolicy(3, Duration.ofMinutes(10)), DUE.plusSeconds(30));
    assertTrue(followUps.update(retried, FollowUpState.IN_PROGRESS).await());
    FollowUp back = followUps.find(f.id()).await().orElseThrow();
    assertEquals(retried, back);
    assertEquals(FollowUpState.SCHEDULED, back.state());
    assertEquals(1, back.attempts());
    assertEquals(Optional.of("no-answer"), back.lastOutcome());
  }

  @Test
  void pendingFollowUpsComeSoonestFirstAndByOwner() {
    FollowUps followUps = store.followUps();
    FollowUp later = followUp(ConversationId.random(), Owner.agent("maria"), DUE.plusSeconds(60));
    FollowUp sooner = followUp(ConversationId.random(), Owner.queue("general"), DUE);
    FollowUp theirs = followUp(ConversationId.random(), Owner.agent("sam"), DUE);
    FollowUp cancelled = FollowUpRules.cancel(followUp(ConversationId.random(), Owner.agent("maria"), DUE), T0).orElseThrow();
    for (FollowUp f : List.of(later, sooner, theirs, cancelled)) followUps.create(f).await();
    assertEquals(3, followUps.pending().await().size());
    assertEquals(DUE, followUps.pending().await().get(0).nextAttemptAt());
    assertEquals(List.of(sooner, later), followUps.pendingFor(List.of(Owner.agent("maria"), Owner.queue("general"))).await());
    assertEquals(List.of(), followUps.pendingFor(List.of()).await());
  }

  @Test
  void reportsCountDoneAndOverdueInARangeAndByOwner() {
    FollowUps followUps = store.followUps();
    Duration grace = Duration.ofMinutes(15);
    FollowUp onTime = followUp(ConversationId.random(), Owner.agent("maria"), DUE);
    FollowUp late = followUp(ConversationId.random(), Owner.agent("maria"), DUE);
    FollowUp waiting = followUp(ConversationId.random(), Owner.agent("sam"), DUE);
    FollowUp outside = followUp(ConversationId.random(), Owner.agent("maria"), DUE.plus(Duration.ofDays(3)));
    for (FollowUp f : List.of(onTime, late, waiting, outside)) followUps.create(f).await();
    followUps.update(FollowUpRules.done(onTime, Optional.empty(), "texted", DUE.plusSeconds(60)), FollowUpState.SCHEDULED).await();
    followUps.update(FollowUpRules.done(late, Optional.empty(), "texted", DUE.plus(Duration.ofHours(2))), FollowUpState.SCHEDULED).await();
    Instant from = DUE.minus(Duration.ofHours(1));
    Instant to = DUE.plus(Duration.ofDays(1));
    Instant asOf = DUE.plus(Duration.ofDays(1));
    assertEquals(new FollowUps.Counts(2, 2), followUps.count(from, to, Optional.empty(), grace, asOf).await());
    assertEquals(new FollowUps.Counts(2, 1), followUps.count(from, to, Optional.of(Owner.agent("maria")), grace, asOf).await());
    assertEquals(new FollowUps.Counts(0, 1), followUps.count(from, to, Optional.of(Owner.agent("sam")), grace, asOf).await());
    assertEquals(new FollowUps.Counts(2, 0), followUps.count(from, to, Optional.empty(), grace, DUE.plusSeconds(120)).await(),
        "nothing is overdue before its grace has run");
  }

  @Test
  void aReopenedFollowUpIsNotDoneAndIsOverdueOnceItsGraceHasRun() {
    FollowUps followUps = store.followUps();
    Duration grace = Duration.ofMinutes(15);
    FollowUp reopened = followUp(ConversationId.random(), Owner.agent("maria"), DUE);
    followUps.create(reopened).await();
    FollowUp done = FollowUpRules.done(reopened, Optional.empty(), "texted", DUE.plusSeconds(60));
    followUps.update(done, FollowUpState.SCHEDULED).await();
    Instant from = DUE.minus(Duration.ofHours(1));
    Instant to = DUE.plus(Duration.ofDays(1));
    assertEquals(new FollowUps.Counts(1, 0), followUps.count(from, to, Optional.empty(), grace, to).await());
    FollowUp again = done.with(FollowUpState.SCHEDULED, done.attempts(), Optional.of("resident wrote back: not fixed"), DUE.plus(Duration.ofHours(1)),
        done.conversation(), DUE.plus(Duration.ofMinutes(5)));
    followUps.update(again, FollowUpState.DONE).await();
    assertEquals(new FollowUps.Counts(0, 0), followUps.count(from, to, Optional.empty(), grace, DUE.plus(Duration.ofMinutes(10))).await(),
        "reopened within its grace: not done, not yet overdue");
    assertEquals(new FollowUps.Counts(0, 1), followUps.count(from, to, Optional.empty(), grace, to).await(),
        "reopened and still open past its grace: overdue, and its earlier done no longer counts");
    followUps.update(FollowUpRules.done(again, Optional.empty(), "crew came back", DUE.plus(Duration.ofHours(2))), FollowUpState.SCHEDULED).await();
    assertEquals(new FollowUps.Counts(1, 1), followUps.count(from, to, Optional.empty(), grace, to).await(),
        "done again, late: counted once as done, and as overdue because it was not done within its grace");
  }

  @Test
  void theConsentLedgerKeepsEveryChangeInOrderPerNumber() {
    FollowUps followUps = store.followUps();
    assertEquals(Optional.empty(), followUps.latestConsent(NUMBER).await());
    ConsentChange granted = grant(NUMBER);
    ConsentChange revoked = new ConsentChange(NUMBER, false, T0.plusSeconds(90), ConsentChange.RESIDENT, Optional.empty(), "STOP");
    followUps.recordConsent(granted).await();
    followUps.recordConsent(revoked).await();
    followUps.recordConsent(grant(new Contact(Channel.SMS, "+15550003333"))).await();
    store.close().await();
    store = openStore();
    assertEquals(Optional.of(revoked), store.followUps().latestConsent(NUMBER).await());
    assertEquals(List.of(granted, revoked), store.followUps().consentHistory(NUMBER).await());
  }

  private static ConsentChange grant(Contact number) {
    return new ConsentChange(number, true, T0.plusSeconds(30), "maria", Optional.of(ConversationId.random()), "resident agreed to a text when the crew is done");
  }
}
