package dev.canarykit.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The tempering that keeps the error tests e-values when failures come in clusters (docs/decisions.md). */
class ClustersTest {
  private static final double[] SHARES = {0.005, 0.05, 0.1176, 0.2308, 0.5, 0.545, 0.9};
  private static final double[] RATIOS = {1.02, 1.25, 2, 5, 20};

  /** The share θ(r) of an alternative r/ρ0 times the null's odds. */
  private static double alternative(double theta0, double oddsRatio) {
    double odds = theta0 / (1 - theta0) * oddsRatio;
    return odds / (1 + odds);
  }

  @Test
  void theExponentKeepsEveryClusterFactorAtMostOneForEveryMeanUpToTheBound() {
    for (double maxMean : new double[] {1, 2, 3, 10}) {
      for (double theta0 : SHARES) {
        for (double ratio : RATIOS) {
          for (double theta1 : new double[] {alternative(theta0, ratio), alternative(theta0, 1 / ratio)}) {
            double eta = Clusters.ratioExponent(theta0, theta1, maxMean);
            assertThat(eta).isGreaterThan(0).isLessThanOrEqualTo(1);
            for (double m = 1; m <= maxMean; m += 0.25) {
              assertThat(Clusters.ratioFactor(theta0, theta1, eta, m)).as("θ0=%s θ1=%s M=%s m=%s", theta0, theta1,
                  maxMean, m).isLessThanOrEqualTo(1 + 1e-12);
            }
          }
        }
      }
    }
  }

  @Test
  void independentFailuresAreNotTemperedAndClustersOfTenCostAboutTwentyfold() {
    assertThat(Clusters.ratioExponent(0.1176, 0.36, 1)).isEqualTo(1);
    assertThat(Clusters.ratioExponent(0.1176, 0.36, 10)).isBetween(0.03, 0.06);
  }

  @Test
  void aClusterAtTheNullShareWithATemperedRatioHasMeanAtMostOne() {
    // The exact mean over the cluster's version and a geometric size (mean 10) of the tempered per-cluster factor.
    double theta0 = 0.2;
    double theta1 = 0.5;
    double eta = Clusters.ratioExponent(theta0, theta1, 10);
    double mean = 0;
    double p = 0.1;
    for (int s = 1; s < 2000; s++) {
      double ps = Math.pow(1 - p, s - 1) * p;
      mean += ps * (theta0 * Math.pow(theta1 / theta0, eta * s) + (1 - theta0) * Math.pow((1 - theta1) / (1 - theta0),
          eta * s));
    }
    assertThat(mean).isLessThanOrEqualTo(1 + 1e-9).isCloseTo(Clusters.ratioFactor(theta0, theta1, eta, 10),
        within(1e-9));
  }

  @Test
  void theOneSampleFactorHasMeanAtMostOneAtTheBudgetForEveryMeanUpToTheBound() {
    double p0 = 0.01;
    for (double maxMean : new double[] {1, 3, 10}) {
      for (double p : new double[] {p0 / 20, p0 / 2, p0 * 1.25, p0 * 5, 0.19}) {
        double eta = Clusters.rateExponent(p0, p, maxMean);
        double cost = Clusters.rateCost(p0, p, eta, maxMean);
        double z = Math.pow(p / p0, eta);
        for (double m = 1; m <= maxMean; m += 0.5) {
          // log E[z^X e^(-n c)] per request for compound Poisson(n p0 / m) clusters of geometric sizes
          double logMeanPerRequest = p0 / m * (Clusters.pgf(z, m) - 1) - cost;
          assertThat(logMeanPerRequest).as("p=%s M=%s m=%s", p, maxMean, m).isLessThanOrEqualTo(1e-15);
        }
      }
    }
  }

  @Test
  void withoutClustersTheOneSampleFactorIsThePoissonLikelihoodRatio() {
    assertThat(Clusters.rateExponent(0.01, 0.05, 1)).isEqualTo(1);
    assertThat(Clusters.rateCost(0.01, 0.05, 1, 1)).isCloseTo(0.04, within(1e-15));
  }

  /** ln P(f) of the Pólya–Aeppli count by its defining sum over the number of clusters j. */
  private static double logPolyaAeppliBySum(int f, double lambda, double m) {
    if (f == 0) {
      return -lambda;
    }
    double p = 1 / m;
    double[] terms = new double[f];
    for (int j = 1; j <= f; j++) {
      terms[j - 1] = -lambda + logChoose(f - 1, j - 1) + j * Math.log(lambda) - logFactorial(j) + j * Math.log(p)
          + (f > j ? (f - j) * Math.log(1 - p) : 0);
    }
    return LogSpace.logMeanExp(terms) + Math.log(f);
  }

  private static double logFactorial(int n) {
    double s = 0;
    for (int i = 2; i <= n; i++) {
      s += Math.log(i);
    }
    return s;
  }

  private static double logChoose(int n, int k) {
    return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
  }

  @Test
  void thePolyaAeppliRecurrenceMatchesItsDefiningSumAndIsPoissonForIndependentFailures() {
    for (double m : new double[] {1.5, 2, 3, 10, 100}) {
      for (double lambda : new double[] {0.01, 0.7, 5, 60, 900}) {
        for (int f : new int[] {0, 1, 2, 7, 40, 300}) {
          assertThat(Clusters.logPolyaAeppli(f, lambda, m)).as("f=%s λ=%s m=%s", f, lambda, m)
              .isCloseTo(logPolyaAeppliBySum(f, lambda, m), within(1e-8 * Math.max(1, f)));
        }
      }
    }
    assertThat(Clusters.logPolyaAeppli(12, 9.5, 1)).isCloseTo(12 * Math.log(9.5) - 9.5 - logFactorial(12),
        within(1e-9));
  }

  @Test
  void theBestRateLikelihoodIsFoundAndFallsAsTheClusterMeanGrows() {
    double[] means = {1, 1.5, 2, 3, 4, 5, 7, 10, 15, 30, 100};
    for (int f : new int[] {0, 1, 2, 3, 5, 9, 17, 40, 120, 700}) {
      double previous = Double.POSITIVE_INFINITY;
      for (double m : means) {
        double best = Clusters.maxLogPolyaAeppli(f, m);
        double dense = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= 4000 && f > 0; i++) {
          dense = Math.max(dense, Clusters.logPolyaAeppli(f, Math.exp(Math.log(1e-4) + i * Math.log(1e4 * 3 * f)
              / 4000), m));
        }
        assertThat(best).as("f=%s m=%s", f, m).isGreaterThanOrEqualTo(f == 0 ? 0 : dense - 1e-9);
        assertThat(best).as("f=%s falls from m=%s", f, m).isLessThanOrEqualTo(previous + 1e-12);
        previous = best;
      }
    }
  }
}
