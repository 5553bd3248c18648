package org.accessline.web.records;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.accessline.gateway.store.AuditEvent;
import org.accessline.gateway.store.InteractionRecord;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.store.RecordQuery;
import org.accessline.gateway.store.RecordSummary;
import org.accessline.transcripts.export.RecordExport;

/**
 * One bulk export as it streams: page after page of whole records, each page's records written to
 * the audit log (one entry per record, so each record's own access history shows the export) before
 * any of them is sent, and each line sent only when the client has taken the one before
 * (back-pressure), so an export of any size holds one page in memory.
 *
 * <p>Paging walks down the records' opening times instead of counting an ever larger offset: each
 * page asks for records opened at or before the last one sent, skipping those already sent at that
 * same instant, and re-reads the last one sent to prove nothing before it moved. Records opened
 * after the export began are not part of it. If a page cannot be read, or the records changed under
 * the export, the stream ends with an explicit error line and the audit log says the export was
 * incomplete and how many records it held.
 */
final class BulkExport {
  /** Records per page; one more is read to check the page joins the one before. */
  static final int PAGE = 100;

  /** What the export writes: the format's header, one record, and the error that ends it early. */
  record Format(String name, Optional<String> header, Function<InteractionRecord, String> line, Function<String, String> error) {}

  private final InteractionStore store;
  private final Clock clock;
  private final HttpServerResponse response;
  private final Format format;
  private final boolean redact;
  private final String actor;
  private final String exportId;
  private final long limit;
  private long toSkip;
  private Promise<Void> drained;
  private boolean clientGone;
  private long sent;

  BulkExport(InteractionStore store, Clock clock, HttpServerResponse response, Format format, boolean redact, String actor, String exportId, long offset, long limit) {
    this.store = store;
    this.clock = clock;
    this.response = response;
    this.format = format;
    this.redact = redact;
    this.actor = actor;
    this.exportId = exportId;
    this.limit = limit;
    this.toSkip = offset;
    response.closeHandler(v -> {
      clientGone = true;
      if (drained != null) drained.tryFail("the client closed the connection");
    });
  }

  /** Streams every record the query matches from its offset on, then ends the response. Completes with the number sent. */
  Future<Long> run(RecordQuery first) {
    format.header().ifPresent(response::write);
    return page(first, Optional.empty(), 0).transform(ar -> {
      boolean complete = ar.succeeded();
      String outcome = complete ? sent + " records, complete"
          : sent + " records, incomplete: " + Optional.ofNullable(ar.cause().getMessage()).orElse(ar.cause().toString());
      if (!complete && !clientGone) response.write(format.error().apply("The export stopped after " + sent + " records: "
          + ar.cause().getMessage() + " It is incomplete; run it again."));
      return store.audit(new AuditEvent(clock.instant(), actor, complete ? "export_complete" : "export_incomplete", "export " + exportId, outcome))
          .transform(audited -> {
            if (!clientGone) response.end();
            return complete ? Future.succeededFuture(sent) : Future.failedFuture(ar.cause());
          });
    });
  }

  /**
   * One page. {@code last} is the last record the walk passed (sent, or skipped for the offset), and
   * {@code atLast} how many passed records share its opening time, which is how many the next page skips.
   */
  private Future<Void> page(RecordQuery q, Optional<RecordSummary> last, int atLast) {
    if (sent >= limit) return Future.succeededFuture();
    RecordQuery asked = last.isEmpty() ? withPage(q, q.openedBefore(), PAGE, 0)
        : withPage(q, Optional.of(last.get().opened().plus(1, ChronoUnit.MICROS)), PAGE + 1, atLast - 1);
    return store.search(asked).compose(page -> {
      List<RecordSummary> records = new ArrayList<>(page.records());
      if (last.isPresent()) {
        if (records.isEmpty() || !records.get(0).id().equals(last.get().id())) {
          return Future.failedFuture(new IllegalStateException("records were purged or changed while the export ran."));
        }
        records.remove(0);
      }
      if (records.isEmpty()) return Future.succeededFuture();
      int skipped = (int) Math.min(toSkip, records.size());
      toSkip -= skipped;
      int sending = (int) Math.min(records.size() - skipped, limit - sent);
      List<RecordSummary> passed = records.subList(0, skipped + sending);
      List<RecordSummary> toSend = records.subList(skipped, skipped + sending);
      return auditPage(toSend).compose(v -> sendAll(toSend)).compose(v -> {
        RecordSummary end = passed.get(passed.size() - 1);
        int same = (int) passed.stream().filter(r -> r.opened().equals(end.opened())).count();
        int nextAtLast = last.filter(l -> l.opened().equals(end.opened())).isPresent() ? atLast + same : same;
        boolean more = page.more() || passed.size() < records.size();
        return more ? page(q, Optional.of(end), nextAtLast) : Future.succeededFuture();
      });
    });
  }

  private static RecordQuery withPage(RecordQuery q, Optional<Instant> before, int limit, int offset) {
    return new RecordQuery(q.openedFrom(), before, q.channel(), q.agent(), q.contact(), q.disposition(), q.text(), q.tag(), q.category(), limit, offset);
  }

  /** The page's records are in the audit log, each under its own id, before any of them is sent. */
  private Future<Void> auditPage(List<RecordSummary> records) {
    Instant now = clock.instant();
    String detail = "export " + exportId + " (" + format.name() + (redact ? ", redacted" : "") + ")";
    return store.audit(records.stream().map(r -> new AuditEvent(now, actor, "export", r.id().value(), detail)).toList());
  }

  /** Reads the page's records side by side, then sends them in order, each once the client has room. */
  private Future<Void> sendAll(List<RecordSummary> records) {
    List<Future<Optional<InteractionRecord>>> reads = records.stream().map(r -> store.record(r.id())).toList();
    return Future.all(reads).compose(all -> {
      Future<Void> chain = Future.succeededFuture();
      for (int i = 0; i < records.size(); i++) {
        RecordSummary summary = records.get(i);
        Optional<InteractionRecord> found = reads.get(i).result();
        chain = chain.compose(v -> found.isEmpty()
            ? Future.failedFuture(new IllegalStateException("record " + summary.id() + " was purged while the export ran."))
            : send(format.line().apply(redact ? RecordExport.redacted(found.get()) : found.get())));
      }
      return chain;
    });
  }

  /** Writes one line, and waits for the client to take it if the connection's queue is full. */
  private Future<Void> send(String line) {
    if (clientGone) return Future.failedFuture(new IllegalStateException("the client closed the connection."));
    response.write(line);
    sent++;
    if (!response.writeQueueFull()) return Future.succeededFuture();
    drained = Promise.promise();
    Promise<Void> waiting = drained;
    response.drainHandler(v -> waiting.tryComplete());
    return waiting.future();
  }
}
