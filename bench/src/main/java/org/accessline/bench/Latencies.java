package org.accessline.bench;

import java.util.Arrays;

/** Latency samples in microseconds, and their percentiles. Not thread-safe: record on one thread. */
final class Latencies {
  private long[] samples = new long[1 << 16];
  private int count;

  void record(long micros) {
    if (count == samples.length) samples = Arrays.copyOf(samples, count * 2);
    samples[count++] = micros;
  }

  void addAll(Latencies other) {
    for (int i = 0; i < other.count; i++) record(other.samples[i]);
  }

  int count() {
    return count;
  }

  String summary() {
    if (count == 0) return "no samples";
    long[] sorted = Arrays.copyOf(samples, count);
    Arrays.sort(sorted);
    return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)",
        at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[count - 1] / 1000.0, count);
  }

  double percentileMillis(double q) {
    if (count == 0) return Double.NaN;
    long[] sorted = Arrays.copyOf(samples, count);
    Arrays.sort(sorted);
    return at(sorted, q);
  }

  private static double at(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1000.0;
  }
}
