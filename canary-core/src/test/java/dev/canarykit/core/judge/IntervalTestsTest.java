package dev.canarykit.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The interval-level failure tests, which hold however failures cluster (docs/decisions.md). */
class IntervalTestsTest {
  /**
   * The expected factor of one stratum given its number of failure clusters k, when each cluster is the canary's
   * with the null's largest probability θ0 = κ/(1 + κ), κ = ρ0·n_c/n_p, and cluster sizes are 1 or 7 (not
   * geometric): every assignment and every size enumerated, for splits below, at and above κ = 1.
   */
  @Test
  void theCanarysShareOfFailuresIsAnEValueAtTheMarginWhateverTheClusterSizes() {
    double rho0 = 1.2;
    int[] sizes = {1, 7};
    double[] sizeProbability = {0.7, 0.3};
    for (double[] n : new double[][] {{100, 900}, {400, 600}, {500, 500}, {800, 200}}) {
      double theta0 = rho0 * n[0] / (rho0 * n[0] + n[1]);
      IntervalRatioTest fresh = IntervalRatioTest.start(rho0, 12);
      for (int k = 1; k <= 4; k++) {
        double mean = 0;
        for (int owners = 0; owners < 1 << k; owners++) {
          for (int sizing = 0; sizing < 1 << k; sizing++) {
            double p = 1;
            long canary = 0;
            long primary = 0;
            for (int i = 0; i < k; i++) {
              boolean canarys = (owners >> i & 1) == 1;
              int s = (sizing >> i & 1);
              p *= (canarys ? theta0 : 1 - theta0) * sizeProbability[s];
              canary += canarys ? sizes[s] : 0;
              primary += canarys ? 0 : sizes[s];
            }
            mean += p * Math.exp(fresh.update(n[0], n[1], canary, primary).rollbackLogE());
          }
        }
        assertThat(mean).as("n=%s, %s clusters", n[0], k).isCloseTo(1, within(1e-9));
      }
    }
  }

  @Test
  void onlyStrataWithFailuresCount() {
    IntervalRatioTest t = IntervalRatioTest.start(1.2, 12);
    assertThat(t.update(100, 900, 0, 0)).isSameAs(t);
    assertThat(t.update(0, 900, 0, 3)).isSameAs(t);
    assertThat(t.update(100, 900, 3, 4).canaryEvents()).isEqualTo(3);
    assertThat(t.update(100, 900, 3, 4).rollbackLogE()).as("3 of 7 failures where the null expects 1.0")
        .isPositive();
    assertThat(t.update(500, 500, 1, 9).rollbackLogE()).isNegative();
  }

  @Test
  void whetherTheCanaryFailedIsAnEValueAtItsBudget() {
    double p0 = 0.01;
    for (long n : new long[] {1, 20, 100, 1000}) {
      double pi0 = -Math.expm1(n * Math.log1p(-p0));
      IntervalRateTest fresh = IntervalRateTest.start(p0, 12);
      double mean = pi0 * Math.exp(fresh.update(n, 1).rollbackLogE())
          + (1 - pi0) * Math.exp(fresh.update(n, 0).rollbackLogE());
      assertThat(mean).as("n=%s", n).isCloseTo(1, within(1e-9));
    }
  }

  @Test
  void aCanaryFailingInMostIntervalsAtLowTrafficIsCaughtByTheIntervalTests() {
    IntervalRatioTest ratio = IntervalRatioTest.start(1.2, 12);
    IntervalRateTest budget = IntervalRateTest.start(0.01, 12);
    for (int i = 0; i < 6; i++) {
      ratio = ratio.update(20, 180, 1, 0);
      budget = budget.update(20, 1);
    }
    assertThat(ratio.rollbackLogE()).isGreaterThan(Math.log(20 * 9));
    assertThat(budget.rollbackLogE()).isPositive();
  }

  /**
   * Where both versions fail every interval, the canary's share still carries the evidence: nine of every ten
   * failures at an even split reach the rollback level on this test alone within 15 intervals (one interval's share
   * is one observation, however many failures it holds).
   */
  @Test
  void aCanaryWithMostOfEveryIntervalsFailuresIsCaughtAtMaximumWeight() {
    IntervalRatioTest ratio = IntervalRatioTest.start(1.2, 12);
    for (int i = 0; i < 15; i++) {
      ratio = ratio.update(1000, 1000, 9, 1);
    }
    assertThat(ratio.rollbackLogE()).isGreaterThan(Math.log(20 * 9));
  }
}
