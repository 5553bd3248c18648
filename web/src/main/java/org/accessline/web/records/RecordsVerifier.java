package org.accessline.web.records;

import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accessline.gateway.conversation.ConversationId;
import org.accessline.gateway.store.EntryChain;
import org.accessline.gateway.store.InteractionStore;
import org.accessline.gateway.store.StoreReport;
import org.accessline.web.config.AccesslineConfig;

/**
 * {@code java -jar accessline.jar verify [--config FILE] (--all | ID…)}: checks interaction records'
 * hash chains and sealed heads straight from the configured store (the embedded one with the gateway
 * stopped), names the first entry that does not match, and checks the audit log's chain, the
 * checkpoint file, and (with --all) records deleted outright. Exit status: 0 when all is intact, 3
 * when something was altered, truncated or deleted, 2 for bad arguments.
 */
public final class RecordsVerifier {
  public static final int ALTERED = 3;
  public static final int USAGE = 2;

  private RecordsVerifier() {}

  public static int run(AccesslineConfig config, List<String> args, PrintStream out) {
    List<ConversationId> ids = new ArrayList<>();
    boolean all = false;
    for (String arg : args) {
      if (arg.equals("--all")) {
        all = true;
      } else {
        Optional<ConversationId> id = ConversationId.parse(arg);
        if (id.isEmpty()) {
          out.println("Not a record id: " + arg);
          return USAGE;
        }
        ids.add(id.get());
      }
    }
    if (!all && ids.isEmpty()) {
      out.println("Usage: verify [--config FILE] (--all | RECORD-ID...)");
      return USAGE;
    }
    Vertx vertx = Vertx.vertx();
    InteractionStore store = Stores.open(vertx, config);
    try {
      store.start().await();
      StoreReport whole = store.verifyStore().await();
      if (all) {
        ids = new ArrayList<>(store.conversationIds().await());
        ids.addAll(whole.missing());
      }
      int altered = 0;
      for (ConversationId id : ids) {
        Optional<EntryChain.Report> report = store.verify(id).await();
        if (report.isEmpty()) {
          out.println(id + "  unknown");
          continue;
        }
        EntryChain.Report r = report.get();
        if (r.status() != EntryChain.Report.Status.INTACT && r.status() != EntryChain.Report.Status.UNSEALED) altered++;
        out.println(id + "  " + r.status().name().toLowerCase() + "  " + r.entries() + " entries  " + r.detail());
      }
      out.println(ids.size() + " checked, " + altered + " altered, truncated or missing.");
      out.println("audit log  " + whole.audit().status().name().toLowerCase() + "  " + whole.audit().rows() + " rows  " + whole.audit().detail());
      out.println("checkpoints  " + whole.checkpoints() + " trusted" + whole.checkpointProblem().map(p -> "  " + p).orElse(""));
      return altered == 0 && whole.intact() ? 0 : ALTERED;
    } finally {
      store.close().await();
      vertx.close().await();
    }
  }
}
