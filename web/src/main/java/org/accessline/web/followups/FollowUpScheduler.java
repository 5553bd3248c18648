package org.accessline.web.followups;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.accessline.gateway.conversation.AgentId;
import org.accessline.gateway.followup.FollowUp;
import org.accessline.gateway.followup.FollowUpRules;
import org.accessline.gateway.followup.Owner;
import org.accessline.gateway.followup.Phase;
import org.accessline.gateway.store.FollowUps;
import org.accessline.web.staff.StaffFrames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds every pending follow-up by the next moment its phase changes, with one timer for the
 * soonest: when a follow-up falls due its owner is reminded, when it goes overdue supervisors are
 * alerted. The store is the truth: it is read whole at start (so a restart loses nothing), and a
 * follow-up that changed is read again when {@link #CHANGED} names it.
 */
public final class FollowUpScheduler extends VerticleBase {
  /** Event-bus address: the body is the id of a follow-up that was created or changed. */
  public static final String CHANGED = "accessline.followups.changed";
  private static final Logger LOG = LoggerFactory.getLogger(FollowUpScheduler.class);
  private static final int SLICE = 2_000;
  private static final int CLAIM_ATTEMPTS = 5;
  private static final long CLAIM_RETRY_MILLIS = 2_000;

  private record Moment(Instant at, String id) implements Comparable<Moment> {
    @Override
    public int compareTo(Moment o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : id.compareTo(o.id);
    }
  }

  /**
   * Whether this scheduler is the one to tell a follow-up's phase. In a cluster each reminder and
   * alert is claimed in the store first, so two nodes that both hold the lease for a moment still
   * tell it once; a single process tells every one it reaches.
   */
  @FunctionalInterface
  public interface Notices {
    Notices EVERY = (f, phase) -> Future.succeededFuture(true);

    Future<Boolean> claim(FollowUp f, Phase phase);

    /** Claimed in the store, by {@code node}. */
    static Notices claimedIn(FollowUps store, String node, Clock clock) {
      return (f, phase) -> store.claimNotice(f.id(), phase.wireName(), f.nextAttemptAt(), node, clock.instant());
    }
  }

  private final FollowUps store;
  private final Notices notices;
  private final Clock clock;
  private final Duration overdueAfter;
  private final TreeSet<Moment> moments = new TreeSet<>();
  private final Map<String, Moment> momentOf = new HashMap<>();
  private final Map<String, FollowUp> held = new HashMap<>();
  private long timer = -1;
  private Instant timerAt = Instant.MAX;
  private MessageConsumer<String> changes;
  /** How late each wake-up ran past its moment, for the benchmark: the worst since it was last read. */
  private volatile long worstLatenessMillis;

  public FollowUpScheduler(FollowUps store, Clock clock, Duration overdueAfter) {
    this(store, Notices.EVERY, clock, overdueAfter);
  }

  public FollowUpScheduler(FollowUps store, Notices notices, Clock clock, Duration overdueAfter) {
    this.store = store;
    this.notices = notices;
    this.clock = clock;
    this.overdueAfter = overdueAfter;
  }

  @Override
  public Future<?> start() {
    changes = vertx.eventBus().consumer(CHANGED, m -> reread(m.body()));
    return changes.completion().compose(v -> store.pending()).compose(pending -> {
      Promise<Void> indexed = Promise.promise();
      indexFrom(pending, 0, clock.instant(), indexed);
      return indexed.future().onSuccess(x -> LOG.atInfo().addKeyValue("pending", pending.size()).log("follow-ups scheduled"));
    });
  }

  /**
   * Indexes a slice, then lets the loop run before the next one, so a hundred thousand follow-ups
   * read at start never hold the event loop for long.
   */
  private void indexFrom(List<FollowUp> pending, int from, Instant now, Promise<Void> done) {
    int to = Math.min(pending.size(), from + SLICE);
    // Whatever fell due or went overdue while the gateway was down is told once, now.
    for (FollowUp f : pending.subList(from, to)) {
      tell(f, FollowUpRules.phase(f, now, overdueAfter));
      hold(f, now);
    }
    arm();
    if (to == pending.size()) done.complete();
    else context.runOnContext(v -> indexFrom(pending, to, now, done));
  }

  @Override
  public Future<?> stop() {
    if (timer >= 0) vertx.cancelTimer(timer);
    return changes.unregister();
  }

  /** How many follow-ups are held. */
  public int size() {
    return held.size();
  }

  /** The worst lateness of a wake-up since the last call, and starts counting again. */
  public long takeWorstLatenessMillis() {
    long worst = worstLatenessMillis;
    worstLatenessMillis = 0;
    return worst;
  }

  private void reread(String id) {
    store.find(id).onSuccess(found -> {
      Instant now = clock.instant();
      forget(id);
      found.filter(f -> !f.state().finished()).ifPresent(f -> {
        Phase phase = FollowUpRules.phase(f, now, overdueAfter);
        // Made or retried when it is already due: its owner hears at once, as a timer would have told them.
        if (phase == Phase.DUE || phase == Phase.OVERDUE) tell(f, phase);
        hold(f, now);
      });
      arm();
    }).onFailure(e -> LOG.atWarn().addKeyValue("followUp", id).setCause(e).log("could not read a changed follow-up"));
  }

  private void hold(FollowUp f, Instant now) {
    held.put(f.id(), f);
    FollowUpRules.nextChange(f, now, overdueAfter).ifPresent(at -> {
      Moment m = new Moment(at, f.id());
      moments.add(m);
      momentOf.put(f.id(), m);
    });
  }

  private void forget(String id) {
    held.remove(id);
    Moment m = momentOf.remove(id);
    if (m != null) moments.remove(m);
  }

  /** One timer, for the soonest moment; set again only when the soonest moment changed. */
  private void arm() {
    Instant soonest = moments.isEmpty() ? Instant.MAX : moments.first().at();
    if (soonest.equals(timerAt)) return;
    if (timer >= 0) vertx.cancelTimer(timer);
    timer = -1;
    timerAt = soonest;
    if (soonest.equals(Instant.MAX)) return;
    long delay = Math.max(1, Duration.between(clock.instant(), soonest).toMillis());
    timer = vertx.setTimer(delay, t -> {
      timer = -1;
      timerAt = Instant.MAX;
      wake();
    });
  }

  private void wake() {
    Instant now = clock.instant();
    while (!moments.isEmpty() && !moments.first().at().isAfter(now)) {
      Moment m = moments.pollFirst();
      momentOf.remove(m.id());
      worstLatenessMillis = Math.max(worstLatenessMillis, Duration.between(m.at(), now).toMillis());
      FollowUp f = held.get(m.id());
      if (f == null) continue;
      tell(f, FollowUpRules.phase(f, now, overdueAfter));
      hold(f, now);
    }
    arm();
  }

  /** Reminds the owner of a due follow-up, alerts supervisors of an overdue one. */
  private void tell(FollowUp f, Phase phase) {
    if (phase != Phase.DUE && phase != Phase.OVERDUE) return;
    if (notices == Notices.EVERY) {
      publish(f, phase);
      return;
    }
    claimThenPublish(f, phase, 1);
  }

  /** A claim the store could not answer is asked again a few times: the reminder is told only once it is claimed. */
  private void claimThenPublish(FollowUp f, Phase phase, int attempt) {
    notices.claim(f, phase).onSuccess(mine -> {
      if (mine) publish(f, phase);
    }).onFailure(e -> {
      boolean again = attempt < CLAIM_ATTEMPTS;
      LOG.atWarn().addKeyValue("followUp", f.id()).setCause(e).log(again ? "could not claim a follow-up's reminder; asking again"
          : "could not claim a follow-up's reminder, so it was not told");
      if (again) vertx.setTimer(CLAIM_RETRY_MILLIS * attempt, t -> claimThenPublish(f, phase, attempt + 1));
    });
  }

  private void publish(FollowUp f, Phase phase) {
    JsonObject frame = new JsonObject().put("type", phase == Phase.DUE ? "follow-up-due" : "follow-up-overdue").put("followUpId", f.id())
        .put("due", f.due().toString()).put("owner", f.owner().wire());
    String to = f.owner().kind() == Owner.Kind.AGENT ? StaffFrames.to(new AgentId(f.owner().name())) : StaffFrames.EVERYONE;
    vertx.eventBus().publish(to, frame);
    if (phase == Phase.OVERDUE) vertx.eventBus().publish(StaffFrames.SUPERVISORS, frame.copy());
  }

  /** Tells the scheduler on any node that the follow-up changed. */
  public static void changed(io.vertx.core.Vertx vertx, String id) {
    vertx.eventBus().publish(CHANGED, id);
  }

  Optional<FollowUp> held(String id) {
    return Optional.ofNullable(held.get(id));
  }
}
