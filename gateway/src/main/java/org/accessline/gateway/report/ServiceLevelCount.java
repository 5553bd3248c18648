package org.accessline.gateway.report;

/**
 * How one record counts towards the service level against an answer time, as the reports' SQL
 * counts it: met when answered after queueing within the time; counted when answered after
 * queueing, or abandoned after waiting longer than the time (a resident who left sooner is not held
 * against it).
 */
public final class ServiceLevelCount {
  private ServiceLevelCount() {}

  public static boolean met(RecordFacts f, long withinMs) {
    return f.answeredMs() != null && f.queuedMs() != null && f.answeredMs() - f.queuedMs() <= withinMs;
  }

  public static boolean counted(RecordFacts f, long withinMs) {
    if (f.answeredMs() != null && f.queuedMs() != null) return true;
    return f.abandoned() && f.endedMs() != null && f.queuedMs() != null && f.endedMs() - f.queuedMs() > withinMs;
  }
}
