package org.accessline.gateway.store;

import io.vertx.core.Future;
import org.accessline.gateway.report.Report;
import org.accessline.gateway.report.ReportQuery;
import org.accessline.gateway.report.ServiceLevelTargets;

/**
 * Reports over the records, computed by the database from each record's facts (kept as its entries
 * are written), never by loading records. Completes on the caller's context. Auditing who ran a
 * report is the caller's: the store answers whoever asks.
 */
public interface Reports {
  Future<Report> run(ReportQuery query);

  /**
   * The service level targets reports will mostly be asked with, told before reports are run. A
   * store that counts service levels ahead of time counts them against these (rebuilding its counts
   * when they change), and answers reports with other targets the slower way; the answers are the
   * same either way. A store that computes every report from the facts has nothing to prepare.
   */
  default Future<Void> measureAgainst(ServiceLevelTargets targets) {
    return Future.succeededFuture();
  }
}
