package org.accessline.gateway.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * What checking a store as a whole found, beyond each record's own chain: the audit log's chain,
 * records a checkpoint remembers that the database lost, and the checkpoint file's own chain.
 *
 * @param checkpoints how many checkpoint lines could be trusted
 * @param checkpointProblem why the rest of the checkpoint file could not be, if it could not
 */
public record StoreReport(AuditChain.Report audit, List<org.accessline.gateway.conversation.ConversationId> missing, long checkpoints,
    Optional<String> checkpointProblem) {
  public StoreReport {
    missing = List.copyOf(missing);
  }

  public boolean intact() {
    return audit.status() == AuditChain.Report.Status.INTACT && missing.isEmpty() && checkpointProblem.isEmpty();
  }

  public JsonObject toJson() {
    JsonArray gone = new JsonArray();
    missing.forEach(id -> gone.add(id.value()));
    JsonObject json = new JsonObject().put("audit", audit.toJson()).put("missingRecords", gone).put("checkpoints", checkpoints);
    checkpointProblem.ifPresent(p -> json.put("checkpointProblem", p));
    return json;
  }
}
