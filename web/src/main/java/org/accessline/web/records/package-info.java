/**
 * Interaction records: who may read what ({@link org.accessline.web.records.NeedToKnow}), search,
 * reads, exports, legal hold, retention, checkpoints, the audit log, and the offline verifier.
 */
package org.accessline.web.records;
