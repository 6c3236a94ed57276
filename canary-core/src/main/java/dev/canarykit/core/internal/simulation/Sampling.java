package dev.canarykit.core.internal.simulation;

import java.util.SplittableRandom;

/**
 * Random counts for the simulator: Poisson and binomial draws. Small means are drawn exactly (by inversion);
 * large ones (mean above 50) by a rounded normal approximation, whose error is far below the noise the judge and
 * Flagger's checks see at those counts.
 */
final class Sampling {
  private static final double EXACT_BELOW = 50;

  private Sampling() {}

  /** A Poisson draw with mean {@code mean}. */
  public static long poisson(SplittableRandom rnd, double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > EXACT_BELOW) {
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(rnd)));
    }
    double l = Math.exp(-mean);
    long k = 0;
    double p = rnd.nextDouble();
    while (p > l) {
      k++;
      p *= rnd.nextDouble();
    }
    return k;
  }

  /** A binomial draw: successes in {@code n} trials of probability {@code p}. */
  public static long binomial(SplittableRandom rnd, long n, double p) {
    if (n <= 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    double mean = n * p;
    if (mean > EXACT_BELOW && n * (1 - p) > EXACT_BELOW) {
      long x = Math.round(mean + Math.sqrt(mean * (1 - p)) * gaussian(rnd));
      return Math.max(0, Math.min(n, x));
    }
    if (p > 0.5) {
      return n - binomial(rnd, n, 1 - p);
    }
    if (n < 64) {
      long x = 0;
      for (long i = 0; i < n; i++) {
        x += rnd.nextDouble() < p ? 1 : 0;
      }
      return x;
    }
    return Math.min(n, poissonThinned(rnd, n, p));
  }

  /** For many trials with a small mean: count geometric gaps between successes (exact). */
  private static long poissonThinned(SplittableRandom rnd, long n, double p) {
    double logQ = Math.log1p(-p);
    long x = 0;
    long position = 0;
    while (true) {
      position += (long) Math.floor(Math.log(1 - rnd.nextDouble()) / logQ) + 1;
      if (position > n) {
        return x;
      }
      x++;
    }
  }

  /** A geometric draw on {1, 2, ...} with mean {@code mean} (&gt;= 1). */
  public static long geometric(SplittableRandom rnd, double mean) {
    if (mean <= 1) {
      return 1;
    }
    return 1 + (long) Math.floor(Math.log(1 - rnd.nextDouble()) / Math.log1p(-1 / mean));
  }

  /** A standard normal draw (Box-Muller). */
  public static double gaussian(SplittableRandom rnd) {
    double u = 1 - rnd.nextDouble();
    double v = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** The standard normal CDF (Abramowitz and Stegun 7.1.26; absolute error below 1e-7). */
  public static double normalCdf(double z) {
    double t = 1 / (1 + 0.3275911 * Math.abs(z) / Math.sqrt(2));
    double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    double erf = 1 - poly * Math.exp(-z * z / 2);
    return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
  }
}
