package dev.canarykit.core.internal.simulation;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.judge.IstioBuckets;
import dev.canarykit.core.judge.VersionCounts;

/**
 * What Flagger's built-in Istio queries would return for a version's counts: the success rate in percent and
 * {@code histogram_quantile(0.99, ...)} over Istio's buckets, interpolating linearly inside the bucket as
 * Prometheus does. No requests gives no data (0/0 is NaN).
 */
final class FlaggerMetrics {
  private static final Outcome.NoData NO_DATA = new Outcome.NoData("no values found");

  private FlaggerMetrics() {}

  static Outcome.MetricResult successRate(VersionCounts c) {
    if (c.requests() <= 0) {
      return NO_DATA;
    }
    return new Outcome.MetricValue((1 - c.failures() / c.requests()) * 100);
  }

  static Outcome.MetricResult p99(VersionCounts c) {
    if (c.requests() <= 0 || !c.hasLatency()) {
      return NO_DATA;
    }
    return new Outcome.MetricValue(quantile(0.99, c.cumulativeBuckets(), c.requests()));
  }

  /** Prometheus' histogram_quantile over cumulative buckets with a +Inf bucket of {@code total}. */
  static double quantile(double q, double[] cumulative, double total) {
    double[] edges = IstioBuckets.edges();
    double rank = q * total;
    double lowerEdge = 0;
    double lowerCount = 0;
    for (int i = 0; i < edges.length; i++) {
      if (cumulative[i] >= rank) {
        double inBucket = cumulative[i] - lowerCount;
        return inBucket <= 0 ? edges[i] : lowerEdge + (edges[i] - lowerEdge) * (rank - lowerCount) / inBucket;
      }
      lowerEdge = edges[i];
      lowerCount = cumulative[i];
    }
    return edges[edges.length - 1];
  }
}
