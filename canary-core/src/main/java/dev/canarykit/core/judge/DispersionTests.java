package dev.canarykit.core.judge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Evidence that failures are less clustered than a given mean, from the failure counts the judge sees
 * ({@code docs/judge-statistics.md} §9; docs/decisions.md, "Clumped failures").
 *
 * <p>Each version's failures in an interval are a Pólya–Aeppli count: Poisson clusters of geometric size with mean
 * m, at a rate that may change every interval. For each lower end b of a cluster-mean cell ({@link #cells}) this
 * class runs an e-process against "m ≥ b": per interval and version with past failures, the probability of the
 * observed count under a predicted rate (the version's failures per request so far) and a smaller mean m' (a
 * mixture over m' = 1 and, when b &gt; 3, m' = 3), divided by the largest probability any rate gives that count
 * at mean b. That largest probability only falls as the mean grows ({@code ClustersTest}), so it bounds the count's
 * probability under every mean from b up and every rate: each factor has expectation at most 1 whatever the rates
 * do (universal inference), and the mixture of products is a test supermartingale while m ≥ b. Immutable.
 */
final class DispersionTests {
  /** Cell bounds; those below the policy's bound are used, with the bound itself on top. */
  private static final double[] CANDIDATES = {1.5, 2, 3, 4, 5, 7, 10, 15, 20, 30, 50, 70, 100, 200, 500};
  /** Counts above this are not scored: 0, a lower bound of their factor, is used for every alternative. */
  static final long MAX_COUNT = 20_000;

  private final double[] bounds;
  private final double[][] logProducts;

  private DispersionTests(double[] bounds, double[][] logProducts) {
    this.bounds = bounds;
    this.logProducts = logProducts;
  }

  /**
   * The upper ends of the cluster-mean cells for a policy bound {@code maxMean}: [1, c_0], (c_0, c_1], ...,
   * (c_{J−1}, maxMean]. Just {@code maxMean} when it is 1.
   */
  static double[] cells(double maxMean) {
    List<Double> b = new ArrayList<>();
    for (double c : CANDIDATES) {
      if (c < maxMean) {
        b.add(c);
      }
    }
    b.add(maxMean);
    return b.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Fresh tests against "m ≥ c" for each cell's lower end c (every cell but the first). */
  static DispersionTests start(double maxMean) {
    double[] bounds = cells(maxMean);
    double[][] products = new double[bounds.length - 1][];
    for (int k = 0; k < products.length; k++) {
      products[k] = new double[alternatives(bounds[k]).length];
    }
    return new DispersionTests(bounds, products);
  }

  /**
   * The smaller cluster means the test against "m ≥ b" bets on: independent failures, and clusters of mean 3 when
   * b is above 3. Each alternative costs ln 2 of evidence in the mixture, so there are few.
   */
  private static double[] alternatives(double b) {
    return b > 3 ? new double[] {1, 3} : new double[] {1};
  }

  /**
   * These tests after one more interval: each version's {@code requests} and {@code failures} now, and what it
   * served before ({@code pastRequests}, {@code pastFailures}) for the predicted rate. A version without requests
   * now or without failures before changes nothing.
   */
  DispersionTests update(long[] requests, long[] failures, long[] pastRequests, long[] pastFailures) {
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
        double[] means = alternatives(bounds[k]);
        for (int j = 0; j < means.length; j++) {
          double mean = means[j];
          next[k][j] += f > MAX_COUNT ? Double.NEGATIVE_INFINITY
              : Clusters.logPolyaAeppli(f, predicted / mean, mean) - denominator;
        }
      }
    }
    return new DispersionTests(bounds, next);
  }

  /**
   * log of the e-process against "the cluster mean is at least the lower end of cell {@code cell}" (cell ≥ 1).
   */
  double logE(int cell) {
    return LogSpace.logMeanExp(logProducts[cell - 1]);
  }

  /** The lower end of cell {@code cell} (cell ≥ 1). */
  double lowerEnd(int cell) {
    return bounds[cell - 1];
  }

  void writeTo(List<Double> out) {
    for (double[] p : logProducts) {
      for (double v : p) {
        out.add(v);
      }
    }
  }

  DispersionTests readFrom(Iterator<Double> in) {
    double[][] p = new double[logProducts.length][];
    for (int k = 0; k < p.length; k++) {
      p[k] = new double[logProducts[k].length];
      for (int j = 0; j < p[k].length; j++) {
        p[k][j] = in.next();
      }
    }
    return new DispersionTests(bounds, p);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DispersionTests d && Arrays.equals(d.bounds, bounds)
        && Arrays.deepEquals(d.logProducts, logProducts);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(logProducts);
  }
}
