package org.accessline.gateway.store;

import io.vertx.core.Future;
import org.accessline.gateway.report.Report;
import org.accessline.gateway.report.ReportQuery;

/**
 * Reports over the records, computed by the database from each record's facts (kept as its entries
 * are written), never by loading records. Completes on the caller's context. Auditing who ran a
 * report is the caller's: the store answers whoever asks.
 */
public interface Reports {
  Future<Report> run(ReportQuery query);
}
