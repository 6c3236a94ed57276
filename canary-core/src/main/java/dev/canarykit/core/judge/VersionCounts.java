package dev.canarykit.core.judge;

import java.util.Arrays;

/**
 * What one version served in one interval: requests, 5xx failures, and the cumulative request-duration bucket
 * counts aligned with {@link IstioBuckets#edges()} (requests at or under each edge). Prometheus' {@code increase()}
 * gives non-integers; the judge rounds and clips them.
 *
 * @param requests requests in the interval
 * @param failures failed requests, at most {@code requests}
 * @param cumulativeBuckets requests at or under each Istio edge; may be empty when latency is not measured
 */
public record VersionCounts(double requests, double failures, double[] cumulativeBuckets) {
  public VersionCounts {
    if (!(requests >= 0) || !(failures >= 0)) {
      throw new IllegalArgumentException("counts must be >= 0, but were " + requests + "/" + failures);
    }
    cumulativeBuckets = cumulativeBuckets == null ? new double[0] : cumulativeBuckets.clone();
    if (cumulativeBuckets.length != 0 && cumulativeBuckets.length != IstioBuckets.size()) {
      throw new IllegalArgumentException("expected " + IstioBuckets.size() + " buckets, but got "
          + cumulativeBuckets.length);
    }
  }

  /** No traffic. */
  public static final VersionCounts NONE = new VersionCounts(0, 0, new double[0]);

  /** Whole requests (rounded). */
  public long requestCount() {
    return Math.round(requests);
  }

  /** Whole failures, rounded and clipped to the requests. */
  public long failureCount() {
    return Math.min(Math.round(failures), requestCount());
  }

  /** Requests slower than {@code edgeMs} (an Istio edge), rounded and clipped to [0, requests]. */
  public long slowerThan(double edgeMs) {
    int i = IstioBuckets.indexOf(edgeMs);
    if (i < 0 || cumulativeBuckets.length == 0) {
      return 0;
    }
    long slower = requestCount() - Math.round(cumulativeBuckets[i]);
    return Math.max(0, Math.min(slower, requestCount()));
  }

  /**
   * The counts of two disjoint sets of requests together. Buckets add up when both were measured; a side that
   * served nothing adds nothing; a side that served requests without buckets leaves the sum without latency.
   */
  public VersionCounts plus(VersionCounts o) {
    if (o.isNone()) {
      return this;
    }
    if (isNone()) {
      return o;
    }
    double[] buckets = new double[0];
    if (hasLatency() && o.hasLatency()) {
      buckets = new double[cumulativeBuckets.length];
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = cumulativeBuckets[i] + o.cumulativeBuckets[i];
      }
    }
    return new VersionCounts(requests + o.requests, failures + o.failures, buckets);
  }

  /** Whether this version served nothing (no request, no failure, every bucket empty or unmeasured). */
  public boolean isNone() {
    if (requests != 0 || failures != 0) {
      return false;
    }
    for (double b : cumulativeBuckets) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether latency buckets were measured. */
  public boolean hasLatency() {
    return cumulativeBuckets.length > 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VersionCounts v && v.requests == requests && v.failures == failures
        && Arrays.equals(v.cumulativeBuckets, cumulativeBuckets);
  }

  @Override
  public int hashCode() {
    return 31 * Double.hashCode(requests) + 17 * Double.hashCode(failures) + Arrays.hashCode(cumulativeBuckets);
  }

  @Override
  public String toString() {
    return "VersionCounts[requests=" + requests + ", failures=" + failures + ", buckets="
        + Arrays.toString(cumulativeBuckets) + "]";
  }
}
