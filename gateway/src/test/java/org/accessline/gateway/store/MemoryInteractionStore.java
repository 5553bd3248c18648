package org.accessline.gateway.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import org.accessline.gateway.conversation.Contact;
import org.accessline.gateway.conversation.ConversationEvent;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.conversation.Entry;

/**
 * The whole store SPI in memory, for fast tests of what stands on it. It keeps what the stream
 * relies on as strictly as the real stores: a batch is written whole or not at all; a dedupe key
 * already stored anywhere writes nothing and answers with the stored entry; a batch must continue its
 * conversation's numbering without a gap or a clash; entries are chained by hash. Search is a scan ({@link MemorySearch}).
 * Futures complete on the caller's context, a turn later, as a real store's would.
 *
 * <p>{@link #holdAppends()} keeps appends from becoming durable until the test lets them, to show
 * what a caller does while a write is not yet durable.
 */
public final class MemoryInteractionStore implements InteractionStore {
  private static final class Conversation {
    final long num;
    final Contact contact;
    final Instant opened;
    final Optional<ConversationId> previous;
    final List<Entry> entries = new ArrayList<>();
    final List<String> hashes = new ArrayList<>();
    boolean legalHold;

    Conversation(long num, Contact contact, Instant opened, Optional<ConversationId> previous) {
      this.num = num;
      this.contact = contact;
      this.opened = opened;
      this.previous = previous;
    }

    Optional<Entry> resolution() {
      Entry last = null;
      for (Entry e : entries) if (e.event() instanceof ConversationEvent.Resolved) last = e;
      return Optional.ofNullable(last);
    }

    Optional<String> disposition() {
      return resolution().map(e -> ((ConversationEvent.Resolved) e.event()).disposition());
    }
  }

  private record AuditRow(AuditEvent event, String previous, String hash) {}

  private record Checkpointed(Map<ConversationId, String> heads, AuditChain.Head audit) {}

  private final Map<ConversationId, Conversation> conversations = new LinkedHashMap<>();
  private final Map<String, Entry> byDedupeKey = new HashMap<>();
  private final List<AuditRow> auditLog = new ArrayList<>();
  private final Set<ConversationId> purged = new HashSet<>();
  private final List<Checkpointed> checkpoints = new ArrayList<>();
  private long nextNum = 1;
  private AppendHold hold;
  private long epoch;

  /** Appends waiting to be made durable; see {@link MemoryInteractionStore#holdAppends()}. */
  public final class AppendHold {
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private final Queue<Promise<List<Entry>>> watchers = new ArrayDeque<>();
    private final Queue<List<Entry>> requested = new ArrayDeque<>();

    /** The next batch asked to be appended while held (it is not durable yet). */
    public Future<List<Entry>> next() {
      synchronized (MemoryInteractionStore.this) {
        if (!requested.isEmpty()) return Future.succeededFuture(requested.poll());
        Promise<List<Entry>> promise = Promise.promise();
        watchers.add(promise);
        return promise.future();
      }
    }

    /** Makes every held append durable, in the order asked, and answers each; appends after this go straight through. */
    public void release() {
      List<Runnable> run;
      synchronized (MemoryInteractionStore.this) {
        hold = null;
        run = new ArrayList<>(waiting);
        waiting.clear();
      }
      run.forEach(Runnable::run);
    }

    private void add(List<Entry> batch, Runnable write) {
      waiting.add(write);
      Promise<List<Entry>> watcher = watchers.poll();
      if (watcher != null) watcher.complete(batch);
      else requested.add(batch);
    }
  }

  /** From now until {@link AppendHold#release()}, appends wait and their futures stay pending. */
  public synchronized AppendHold holdAppends() {
    if (hold != null) throw new IllegalStateException("appends are already held");
    hold = new AppendHold();
    return hold;
  }

  /** Whether exactly this entry is durable: what a signal's consumer may check against what it was told. */
  public synchronized boolean holds(Entry entry) {
    Conversation c = conversations.get(entry.conversationId());
    return c != null && entry.seq() <= c.entries.size() && c.entries.get((int) entry.seq() - 1).equals(entry);
  }

  /** The durable entry at {@code seq}, read at once: what an adapter may check against what it was handed. */
  public synchronized Optional<Entry> stored(ConversationId conversation, long seq) {
    Conversation c = conversations.get(conversation);
    return c == null || seq < 1 || seq > c.entries.size() ? Optional.empty() : Optional.of(c.entries.get((int) seq - 1));
  }

  @Override
  public Future<Void> start() {
    return answer(null);
  }

  @Override
  public Future<Void> close() {
    return answer(null);
  }

  @Override
  public Future<Long> claimOwnership(OwnerClaim claim) {
    synchronized (this) {
      return Future.succeededFuture(++epoch);
    }
  }

  @Override
  public Future<AppendOutcome> append(List<Entry> entries, long fence) {
    synchronized (this) {
      if (fence != epoch) return Future.failedFuture(new StaleOwnerException(fence, epoch));
    }
    return append(entries);
  }

  @Override
  public Future<AppendOutcome> append(List<Entry> entries) {
    List<Entry> batch = List.copyOf(entries);
    CallerContext<AppendOutcome> reply = new CallerContext<>();
    synchronized (this) {
      if (hold != null) {
        hold.add(batch, () -> write(batch, reply));
        return reply.future();
      }
    }
    write(batch, reply);
    return reply.future();
  }

  private void write(List<Entry> batch, CallerContext<AppendOutcome> reply) {
    AppendOutcome outcome;
    try {
      outcome = writeNow(batch);
    } catch (IllegalStateException | IllegalArgumentException refused) {
      reply.fail(refused);
      return;
    }
    reply.succeed(outcome);
  }

  private synchronized AppendOutcome writeNow(List<Entry> batch) {
    if (batch.isEmpty()) throw new IllegalArgumentException("an append needs entries");
    for (Entry e : batch) {
      Entry stored = e.dedupeKey().map(byDedupeKey::get).orElse(null);
      if (stored != null) return new AppendOutcome.AlreadyRecorded(stored);
    }
    Entry first = batch.get(0);
    ConversationId id = first.conversationId();
    Conversation c = conversations.get(id);
    if (first.event() instanceof ConversationEvent.Opened opened) {
      if (c != null || purged.contains(id)) throw new IllegalStateException("conversation " + id + " already exists");
      c = new Conversation(nextNum, opened.contact(), first.at(), opened.previous());
    } else if (c == null) {
      throw new IllegalStateException("no conversation " + id + " to append to");
    }
    long seq = c.entries.size();
    Set<String> keys = new HashSet<>();
    for (Entry e : batch) {
      if (!e.conversationId().equals(id)) throw new IllegalArgumentException("one batch is one conversation's");
      if (e.seq() != ++seq) throw new IllegalStateException("entry " + id + "#" + e.seq() + " does not follow #" + (seq - 1));
      if (e.dedupeKey().isPresent() && !keys.add(e.dedupeKey().get())) throw new IllegalArgumentException("a dedupe key twice in one batch");
    }
    if (first.event() instanceof ConversationEvent.Opened) {
      conversations.put(id, c);
      nextNum++;
    }
    String previous = c.hashes.isEmpty() ? EntryChain.GENESIS : c.hashes.get(c.hashes.size() - 1);
    for (Entry e : batch) {
      previous = EntryChain.hash(previous, e);
      c.entries.add(e);
      c.hashes.add(previous);
      e.dedupeKey().ifPresent(k -> byDedupeKey.put(k, e));
    }
    return new AppendOutcome.Appended(batch);
  }

  @Override
  public synchronized Future<List<Entry>> entries(ConversationId conversation, long afterSeq) {
    Conversation c = conversations.get(conversation);
    if (c == null) return answer(List.of());
    return answer(List.copyOf(c.entries.subList((int) Math.min(Math.max(afterSeq, 0), c.entries.size()), c.entries.size())));
  }

  @Override
  public synchronized Future<List<List<Entry>>> openConversations() {
    List<List<Entry>> open = new ArrayList<>();
    for (Conversation c : conversations.values()) if (c.resolution().isEmpty()) open.add(List.copyOf(c.entries));
    return answer(open);
  }

  @Override
  public synchronized Future<Optional<ConversationId>> latestConversation(Contact contact) {
    // Newest opening first; at the same time, an open conversation before a resolved one.
    Comparator<Conversation> latest = Comparator.<Conversation, Instant>comparing(c -> c.opened)
        .thenComparing(c -> c.resolution().map(Entry::at).orElse(Instant.MAX))
        .thenComparingLong(c -> c.num);
    return answer(of(contact).max(latest).map(c -> c.entries.get(0).conversationId()));
  }

  @Override
  public synchronized Future<List<ConversationSummary>> history(Contact contact, int limit) {
    return answer(of(contact).sorted(newestFirst()).limit(limit)
        .map(c -> new ConversationSummary(idOf(c), c.opened, c.resolution().map(Entry::at), c.disposition())).toList());
  }

  @Override
  public synchronized Future<List<EarlierRecord>> earlierRecords(List<Contact> contacts, int limit) {
    return answer(conversations.values().stream().filter(c -> contacts.contains(c.contact)).sorted(newestFirst()).limit(limit).map(c -> {
      Optional<ConversationEvent.DetailsSet> details = Optional.empty();
      List<String> agents = new ArrayList<>();
      for (Entry e : c.entries) {
        if (e.event() instanceof ConversationEvent.DetailsSet d) details = Optional.of(d);
        if (e.event() instanceof ConversationEvent.Assigned a && !agents.contains(a.agentName())) agents.add(a.agentName());
      }
      return new EarlierRecord(idOf(c), c.contact.channel(), c.opened, c.resolution().map(Entry::at), c.disposition(),
          details.flatMap(ConversationEvent.DetailsSet::category), details.map(ConversationEvent.DetailsSet::tags).orElse(List.of()), agents);
    }).toList());
  }

  private final MemoryCannedReplies cannedReplies = new MemoryCannedReplies();
  private final MemoryAdministration administration = new MemoryAdministration();

  @Override
  public Administration administration() {
    return administration;
  }

  @Override
  public org.accessline.gateway.directory.Directory directory() {
    throw new UnsupportedOperationException("the resource directory is kept only by the real stores");
  }

  /** Reports are computed by a database; tests that need them use a real store. */
  @Override
  public Reports reports() {
    return query -> io.vertx.core.Future.failedFuture(new UnsupportedOperationException("reports need a database store"));
  }

  @Override
  public QualityReviews qualityReviews() {
    throw new UnsupportedOperationException("the gateway's tests keep no quality reviews");
  }

  @Override
  public CannedReplies cannedReplies() {
    return cannedReplies;
  }

  /** The stream's tests never reach service requests; the stores' contract suite covers them. */
  @Override
  public ServiceRequests serviceRequests() {
    throw new UnsupportedOperationException("service requests are kept by the real stores");
  }

  /** The stream's tests never reach follow-ups; the stores' contract suite covers them. */
  @Override
  public FollowUps followUps() {
    throw new UnsupportedOperationException("follow-ups are kept by the real stores");
  }

  /** Canned replies in a map, keeping each set's shortcuts apart as the real stores' unique key does. */
  private static final class MemoryCannedReplies implements CannedReplies {
    private final Map<String, CannedReply> byId = new LinkedHashMap<>();

    public synchronized Future<List<CannedReply>> visibleTo(String agent) {
      return answer(byId.values().stream().filter(r -> r.visibleTo(agent)).sorted(Comparator.comparing((CannedReply r) -> r.title().toLowerCase()))
          .toList());
    }

    public synchronized Future<Optional<CannedReply>> find(String id) {
      return answer(Optional.ofNullable(byId.get(id)));
    }

    public synchronized Future<Void> save(CannedReply reply) {
      boolean clash = byId.values().stream().anyMatch(r -> !r.id().equals(reply.id()) && r.owner().equals(reply.owner())
          && r.shortcut().equals(reply.shortcut()));
      if (clash) return Future.failedFuture(new ShortcutTaken(reply.shortcut()));
      byId.put(reply.id(), reply);
      return answer(null);
    }

    public synchronized Future<Boolean> delete(String id) {
      return answer(byId.remove(id) != null);
    }

    public synchronized Future<Integer> countOwnedBy(String agent) {
      return answer((int) byId.values().stream().filter(r -> r.owner().equals(Optional.of(agent))).count());
    }
  }

  @Override
  public synchronized Future<Boolean> optedOut(Contact contact) {
    Entry latest = null;
    long latestNum = -1;
    for (Conversation c : of(contact).toList()) {
      for (Entry e : c.entries) {
        if (!(e.event() instanceof ConversationEvent.ConsentChanged)) continue;
        boolean later = latest == null || e.at().isAfter(latest.at()) || (e.at().equals(latest.at()) && (c.num > latestNum
            || (c.num == latestNum && e.seq() > latest.seq())));
        if (later) {
          latest = e;
          latestNum = c.num;
        }
      }
    }
    return answer(latest != null && ((ConversationEvent.ConsentChanged) latest.event()).optedOut());
  }

  @Override
  public synchronized Future<RecordPage> search(RecordQuery q) {
    List<RecordSummary> found = conversations.values().stream().filter(c -> MemorySearch.matches(c.contact, c.opened, c.entries, q)).sorted(newestFirst())
        .skip(q.offset()).limit(q.limit() + 1L)
        .map(c -> new RecordSummary(idOf(c), c.contact.channel().name(), c.contact.address(), c.opened, c.resolution().map(Entry::at), c.disposition()))
        .toList();
    boolean more = found.size() > q.limit();
    return answer(new RecordPage(more ? found.subList(0, q.limit()) : found, more));
  }

  @Override
  public Future<Void> audit(AuditEvent event) {
    return audit(List.of(event));
  }

  @Override
  public synchronized Future<Void> audit(List<AuditEvent> events) {
    for (AuditEvent event : events) {
      String previous = auditLog.isEmpty() ? AuditChain.GENESIS : auditLog.get(auditLog.size() - 1).hash();
      auditLog.add(new AuditRow(event, previous, AuditChain.hash(previous, event)));
    }
    return answer(null);
  }

  @Override
  public synchronized Future<List<AuditEvent>> auditTrail(Optional<String> target, int limit) {
    List<AuditEvent> newestFirst = new ArrayList<>();
    for (int i = auditLog.size() - 1; i >= 0 && newestFirst.size() < limit; i--) {
      AuditEvent e = auditLog.get(i).event();
      if (target.isEmpty() || target.get().equals(e.target())) newestFirst.add(e);
    }
    return answer(newestFirst);
  }

  @Override
  public synchronized Future<Boolean> setLegalHold(ConversationId conversation, boolean on) {
    Conversation c = conversations.get(conversation);
    if (c != null) c.legalHold = on;
    return answer(c != null);
  }

  @Override
  public synchronized Future<Boolean> onLegalHold(ConversationId conversation) {
    Conversation c = conversations.get(conversation);
    return answer(c != null && c.legalHold);
  }

  @Override
  public synchronized Future<Integer> purge(Instant resolvedBefore, Instant now) {
    List<Conversation> due = conversations.values().stream()
        .filter(c -> c.resolution().filter(r -> r.at().isBefore(resolvedBefore)).isPresent() && !c.legalHold && !heldByAuditLog(idOf(c))).toList();
    for (Conversation c : due) {
      conversations.remove(idOf(c));
      c.entries.forEach(e -> e.dedupeKey().ifPresent(byDedupeKey::remove));
      purged.add(idOf(c));
    }
    return answer(due.size());
  }

  /** A hold in the audit log with no release after it keeps a record, whatever its flag says. */
  private boolean heldByAuditLog(ConversationId id) {
    boolean held = false;
    for (AuditRow row : auditLog) {
      if (!row.event().target().equals(id.value())) continue;
      if (row.event().action().equals("hold")) held = true;
      if (row.event().action().equals("release")) held = false;
    }
    return held;
  }

  @Override
  public synchronized Future<Boolean> purged(ConversationId conversation) {
    return answer(purged.contains(conversation));
  }

  @Override
  public synchronized Future<List<ConversationId>> conversationIds() {
    return answer(conversations.values().stream().map(MemoryInteractionStore::idOf).toList());
  }

  @Override
  public synchronized Future<Optional<EntryChain.Report>> verify(ConversationId conversation) {
    Conversation c = conversations.get(conversation);
    if (c == null) {
      Optional<Long> seenBy = purged.contains(conversation) ? Optional.empty() : lastCheckpointSeeing(conversation);
      return answer(seenBy.map(n -> new EntryChain.Report(EntryChain.Report.Status.MISSING, 0, Optional.empty(),
          "checkpoint #" + n + " saw this record and no purge explains its absence", Optional.of(n))));
    }
    return answer(Optional.of(EntryChain.check(c.entries, c.hashes)));
  }

  private Optional<Long> lastCheckpointSeeing(ConversationId id) {
    for (int i = checkpoints.size() - 1; i >= 0; i--) if (checkpoints.get(i).heads().containsKey(id)) return Optional.of((long) i + 1);
    return Optional.empty();
  }

  @Override
  public synchronized Future<StoreReport> verifyStore() {
    AuditChain.Checker checker = new AuditChain.Checker();
    auditLog.forEach(row -> checker.accept(row.event(), row.previous(), row.hash()));
    Optional<AuditChain.Head> seen = checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.get(checkpoints.size() - 1).audit());
    Set<ConversationId> remembered = new HashSet<>();
    checkpoints.forEach(cp -> remembered.addAll(cp.heads().keySet()));
    List<ConversationId> missing = remembered.stream().filter(id -> !conversations.containsKey(id) && !purged.contains(id))
        .sorted(Comparator.comparing(ConversationId::value)).toList();
    return answer(new StoreReport(checker.result(seen), missing, checkpoints.size(), Optional.empty()));
  }

  @Override
  public synchronized Future<Long> checkpoint(Instant now) {
    Map<ConversationId, String> heads = new LinkedHashMap<>();
    conversations.values().forEach(c -> heads.put(idOf(c), c.hashes.get(c.hashes.size() - 1)));
    String auditHash = auditLog.isEmpty() ? AuditChain.GENESIS : auditLog.get(auditLog.size() - 1).hash();
    long number = checkpoints.size() + 1L;
    checkpoints.add(new Checkpointed(heads, new AuditChain.Head(auditLog.size(), auditHash, number)));
    return answer(number);
  }

  @Override
  public synchronized Future<List<ConversationId>> following(ConversationId conversation) {
    return answer(conversations.values().stream().filter(c -> c.previous.equals(Optional.of(conversation)))
        .sorted(Comparator.<Conversation, Instant>comparing(c -> c.opened).thenComparingLong(c -> c.num)).map(MemoryInteractionStore::idOf).toList());
  }

  private java.util.stream.Stream<Conversation> of(Contact contact) {
    return conversations.values().stream().filter(c -> c.contact.equals(contact));
  }

  private static Comparator<Conversation> newestFirst() {
    return Comparator.<Conversation, Instant>comparing(c -> c.opened).thenComparingLong(c -> c.num).reversed();
  }

  private static ConversationId idOf(Conversation c) {
    return c.entries.get(0).conversationId();
  }

  private static <T> Future<T> answer(T value) {
    CallerContext<T> reply = new CallerContext<>();
    reply.succeed(value);
    return reply.future();
  }
}
