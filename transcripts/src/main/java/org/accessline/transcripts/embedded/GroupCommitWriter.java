package org.accessline.transcripts.embedded;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.accessline.gateway.conversation.Entry;
import org.accessline.gateway.store.AppendOutcome;
import org.accessline.gateway.store.CallerContext;

/**
 * The store's only writer. It takes every append waiting at that moment and commits them in one
 * transaction, so many concurrent conversations share one flush to disk, and answers each only
 * after the commit. If a shared transaction fails, each append is retried alone so one bad batch
 * cannot take the others down with it.
 */
final class GroupCommitWriter {
  private static final Logger LOG = Logger.getLogger(GroupCommitWriter.class.getName());
  private static final int MAX_BATCH = 512;

  private record Pending(List<Entry> entries, CallerContext<AppendOutcome> reply) {}

  private static final Pending STOP = new Pending(List.of(), null);

  private final Connection connection;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean stopping;

  GroupCommitWriter(Connection connection) throws SQLException {
    this.connection = connection;
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
        if (!batch.isEmpty()) commit(batch);
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
        LOG.log(Level.WARNING, "append failed", shared);
        batch.get(0).reply().fail(shared);
      }
      return;
    }
    for (int i = 0; i < batch.size(); i++) batch.get(i).reply().succeed(outcomes.get(i));
  }

  private AppendOutcome write(List<Entry> entries) throws SQLException {
    Optional<Entry> existing = EmbeddedInteractionStore.alreadyStored(connection, entries);
    if (existing.isPresent()) return new AppendOutcome.AlreadyRecorded(existing.get());
    EmbeddedInteractionStore.insert(connection, entries, words);
    return new AppendOutcome.Appended(entries);
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "rollback failed", e);
    }
  }
}
