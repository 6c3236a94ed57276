package dev.canarykit.core.internal.simulation;

import dev.canarykit.core.judge.IntervalCounts;
import dev.canarykit.core.judge.IstioBuckets;
import dev.canarykit.core.judge.VersionCounts;
import java.util.SplittableRandom;

/**
 * One interval of traffic: Poisson arrivals at the total rate, split by the canary weight, failures and
 * latencies per version, counted the way Istio's metrics count them (requests, 5xx, cumulative buckets).
 */
public final class Traffic {
  private Traffic() {}

  /**
   * Generates what each version served in an interval.
   *
   * @param requestsPerSecond total traffic of the service
   * @param seconds the interval's length
   * @param canaryShare the fraction of requests routed to the canary, in [0, 1]
   */
  public static IntervalCounts interval(SplittableRandom rnd, double requestsPerSecond, double seconds,
      double canaryShare, VersionProfile primary, VersionProfile canary) {
    return interval(rnd, requestsPerSecond, seconds, canaryShare, primary, canary, 1);
  }

  /** As {@link #interval}, with failures in clusters of geometric size with mean {@code clusterMean}. */
  public static IntervalCounts interval(SplittableRandom rnd, double requestsPerSecond, double seconds,
      double canaryShare, VersionProfile primary, VersionProfile canary, double clusterMean) {
    long total = Sampling.poisson(rnd, requestsPerSecond * seconds);
    long toCanary = Sampling.binomial(rnd, total, canaryShare);
    return new IntervalCounts(served(rnd, total - toCanary, primary, clusterMean),
        served(rnd, toCanary, canary, clusterMean));
  }

  /** Counts for {@code n} requests served by a version, failing independently. */
  public static VersionCounts served(SplittableRandom rnd, long n, VersionProfile profile) {
    return served(rnd, n, profile, 1);
  }

  /**
   * Counts for {@code n} requests served by a version whose failures come in clusters of geometric size with mean
   * {@code clusterMean} (1: independent), the error rate unchanged on average: Poisson(n·rate/mean) clusters,
   * clipped to the requests.
   */
  public static VersionCounts served(SplittableRandom rnd, long n, VersionProfile profile, double clusterMean) {
    long failures = clusterMean <= 1 ? Sampling.binomial(rnd, n, profile.errorRate())
        : clusteredFailures(rnd, n, profile.errorRate(), clusterMean);
    double[] p = profile.bucketProbabilities();
    double[] cumulative = new double[IstioBuckets.size()];
    long remaining = n;
    double remainingP = 1;
    long running = 0;
    for (int i = 0; i < cumulative.length; i++) {
      long inBucket = remainingP <= 0 ? 0 : Sampling.binomial(rnd, remaining, Math.min(1, p[i] / remainingP));
      remaining -= inBucket;
      remainingP -= p[i];
      running += inBucket;
      cumulative[i] = running;
    }
    return new VersionCounts(n, failures, cumulative);
  }

  private static long clusteredFailures(SplittableRandom rnd, long n, double rate, double mean) {
    long clusters = Sampling.poisson(rnd, n * rate / mean);
    long failures = 0;
    for (long i = 0; i < clusters && failures < n; i++) {
      failures += Sampling.geometric(rnd, mean);
    }
    return Math.min(n, failures);
  }
}
