package org.accessline.gateway.store;

import java.util.List;

/** One page of search results, and whether more follow. */
public record RecordPage(List<RecordSummary> records, boolean more) {}
