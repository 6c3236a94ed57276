package dev.canarykit.core.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.internal.simulation.Traffic;
import dev.canarykit.core.internal.simulation.VersionProfile;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A/A and boundary Monte Carlo (docs/judge-statistics.md §8): the judge at its defaults looks at every interval of
 * an hour-long rollout whose split walks 10% → 50%, over many seeds, with independent failures and with failures in
 * clusters of mean 3 and 10 (the default bound), which the failure tests adapt to. A regression of its guarantee fails the build: the false-rollback
 * rate must stay within alpha + 3 standard errors. Each rollout judges up to 60 intervals with the failure tests of
 * every cluster-mean cell, so a case costs tens of seconds of CPU: the methods get 15 minutes each on a loaded
 * machine.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class JudgeErrorControlTest {
  private static final int RUNS = 1000;
  private static final int INTERVALS = 60;
  private static final JudgeConfig CONFIG = JudgeConfig.ofDefaults().with(0.01, 500);

  /** Fraction of runs rolled back. */
  static double rollbackRate(double rps, VersionProfile primary, VersionProfile canary, double clusterMean,
      long seed) {
    return rollbackRate(rps, primary, canary, clusterMean, seed, RUNS);
  }

  /** Fraction of {@code runs} runs rolled back. */
  static double rollbackRate(double rps, VersionProfile primary, VersionProfile canary, double clusterMean,
      long seed, int runs) {
    int rollbacks = 0;
    for (int run = 0; run < runs; run++) {
      SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + run);
      JudgeState state = JudgeState.start(CONFIG);
      for (int t = 0; t < INTERVALS; t++) {
        double share = Math.min(0.5, 0.1 * (1 + t / 5));
        Judgement j = Judge.judge(state, Traffic.interval(rnd, rps, 60, share, primary, canary, clusterMean));
        state = j.state();
        if (j.verdict() == Verdict.REGRESSION) {
          rollbacks++;
          break;
        }
      }
    }
    return (double) rollbacks / runs;
  }

  private static double limit() {
    return limit(RUNS);
  }

  private static double limit(int runs) {
    return CONFIG.alpha() + 3 * Math.sqrt(CONFIG.alpha() * (1 - CONFIG.alpha()) / runs);
  }

  @Test
  void identicalVersionsAreRarelyRolledBack() {
    VersionProfile same = new VersionProfile(0.005, 20, 150);
    for (double rps : new double[] {1, 50, 300}) {
      assertThat(rollbackRate(rps, same, same, 1, 11)).as("A/A at %s rps", rps).isLessThanOrEqualTo(limit());
    }
  }

  @Test
  void identicalVersionsWithClusteredFailuresAreRarelyRolledBack() {
    VersionProfile same = new VersionProfile(0.005, 20, 150);
    for (double[] c : new double[][] {{20, 10}, {300, 10}, {50, 3}}) {
      assertThat(rollbackRate(c[0], same, same, c[1], 17)).as("A/A at %s rps, clusters of mean %s", c[0], c[1])
          .isLessThanOrEqualTo(limit());
    }
  }

  /**
   * The failure tests adapt to the clustering they observe (one cell of cluster means each, the combined e-value the
   * smallest over the cells): identical versions at the 1% budget's neighbourhood with independent failures and with
   * clusters of mean 3 and 10, and a canary exactly at the rollback margin with clusters of mean 3, the cell the
   * dispersion evidence can least rule out.
   */
  @Test
  void theAdaptiveFailureTestsKeepAlphaForClustersOfMeanOneThreeAndTen() {
    int runs = 500;
    VersionProfile same = new VersionProfile(0.004, 20, 150);
    for (double m : new double[] {1, 3, 10}) {
      assertThat(rollbackRate(100, same, same, m, 19, runs)).as("A/A at 100 rps, clusters of mean %s", m)
          .isLessThanOrEqualTo(limit(runs));
    }
    VersionProfile primary = new VersionProfile(0.004, 20, 150);
    VersionProfile atMargin = new VersionProfile(0.004 * CONFIG.rollbackRatio(), 20, 150);
    assertThat(rollbackRate(300, primary, atMargin, 3, 20, runs)).as("at the margin, clusters of mean 3")
        .isLessThanOrEqualTo(limit(runs));
  }

  @Test
  void aCanaryExactlyAtTheRollbackMarginIsRolledBackAtMostAlpha() {
    VersionProfile primary = new VersionProfile(0.005, 20, 150);
    VersionProfile atMargin = new VersionProfile(0.005 * CONFIG.rollbackRatio(), 20, 150);
    assertThat(rollbackRate(300, primary, atMargin, 1, 12)).isLessThanOrEqualTo(limit());
    assertThat(rollbackRate(300, primary, atMargin, 10, 18)).isLessThanOrEqualTo(limit());
  }

  @Test
  void aP99CloseToItsThresholdIsNotAFalseAlarm() {
    VersionProfile close = new VersionProfile(0.002, 120, 480);
    assertThat(rollbackRate(100, close, close, 1, 13)).isLessThanOrEqualTo(limit());
  }

  @Test
  void clearRegressionsAreCaught() {
    VersionProfile primary = new VersionProfile(0.002, 20, 150);
    assertThat(rollbackRate(300, primary, new VersionProfile(0.01, 20, 150), 1, 14)).isGreaterThan(0.95);
    assertThat(rollbackRate(300, primary, new VersionProfile(0.002, 20, 300), 1, 15)).isGreaterThan(0.95);
    assertThat(rollbackRate(300, primary, new VersionProfile(0.25, 20, 150), 1, 16)).isEqualTo(1.0);
  }
}
