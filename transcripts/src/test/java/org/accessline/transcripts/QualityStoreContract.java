package org.accessline.transcripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.conversation.Participant;
import org.accessline.gateway.quality.Answer;
import org.accessline.gateway.quality.Scoring;
import org.accessline.gateway.quality.StarterScorecard;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.store.QualityReviews;
import org.accessline.gateway.store.QualityReviews.Evaluation;
import org.accessline.gateway.store.QualityReviews.Move;
import org.accessline.gateway.store.QualityReviews.NewEvaluation;
import org.accessline.gateway.store.QualityReviews.ScorecardVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What quality review keeps in the store, the same on every backend. */
public abstract class QualityStoreContract {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  protected Vertx vertx;
  protected InteractionStore store;

  /** A started store on the same data every time it is called within one test. */
  protected abstract InteractionStore openStore();

  @BeforeEach
  void open() {
    vertx = Vertx.vertx();
    store = openStore();
  }

  @AfterEach
  void close() {
    store.close().await();
    vertx.close().await();
  }

  private ConversationId record(String agent, boolean resolved) {
    ConversationId id = ConversationId.random();
    Contact contact = new Contact(Channel.TTY, "+15550004444");
    Participant resident = Participant.resident(contact);
    List<Entry> entries = new java.util.ArrayList<>(List.of(
        new Entry(id, 1, T0, resident, new ConversationEvent.Opened(contact), Optional.empty()),
        new Entry(id, 2, T0, Participant.SYSTEM, new ConversationEvent.Queued(T0, "waiting"), Optional.empty()),
        new Entry(id, 3, T0.plusSeconds(5), Participant.SYSTEM, new ConversationEvent.Assigned(new AgentId(agent), agent), Optional.empty())));
    if (resolved) entries.add(new Entry(id, 4, T0.plusSeconds(60), Participant.SYSTEM, new ConversationEvent.Resolved("Information provided"), Optional.empty()));
    store.append(entries).await();
    return id;
  }

  private ScorecardVersion published(int version) {
    ScorecardVersion v = new ScorecardVersion("311-contact", version, "311 contact review", "{\"name\":\"v" + version + "\"}", T0, "sam");
    store.qualityReviews().publish(v).await();
    return v;
  }

  private Evaluation draft(ConversationId record, String agent, String reviewer) {
    return store.qualityReviews().open(new NewEvaluation(UUID.randomUUID().toString(), "311-contact", 1, record.value(), agent, reviewer, Optional.empty(),
        false, T0.plusSeconds(3600))).await();
  }

  private static Move submit(Evaluation e, int tenths, boolean flagged, Instant at) {
    return new Move(e.id(), "draft", "submitted", at, e.reviewer(), Optional.of(tenths), flagged, true, Optional.empty(), "");
  }

  @Test
  void aPublishedVersionIsNeverReplacedAndEveryVersionStaysReadable() {
    QualityReviews q = store.qualityReviews();
    ScorecardVersion v1 = published(1);
    CompletionException e = assertThrows(CompletionException.class,
        () -> q.publish(new ScorecardVersion("311-contact", 1, "changed", "{}", T0, "eve")).toCompletionStage().toCompletableFuture().join());
    assertInstanceOf(QualityReviews.VersionTaken.class, e.getCause());
    ScorecardVersion v2 = published(2);
    store.close().await();
    store = openStore();
    assertEquals(List.of(v2, v1), store.qualityReviews().scorecards().await(), "newest version first; the first is unchanged");
    assertEquals(Optional.of(v1), store.qualityReviews().scorecard("311-contact", 1).await());
    assertEquals(Optional.empty(), store.qualityReviews().scorecard("311-contact", 3).await());
  }

  @Test
  void anEvaluationNamesTheRecordsSealedHeadAndOnlyAResolvedRecordIsReviewable() {
    published(1);
    ConversationId done = record("maria", true);
    Evaluation e = draft(done, "maria", "rita");
    assertEquals(4, e.headSeq());
    assertEquals(store.entries(done, 0).await().size(), (int) e.headSeq());
    assertEquals(64, e.headHash().length());
    assertEquals(Optional.of(e), store.qualityReviews().evaluation(e.id()).await());
    assertThrows(QualityReviews.AlreadyEvaluated.class, () -> draft(done, "maria", "eve"), "one evaluation per record and agent, whoever races for it");

    ConversationId open = record("maria", false);
    assertThrows(QualityReviews.NotReviewable.class, () -> draft(open, "maria", "rita"));
    assertThrows(QualityReviews.NotReviewable.class, () -> draft(ConversationId.random(), "maria", "rita"));
    assertEquals(List.of(), store.qualityReviews().evaluations(new QualityReviews.Query(Optional.empty(), Optional.empty(), Optional.of(open.value()),
        Optional.empty(), Optional.empty(), 10)).await(), "a refused draft leaves nothing behind");
  }

  @Test
  void answersChangeOnlyWhileADraftAndOnlyByItsReviewer() {
    published(1);
    Evaluation e = draft(record("maria", true), "maria", "rita");
    QualityReviews q = store.qualityReviews();
    assertTrue(q.saveAnswers(e.id(), "rita", Map.of("greeted", "yes", "tone", "4")).await());
    assertTrue(q.saveAnswers(e.id(), "rita", Map.of("greeted", "no")).await(), "a draft's answers are replaced whole");
    assertFalse(q.saveAnswers(e.id(), "eve", Map.of("greeted", "yes")).await(), "another reviewer's draft");
    assertEquals(Map.of("greeted", "no"), q.evaluation(e.id()).await().orElseThrow().answers());

    assertTrue(q.move(submit(e, 875, false, T0.plusSeconds(7200))).await());
    assertFalse(q.saveAnswers(e.id(), "rita", Map.of("greeted", "yes")).await(), "a submitted evaluation never changes");
    assertFalse(q.move(submit(e, 1000, false, T0.plusSeconds(7300))).await(), "nor is it submitted twice");
    Evaluation stored = q.evaluation(e.id()).await().orElseThrow();
    assertEquals(Map.of("greeted", "no"), stored.answers());
    assertEquals(Optional.of(875), stored.scoreTenths());
    assertEquals("submitted", stored.state());
    assertEquals(Optional.of(T0.plusSeconds(7200)), stored.submittedAt());
  }

  @Test
  void aDisputeAndItsResolutionAreKeptAsCommentsInOrder() {
    published(1);
    Evaluation e = draft(record("maria", true), "maria", "rita");
    QualityReviews q = store.qualityReviews();
    q.move(submit(e, 600, true, T0.plusSeconds(10))).await();
    assertTrue(q.move(new Move(e.id(), "submitted", "disputed", T0.plusSeconds(20), "maria", Optional.empty(), true, true, Optional.of("dispute"),
        "The resident was not in danger.")).await());
    assertFalse(q.move(new Move(e.id(), "submitted", "acknowledged", T0.plusSeconds(21), "maria", Optional.empty(), true, true, Optional.empty(), "")).await(),
        "a move from a state it has left changes nothing");
    assertTrue(q.move(new Move(e.id(), "disputed", "resolved", T0.plusSeconds(30), "sam", Optional.empty(), true, false, Optional.of("voided"),
        "Agreed: no emergency.")).await());
    Evaluation stored = q.evaluation(e.id()).await().orElseThrow();
    assertEquals("resolved", stored.state());
    assertFalse(stored.counts());
    assertEquals(Optional.of(600), stored.scoreTenths(), "a later move keeps the score");
    assertEquals(List.of(new QualityReviews.Comment(T0.plusSeconds(20), "maria", "dispute", "The resident was not in danger."),
        new QualityReviews.Comment(T0.plusSeconds(30), "sam", "voided", "Agreed: no emergency.")), stored.comments());
  }

  @Test
  void evaluationsAreFoundByAgentReviewerRecordAndState() {
    published(1);
    ConversationId r1 = record("maria", true);
    Evaluation a = draft(r1, "maria", "rita");
    Evaluation b = draft(record("ken", true), "ken", "rita");
    QualityReviews q = store.qualityReviews();
    q.move(submit(b, 500, false, T0.plusSeconds(10))).await();
    assertEquals(List.of(a.id()), ids(q.evaluations(new QualityReviews.Query(Optional.of("maria"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 50)).await()));
    assertEquals(2, q.evaluations(new QualityReviews.Query(Optional.empty(), Optional.of("rita"), Optional.empty(), Optional.empty(), Optional.empty(), 50)).await().size());
    assertEquals(List.of(a.id()), ids(q.evaluations(new QualityReviews.Query(Optional.empty(), Optional.empty(), Optional.of(r1.value()), Optional.empty(), Optional.empty(), 50)).await()));
    assertEquals(List.of(b.id()), ids(q.evaluations(new QualityReviews.Query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("submitted"), Optional.empty(), 50)).await()));
  }

  private static List<String> ids(List<Evaluation> list) {
    return list.stream().map(Evaluation::id).toList();
  }

  @Test
  void averagesCountOnlySubmittedEvaluationsThatCountInTheRange() {
    published(1);
    QualityReviews q = store.qualityReviews();
    Instant day = Instant.parse("2026-11-24T00:00:00Z");
    q.move(submit(draft(record("maria", true), "maria", "rita"), 800, false, day.plusSeconds(100))).await();
    q.move(submit(draft(record("maria", true), "maria", "rita"), 905, true, day.plusSeconds(200))).await();
    q.move(submit(draft(record("maria", true), "maria", "rita"), 100, false, day.minusSeconds(1))).await();
    Evaluation voided = draft(record("maria", true), "maria", "rita");
    q.move(new Move(voided.id(), "draft", "submitted", day.plusSeconds(300), "rita", Optional.of(0), false, false, Optional.empty(), "")).await();
    draft(record("maria", true), "maria", "rita");
    q.move(submit(draft(record("ken", true), "ken", "rita"), 700, false, day.plusSeconds(400))).await();

    List<QualityReviews.Average> all = q.averages(Optional.empty(), day, day.plusSeconds(86400)).await();
    assertEquals(List.of(new QualityReviews.Average("ken", 1, 70.0, 0), new QualityReviews.Average("maria", 2, 85.25, 1)), all);
    assertEquals(List.of(new QualityReviews.Average("maria", 2, 85.25, 1)), q.averages(Optional.of("maria"), day, day.plusSeconds(86400)).await());
    assertEquals(List.of(), q.averages(Optional.of("nobody"), day, day.plusSeconds(86400)).await());
  }

  /** The starter scorecard's answers, scored as a submit scores them, in tenths of a percent; flagged when a fatal or critical question failed. */
  private static Move scored(Evaluation e, boolean hungUp, Instant at) {
    Map<String, String> wire = new java.util.HashMap<>(Map.of("greeted", "yes", "tone", "5", "never-hung-up", hungUp ? "no" : "yes", "turn-taking", "yes",
        "short-replies", "yes", "guided-911", "na", "accurate", "3", "verified", "yes", "outcome", "option:right", "asked-anything-else", "yes"));
    wire.put("recorded", "yes");
    Map<String, Answer> answers = new java.util.HashMap<>();
    wire.forEach((q, a) -> answers.put(q, Answer.parse(a).orElseThrow()));
    Scoring.Score score = ((Scoring.Outcome.Scored) Scoring.score(StarterScorecard.card(), answers)).score();
    Optional<Integer> tenths = score.percent().map(p -> p.movePointRight(1).intValueExact());
    return new Move(e.id(), "draft", "submitted", at, e.reviewer(), tenths, score.flagged(), tenths.isPresent(), Optional.empty(), "");
  }

  @Test
  void averagesOfScoredEvaluationsHaveKnownAnswersWithNotApplicableAndAFatalFailure() {
    published(1);
    QualityReviews q = store.qualityReviews();
    Instant day = Instant.parse("2026-11-24T00:00:00Z");
    // 911 guidance N/A leaves its section, the information rated 3 of 5: 89.6%. Hanging up on the TTY caller is fatal: 0%, flagged.
    q.move(scored(draft(record("maria", true), "maria", "rita"), false, day.plusSeconds(100))).await();
    q.move(scored(draft(record("maria", true), "maria", "rita"), true, day.plusSeconds(200))).await();
    q.move(scored(draft(record("ken", true), "ken", "rita"), false, day.plusSeconds(300))).await();
    List<QualityReviews.Average> all = q.averages(Optional.empty(), day, day.plusSeconds(86400)).await();
    assertEquals(2, all.size(), all.toString());
    assertEquals("ken", all.get(0).agent());
    assertEquals(1, all.get(0).evaluations());
    assertEquals(89.6, all.get(0).averagePercent(), 1e-9);
    assertEquals(0, all.get(0).flagged());
    assertEquals("maria", all.get(1).agent());
    assertEquals(2, all.get(1).evaluations());
    assertEquals(44.8, all.get(1).averagePercent(), 1e-9, "(89.6 + 0) / 2");
    assertEquals(1, all.get(1).flagged(), "the fatal failure");
  }

  @Test
  void calibrationSessionsAndTheirEvaluationsAreKept() {
    published(1);
    ConversationId r = record("maria", true);
    QualityReviews q = store.qualityReviews();
    QualityReviews.CalibrationSession s = new QualityReviews.CalibrationSession(UUID.randomUUID().toString(), r.value(), "311-contact", 1, "sam", T0);
    q.openCalibration(s).await();
    assertEquals(Optional.of(s), q.calibration(s.id()).await());
    assertEquals(List.of(s), q.calibrations(10).await());
    Evaluation ref = q.open(new NewEvaluation(UUID.randomUUID().toString(), "311-contact", 1, r.value(), "maria", "sam", Optional.of(s.id()), true, T0)).await();
    q.open(new NewEvaluation(UUID.randomUUID().toString(), "311-contact", 1, r.value(), "maria", "rita", Optional.of(s.id()), false, T0.plusSeconds(1))).await();
    List<Evaluation> in = q.evaluations(new QualityReviews.Query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(s.id()), 50)).await();
    assertEquals(2, in.size());
    assertTrue(in.stream().filter(Evaluation::reference).map(Evaluation::id).toList().equals(List.of(ref.id())));
  }
}
