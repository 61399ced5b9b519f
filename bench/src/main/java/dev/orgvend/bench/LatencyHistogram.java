package dev.orgvend.bench;

/**
 * Latencies counted in buckets: 10 µs wide up to 100 ms, then 1 ms wide up to 60 s (longer
 * ones land in the last bucket; the maximum is kept exactly). A fixed array of a few hundred
 * kilobytes per client thread, where a list of every sample would have been megabytes: on two
 * cores the collector's work on such buffers showed up in the very tail it was measuring.
 */
final class LatencyHistogram {
  private static final long FINE_NANOS = 10_000;
  private static final int FINE_BUCKETS = 10_000;
  private static final long COARSE_NANOS = 1_000_000;
  private static final int COARSE_BUCKETS = 59_900;

  private final int[] counts = new int[FINE_BUCKETS + COARSE_BUCKETS];
  private long total;
  private long max;

  void record(long nanos) {
    long n = Math.max(0, nanos);
    int bucket = n < FINE_BUCKETS * FINE_NANOS
        ? (int) (n / FINE_NANOS)
        : (int) Math.min(FINE_BUCKETS + (n - FINE_BUCKETS * FINE_NANOS) / COARSE_NANOS,
            counts.length - 1);
    counts[bucket]++;
    total++;
    max = Math.max(max, n);
  }

  void add(LatencyHistogram other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    total += other.total;
    max = Math.max(max, other.max);
  }

  long count() {
    return total;
  }

  double maxMillis() {
    return max / 1e6;
  }

  /** The upper edge of the bucket holding the p-th latency (0 < p ≤ 1), in milliseconds. */
  double percentileMillis(double p) {
    if (total == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(p * total));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        if (i == counts.length - 1) {
          return maxMillis(); // the overflow bucket has no upper edge
        }
        long upper = i < FINE_BUCKETS ? (i + 1) * FINE_NANOS
            : FINE_BUCKETS * FINE_NANOS + (i - FINE_BUCKETS + 1) * COARSE_NANOS;
        return Math.min(upper, max) / 1e6;
      }
    }
    return maxMillis();
  }
}
