package dev.canarykit.core.internal.simulation;

import dev.canarykit.core.judge.IstioBuckets;

/**
 * How one version behaves: its failure probability and a log-normal latency fitted to its P50 and P99.
 *
 * @param errorRate probability that a request fails (5xx), in [0, 1]
 * @param latencyP50Ms median latency in ms (&gt; 0)
 * @param latencyP99Ms 99th percentile in ms (&gt;= P50)
 */
public record VersionProfile(double errorRate, double latencyP50Ms, double latencyP99Ms) {
  private static final double Z99 = 2.3263478740408408;

  public VersionProfile {
    if (!(errorRate >= 0 && errorRate <= 1)) {
      throw new IllegalArgumentException("errorRate must be in [0, 1], but was " + errorRate);
    }
    if (!(latencyP50Ms > 0) || !(latencyP99Ms >= latencyP50Ms)) {
      throw new IllegalArgumentException("latencies must satisfy 0 < p50 <= p99, but were " + latencyP50Ms + ", "
          + latencyP99Ms);
    }
  }

  /** This profile with every latency multiplied by {@code factor} (a cold pod). */
  public VersionProfile slowerBy(double factor) {
    return factor == 1 ? this : new VersionProfile(errorRate, latencyP50Ms * factor, latencyP99Ms * factor);
  }

  /** The probability that a request takes at most {@code ms}. */
  public double latencyCdf(double ms) {
    double mu = Math.log(latencyP50Ms);
    double sigma = (Math.log(latencyP99Ms) - mu) / Z99;
    if (sigma == 0) {
      return ms >= latencyP50Ms ? 1 : 0;
    }
    return Sampling.normalCdf((Math.log(ms) - mu) / sigma);
  }

  /** The probability of each Istio bucket (between consecutive edges; the last entry is above the last edge). */
  public double[] bucketProbabilities() {
    double[] edges = IstioBuckets.edges();
    double[] p = new double[edges.length + 1];
    double below = 0;
    for (int i = 0; i < edges.length; i++) {
      double cdf = latencyCdf(edges[i]);
      p[i] = Math.max(0, cdf - below);
      below = cdf;
    }
    p[edges.length] = Math.max(0, 1 - below);
    return p;
  }
}
