package org.accessline.transcripts.embedded;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.store.AppendOutcome;
import org.accessline.gateway.store.CallerContext;
import org.accessline.transcripts.seal.SealKey;

/**
 * The store's only writer. It takes every append waiting at that moment and commits them in one
 * transaction, so many concurrent conversations share one flush to disk, and answers each only
 * after the commit. If a shared transaction fails, each append is retried alone so one bad batch
 * cannot take the others down with it.
 */
final class GroupCommitWriter {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
  private static final int MAX_BATCH = 512;

  /** Work that needs the database to itself, between two groups of appends. */
  interface Exclusive {
    /** Runs with the writer's connection and returns the one the writer goes on with (the same, or a new one if it had to close it). */
    Connection run(Connection connection) throws Exception;
  }

  private record Pending(List<Entry> entries, CallerContext<AppendOutcome> reply, Exclusive exclusive) {
    Pending(List<Entry> entries, CallerContext<AppendOutcome> reply) {
      this(entries, reply, null);
    }
  }

  private static final Pending STOP = new Pending(List.of(), null);

  private Connection connection;
  private final SealKey key;
  private final EmbeddedReports reports;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean stopping;

  GroupCommitWriter(Connection connection, SealKey key, EmbeddedReports reports) throws SQLException {
    this.connection = connection;
    this.key = key;
    this.reports = reports;
    connection.setAutoCommit(false);
    this.thread = new Thread(this::run, "accessline-store-writer");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  void submit(List<Entry> entries, CallerContext<AppendOutcome> reply) {
    if (stopping) {
      reply.fail(new IllegalStateException("the interaction store is closed"));
      return;
    }
    queue.add(new Pending(entries, reply));
  }

  /** Runs the work once the appends submitted before it are committed; appends submitted after it wait for it. */
  void exclusive(Exclusive work, CallerContext<?> failed) {
    if (stopping) {
      failed.fail(new IllegalStateException("the interaction store is closed"));
      return;
    }
    queue.add(new Pending(List.of(), null, connection -> {
      try {
        return work.run(connection);
      } catch (Exception e) {
        failed.fail(e);
        throw e;
      }
    }));
  }

  /** Finishes every append already submitted, then closes the connection. */
  void stop() throws InterruptedException, SQLException {
    stopping = true;
    queue.add(STOP);
    thread.join();
    connection.close();
  }

  private void run() {
    List<Pending> batch = new ArrayList<>();
    while (true) {
      try {
        batch.clear();
        batch.add(queue.take());
        queue.drainTo(batch, MAX_BATCH - 1);
        boolean stop = batch.remove(STOP);
        List<Pending> appends = new ArrayList<>();
        for (Pending p : batch) {
          if (p.exclusive() == null) {
            appends.add(p);
            continue;
          }
          if (!appends.isEmpty()) commit(appends);
          appends = new ArrayList<>();
          runExclusive(p.exclusive());
        }
        if (!appends.isEmpty()) commit(appends);
        if (stop) {
          List<Pending> late = new ArrayList<>();
          queue.drainTo(late);
          late.forEach(p -> p.reply().fail(new IllegalStateException("the interaction store is closed")));
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private final WordIndexCache words = new WordIndexCache();

  private void runExclusive(Exclusive work) {
    try {
      connection = work.run(connection);
      connection.setAutoCommit(false);
    } catch (Exception e) {
      LOG.warn("exclusive store work failed", e);
      rollbackQuietly();
    }
  }

  private void commit(List<Pending> batch) {
    List<AppendOutcome> outcomes = new ArrayList<>(batch.size());
    try {
      for (Pending p : batch) outcomes.add(write(p.entries()));
      connection.commit();
      words.committed();
      // A commit reaches the operating system but not the disk; one sync per batch makes every
      // entry in it survive a power cut before anyone is told it is stored.
      try (Statement sync = connection.createStatement()) {
        sync.execute("CHECKPOINT SYNC");
      }
    } catch (SQLException | RuntimeException shared) {
      rollbackQuietly();
      words.rolledBack();
      if (batch.size() > 1) {
        for (Pending p : batch) commit(List.of(p));
      } else {
        LOG.warn("append failed", shared);
        batch.get(0).reply().fail(shared);
      }
      return;
    }
    for (int i = 0; i < batch.size(); i++) batch.get(i).reply().succeed(outcomes.get(i));
  }

  private AppendOutcome write(List<Entry> entries) throws SQLException {
    Optional<Entry> existing = EmbeddedInteractionStore.alreadyStored(connection, entries);
    if (existing.isPresent()) return new AppendOutcome.AlreadyRecorded(existing.get());
    EmbeddedInteractionStore.insert(connection, entries, words, key, reports);
    return new AppendOutcome.Appended(entries);
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException e) {
      LOG.warn("rollback failed", e);
    }
  }
}
