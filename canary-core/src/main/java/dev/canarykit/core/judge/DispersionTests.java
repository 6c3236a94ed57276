package dev.canarykit.core.judge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * An anytime-valid upper confidence bound on the mean size of failure clusters, learnt from the failure counts the
 * judge sees, so that the rollback error tests temper their evidence only as much as the observed clustering needs
 * ({@code docs/judge-statistics.md} §9; docs/decisions.md, "Clumped failures").
 *
 * <p>Each version's failures in an interval are a Pólya–Aeppli count: Poisson clusters of geometric size with mean
 * m, at a rate that may change every interval. For each candidate bound b below the policy's bound M this class runs
 * an e-process against "m &gt; b": per interval and version with past failures, the probability of the observed
 * count under a predicted rate (the version's failures per request so far) and a smaller mean m' (a mixture over
 * m' in {1} and the candidates below b), divided by the largest probability any rate gives that count at mean b.
 * That largest probability only falls as the mean grows, so it bounds the count's probability under every mean in
 * [b, M] and every rate: each factor has expectation at most 1 whatever the rates do (universal inference), and the
 * mixture of products is a test supermartingale. A hypothesis is rejected once its e-process reaches 1/α_d.
 * The bound is the smallest candidate whose hypothesis and every one above it were rejected, M while none was:
 * it is below the true mean only if the true mean's own hypothesis was rejected, which happens with probability
 * at most α_d over the whole rollout. Immutable.
 */
final class ClusterBound {
  /** Candidate bounds; those below the policy's bound are used, with the bound itself on top. */
  private static final double[] CANDIDATES = {1.5, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100, 200, 500};
  /** Counts above this are not scored (a lower bound of their factor, 0, is used for every alternative). */
  static final long MAX_COUNT = 20_000;

  private final double[] bounds;
  private final double logLimit;
  private final double[][] logProducts;
  private final boolean[] rejected;

  private ClusterBound(double[] bounds, double logLimit, double[][] logProducts, boolean[] rejected) {
    this.bounds = bounds;
    this.logLimit = logLimit;
    this.logProducts = logProducts;
    this.rejected = rejected;
  }

  /**
   * A fresh bound for clusters of mean up to {@code maxMean}, whose hypotheses are rejected at level
   * {@code alpha}.
   */
  static ClusterBound start(double maxMean, double alpha) {
    List<Double> b = new ArrayList<>();
    for (double c : CANDIDATES) {
      if (c < maxMean) {
        b.add(c);
      }
    }
    b.add(maxMean);
    double[] bounds = b.stream().mapToDouble(Double::doubleValue).toArray();
    double[][] products = new double[bounds.length - 1][];
    for (int k = 0; k < products.length; k++) {
      products[k] = new double[k + 1];
    }
    return new ClusterBound(bounds, Math.log(1 / alpha), products, new boolean[products.length]);
  }

  /** The upper confidence bound on the cluster mean, from the intervals seen so far. */
  double upperBound() {
    double bound = bounds[bounds.length - 1];
    for (int k = rejected.length - 1; k >= 0 && rejected[k]; k--) {
      bound = bounds[k];
    }
    return bound;
  }

  /**
   * This bound after one more interval: each version's {@code requests} and {@code failures} now, and what it
   * served before ({@code pastRequests}, {@code pastFailures}) for the predicted rate.
   */
  ClusterBound update(long[] requests, long[] failures, long[] pastRequests, long[] pastFailures) {
    double[][] next = new double[logProducts.length][];
    for (int k = 0; k < next.length; k++) {
      next[k] = logProducts[k].clone();
    }
    for (int v = 0; v < requests.length; v++) {
      if (requests[v] <= 0 || pastFailures[v] <= 0 || pastRequests[v] <= 0) {
        continue;
      }
      double predicted = requests[v] * (double) pastFailures[v] / pastRequests[v];
      long f = failures[v];
      for (int k = 0; k < next.length; k++) {
        double denominator = f > MAX_COUNT ? 0 : Clusters.maxLogPolyaAeppli(f, bounds[k]);
        for (int j = 0; j < next[k].length; j++) {
          double mean = j == 0 ? 1 : bounds[j - 1];
          next[k][j] += f > MAX_COUNT ? Double.NEGATIVE_INFINITY
              : Clusters.logPolyaAeppli(f, predicted / mean, mean) - denominator;
        }
      }
    }
    boolean[] r = rejected.clone();
    for (int k = 0; k < r.length; k++) {
      r[k] |= LogSpace.logMeanExp(next[k]) >= logLimit;
    }
    return new ClusterBound(bounds, logLimit, next, r);
  }

  /** log of the e-process against "the cluster mean exceeds {@code bounds[k]}", for tests and provenance. */
  double logE(int k) {
    return LogSpace.logMeanExp(logProducts[k]);
  }

  void writeTo(List<Double> out) {
    for (int k = 0; k < logProducts.length; k++) {
      for (double v : logProducts[k]) {
        out.add(v);
      }
      out.add(rejected[k] ? 1.0 : 0.0);
    }
  }

  ClusterBound readFrom(Iterator<Double> in) {
    double[][] p = new double[logProducts.length][];
    boolean[] r = new boolean[rejected.length];
    for (int k = 0; k < p.length; k++) {
      p[k] = new double[logProducts[k].length];
      for (int j = 0; j < p[k].length; j++) {
        p[k][j] = in.next();
      }
      r[k] = in.next() != 0;
    }
    return new ClusterBound(bounds, logLimit, p, r);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClusterBound c && Arrays.equals(c.bounds, bounds) && Arrays.deepEquals(c.logProducts,
        logProducts) && Arrays.equals(c.rejected, rejected);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(logProducts);
  }
}
