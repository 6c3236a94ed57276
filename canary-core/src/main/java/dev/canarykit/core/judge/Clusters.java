package dev.canarykit.core.judge;

/**
 * Evidence that stays valid when failures arrive in clusters (docs/decisions.md, "Clumped failures").
 *
 * <p>The model: failure clusters start as a Poisson process in each version, each cluster belongs wholly to one
 * version, and cluster sizes are independent, geometric on {1, 2, ...} with mean m, the same in both versions, for
 * any m in [1, M]. A per-request likelihood ratio overstates the evidence of a cluster m-fold; raising it to a power
 * η ≤ 1 tempers it. For a factor of the form A^x_c · B^x_p, the expectation over one cluster is
 * θ·G(A) + (1 − θ)·G(B), with G the probability generating function of the size; when that is at most 1 at the
 * null's cluster share, the factor is an e-value however many clusters an interval holds. This class finds the
 * largest such η (and for one-sample tests the matching cost per request). For M = 1 nothing is tempered.
 */
final class Clusters {
  /** The largest supported mean cluster size. */
  static final double MAX_MEAN = 1000;
  private static final int BISECTIONS = 24;

  private Clusters() {}

  /** E[z^S] for a geometric size S on {1, 2, ...} with mean {@code m}; infinite where it diverges. */
  static double pgf(double z, double m) {
    double p = 1 / m;
    double denominator = 1 - (1 - p) * z;
    return denominator <= 0 ? Double.POSITIVE_INFINITY : p * z / denominator;
  }

  /**
   * The expected factor of one cluster for the tempered two-version likelihood ratio: θ0·G((θ1/θ0)^η) +
   * (1 − θ0)·G(((1 − θ1)/(1 − θ0))^η), at cluster mean {@code m}.
   */
  static double ratioFactor(double theta0, double theta1, double eta, double m) {
    return theta0 * pgf(Math.pow(theta1 / theta0, eta), m)
        + (1 - theta0) * pgf(Math.pow((1 - theta1) / (1 - theta0), eta), m);
  }

  /**
   * The largest η in (0, 1] for which the two-version likelihood ratio of canary share θ1 against the null share
   * θ0, raised to η, has expectation at most 1 per cluster for every mean up to {@code maxMean}. The expectation is
   * convex in η and 1 at η = 0 with a negative slope, so the admissible η form an interval found by bisection;
   * the largest mean is the binding one (checked by the tests over means from 1 to {@code maxMean}).
   */
  static double ratioExponent(double theta0, double theta1, double maxMean) {
    if (maxMean <= 1 || ratioFactor(theta0, theta1, 1, maxMean) <= 1) {
      return 1;
    }
    double lo = 0;
    double hi = 1;
    for (int i = 0; i < BISECTIONS; i++) {
      double mid = (lo + hi) / 2;
      if (ratioFactor(theta0, theta1, mid, maxMean) <= 1) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * The cost per request c(η) of the one-sample factor z^x · exp(−n·c) with z = (p/p0)^η: the largest
   * (p0/m)·(G(z) − 1) over means m in [1, maxMean], attained at maxMean. With it the factor has expectation at most
   * 1 whenever the canary's rate is at most p0 (rollback, p &gt; p0) or at least p0 (non-inferiority, p &lt; p0).
   */
  static double rateCost(double p0, double p, double eta, double maxMean) {
    double z = Math.pow(p / p0, eta);
    return p0 / maxMean * (pgf(z, maxMean) - 1);
  }

  /**
   * The η maximising the growth per request, η·p·ln(p/p0) − c(η), when the canary fails independently at rate
   * {@code p}: the exponent of the one-sample test's alternative {@code p}. A golden-section search over (0, η_max),
   * where η_max keeps G finite.
   */
  static double rateExponent(double p0, double p, double maxMean) {
    if (maxMean <= 1) {
      return 1;
    }
    double lnRatio = Math.log(p / p0);
    double hi = lnRatio > 0 ? 0.999 * Math.log(maxMean / (maxMean - 1)) / lnRatio : 50;
    double lo = 0;
    double g = (Math.sqrt(5) - 1) / 2;
    for (int i = 0; i < 80; i++) {
      double a = hi - g * (hi - lo);
      double b = lo + g * (hi - lo);
      if (growth(p0, p, a, maxMean) < growth(p0, p, b, maxMean)) {
        lo = a;
      } else {
        hi = b;
      }
    }
    return (lo + hi) / 2;
  }

  /**
   * ln P(f) for a count {@code f} of failures that arrive as Poisson({@code lambda}) clusters of geometric size with
   * mean {@code m} (the Pólya–Aeppli distribution; m = 1 is Poisson). From the generating function
   * G(z) = exp(λ(H(z) − 1)), H(z) = z/(m − (m − 1)z), which gives (k + 1)P_{k+1} = (2qk + λ/m)P_k − q²(k − 1)P_{k−1},
   * q = 1 − 1/m: O(f) steps, rescaled so that neither large nor small values leave the double range.
   */
  static double logPolyaAeppli(long f, double lambda, double m) {
    if (f == 0) {
      return -lambda;
    }
    if (lambda <= 0) {
      return Double.NEGATIVE_INFINITY;
    }
    double p = 1 / m;
    double q = 1 - p;
    double previous = 1;
    double current = lambda * p;
    double offset = 0;
    for (long k = 1; k < f; k++) {
      double next = ((2 * q * k + lambda * p) * current - q * q * (k - 1) * previous) / (k + 1);
      previous = current;
      current = next;
      if (current > 1e100 || current < 1e-100) {
        previous /= current;
        offset += Math.log(current);
        current = 1;
      }
    }
    return -lambda + offset + Math.log(current);
  }

  /**
   * The largest ln P(f) over every cluster rate λ for clusters of mean {@code m}: the likelihood of one count under
   * the best rate for it. A log-spaced scan over λ from f/(50m) to 2f, refined by golden section around the best
   * point; {@code ClustersTest} checks it against a dense scan.
   */
  static double maxLogPolyaAeppli(long f, double m) {
    if (f == 0) {
      return 0;
    }
    if (f > MEMO_COUNTS) {
      return searchMaxLogPolyaAeppli(f, m);
    }
    return MEMO.computeIfAbsent(new CountAtMean(f, m), k -> searchMaxLogPolyaAeppli(k.f(), k.m()));
  }

  /** Counts up to this have their best-rate likelihood remembered (a pure function of the count and the mean). */
  private static final long MEMO_COUNTS = 5_000;
  private static final java.util.Map<CountAtMean, Double> MEMO = new java.util.concurrent.ConcurrentHashMap<>();

  private record CountAtMean(long f, double m) {}

  private static double searchMaxLogPolyaAeppli(long f, double m) {
    double lo = Math.log(f / (50 * m));
    double hi = Math.log(2.0 * f);
    int points = 24;
    int best = 0;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (int i = 0; i <= points; i++) {
      double v = logPolyaAeppli(f, Math.exp(lo + (hi - lo) * i / points), m);
      if (v > bestValue) {
        bestValue = v;
        best = i;
      }
    }
    double a = lo + (hi - lo) * Math.max(0, best - 1) / points;
    double b = lo + (hi - lo) * Math.min(points, best + 1) / points;
    double g = (Math.sqrt(5) - 1) / 2;
    for (int i = 0; i < 40; i++) {
      double x1 = b - g * (b - a);
      double x2 = a + g * (b - a);
      if (logPolyaAeppli(f, Math.exp(x1), m) > logPolyaAeppli(f, Math.exp(x2), m)) {
        b = x2;
      } else {
        a = x1;
      }
    }
    return Math.max(bestValue, logPolyaAeppli(f, Math.exp((a + b) / 2), m));
  }

  private static double growth(double p0, double p, double eta, double maxMean) {
    return eta * p * Math.log(p / p0) - rateCost(p0, p, eta, maxMean);
  }
}
