package dev.canarykit.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The deterministic checks of docs/judge-statistics.md §8. */
class RatioTestTest {
  private static final double RHO0 = 1.2;

  /** Σ_x P(x) · ℓ(x; r) under Bin(F, θ(ρ)): must be 1 at ρ0 and below 1 under it. */
  private static double expectedFactor(int total, double nc, double np, double rho, double r) {
    double theta = rho * nc / (rho * nc + np);
    double sum = 0;
    for (int x = 0; x <= total; x++) {
      double logP = logChoose(total, x) + x * Math.log(theta) + (total - x) * Math.log1p(-theta);
      double logL = x * Math.log(r / RHO0) + total * Math.log((RHO0 * nc + np) / (r * nc + np));
      sum += Math.exp(logP + logL);
    }
    return sum;
  }

  private static double logChoose(int n, int k) {
    double s = 0;
    for (int i = 1; i <= k; i++) {
      s += Math.log(n - k + i) - Math.log(i);
    }
    return s;
  }

  @Test
  void eachFactorHasMeanOneAtTheMarginAndBelowOneUnderIt() {
    for (int total = 0; total <= 30; total += 3) {
      for (double[] n : new double[][] {{100, 900}, {500, 500}, {37, 2000}}) {
        for (double r : new double[] {1.5, 3, 24}) {
          assertThat(expectedFactor(total, n[0], n[1], RHO0, r)).isCloseTo(1.0, within(1e-12));
          if (total > 0) {
            assertThat(expectedFactor(total, n[0], n[1], 1.0, r)).isLessThan(1.0);
          }
        }
      }
    }
  }

  @Test
  void intervalsWithoutEventsChangeNothing() {
    RatioTest t = RatioTest.start(RHO0, 1.5, 12).update(100, 900, 3, 4);
    assertThat(t.update(100, 900, 0, 0)).isSameAs(t);
    assertThat(t.update(0, 900, 0, 4)).isSameAs(t);
  }

  @Test
  void scalingBothRequestCountsChangesNothing() {
    RatioTest a = RatioTest.start(RHO0, 1.5, 12).update(100, 900, 3, 4).update(200, 800, 5, 2);
    RatioTest b = RatioTest.start(RHO0, 1.5, 12).update(1000, 9000, 3, 4).update(2000, 8000, 5, 2);
    assertThat(a.rollbackLogE()).isCloseTo(b.rollbackLogE(), within(1e-9));
    assertThat(a.nonInferiorityLogE()).isCloseTo(b.nonInferiorityLogE(), within(1e-9));
  }

  @Test
  void reproducesTheWorkedExample() {
    RatioTest t = RatioTest.withGrids(RHO0, 1.5, new double[] {2, 3, 5}, new double[] {0.5});
    long[][] rows = {{900, 100, 4, 2}, {880, 95, 5, 1}, {910, 105, 0, 0}, {800, 205, 5, 3}, {800, 200, 4, 4},
        {810, 200, 4, 5}};
    double[] expected = {2.24, 1.95, 1.95, 2.44, 7.83, 50.89};
    for (int i = 0; i < rows.length; i++) {
      t = t.update(rows[i][1], rows[i][0], rows[i][3], rows[i][2]);
      assertThat(Math.exp(t.rollbackLogE())).as("E_%d", i + 1).isCloseTo(expected[i], within(0.01));
    }
    assertThat(Math.exp(t.rollbackLogE())).isGreaterThanOrEqualTo(20);
  }

  @Test
  void hugeCountsStayFinite() {
    RatioTest t = RatioTest.start(RHO0, 1.5, 12).update(5e8, 5e8, 6_000_000, 4_000_000);
    assertThat(t.rollbackLogE()).isFinite().isPositive();
    assertThat(t.nonInferiorityLogE()).isFinite();
  }

  @Test
  void moreCanaryEventsNeverLowerTheRollbackEvidence() {
    double previous = Double.NEGATIVE_INFINITY;
    for (int xc = 0; xc <= 20; xc++) {
      double e = RatioTest.start(RHO0, 1.5, 12).update(200, 800, xc, 20 - xc).rollbackLogE();
      assertThat(e).isGreaterThanOrEqualTo(previous);
      previous = e;
    }
  }

  @Test
  void fewCanaryEventsBuildNonInferiorityEvidence() {
    RatioTest t = RatioTest.start(RHO0, 1.5, 12);
    for (int i = 0; i < 30; i++) {
      t = t.update(500, 500, 3, 6);
    }
    assertThat(t.nonInferiorityLogE()).isGreaterThan(Math.log(20));
    assertThat(t.rollbackLogE()).isLessThan(0);
  }
}
