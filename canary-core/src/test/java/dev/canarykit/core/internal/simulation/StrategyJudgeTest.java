package dev.canarykit.core.internal.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.FixturesAccess;
import dev.canarykit.core.judge.Comparison;
import dev.canarykit.core.judge.JudgeConfig;
import dev.canarykit.core.model.AnalysisSpec;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanarySpec;
import dev.canarykit.core.model.SessionAffinity;
import dev.canarykit.core.simulation.RunResult.End;
import dev.canarykit.core.internal.simulation.Scenario.LoadTest;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * What the judge tests under each strategy (issue 17, docs/decisions.md "Like with like"), each decision shown on
 * the simulator, whose router follows the Canary's strategy.
 */
class StrategyJudgeTest {
  private static final int RUNS = 20;
  private static final CanarySpec SEED = FixturesAccess.seedSpec();
  private static final VersionProfile BASE = new VersionProfile(0.002, 20, 150);
  private static final LoadTest HEALTHY_TEST = new LoadTest(20, new VersionProfile(0, 5, 20));

  private static Canary judged(UnaryOperator<AnalysisSpec.Builder> strategy, Comparison override) {
    CanarySpec spec = SEED.withAnalysis(strategy.apply(SEED.analysis().toBuilder()).build());
    JudgeConfig judge = JudgeConfig.forCanary(spec);
    if (override != null) {
      judge = judge.toBuilder().comparison(override).build();
    }
    return new Canary("podinfo", "test", spec.toBuilder().judge(judge).build());
  }

  private static long count(Canary canary, Scenario scenario, End end) {
    long n = 0;
    for (int i = 0; i < RUNS; i++) {
      n += ReleaseSimulator.run(canary, scenario, Simulation.runSeed(7, 0, i)).outcome() == end ? 1 : 0;
    }
    return n;
  }

  private static AnalysisSpec.Builder abTesting(AnalysisSpec.Builder a) {
    return a.iterations(10).match(List.of(Map.of("headers", Map.of("x-canary", Map.of("exact", "insider")))));
  }

  /**
   * A/B testing: the matched segment is slower than everyone else on either version (P99 400 ms, under the 500 ms
   * limit). Comparing the canary's segment with the primary's other users would roll a healthy canary back; the
   * judge judges the segment against the budgets only.
   */
  @Test
  void underAbTestingDifferentPopulationsAreNotComparedOnlyBudgetsJudge() {
    VersionProfile segment = new VersionProfile(0.002, 60, 400);
    Scenario slowSegment = new Scenario("ab-slow-segment", 300, BASE, segment, false).withSegmentOnPrimary(segment)
        .withLoadTest(HEALTHY_TEST);
    assertThat(JudgeConfig.forCanary(judged(StrategyJudgeTest::abTesting, null).spec()).comparison())
        .isEqualTo(Comparison.SEGMENT);
    assertThat(count(judged(StrategyJudgeTest::abTesting, null), slowSegment, End.PROMOTED)).isEqualTo(RUNS);
    assertThat(count(judged(StrategyJudgeTest::abTesting, Comparison.POOLED), slowSegment, End.ROLLED_BACK))
        .as("pooled, the segment looks like a latency regression").isEqualTo(RUNS);
    Scenario broken = new Scenario("ab-over-budget", 300, BASE, new VersionProfile(0.05, 20, 150), true);
    assertThat(count(judged(StrategyJudgeTest::abTesting, null), broken, End.ROLLED_BACK)).isEqualTo(RUNS);
  }

  /** Blue/Green: no user reaches the canary before promotion; the budgets judge the load test, as Flagger does. */
  @Test
  void underBlueGreenTheBudgetsJudgeTheLoadTest() {
    UnaryOperator<AnalysisSpec.Builder> blueGreen = a -> a.iterations(5);
    assertThat(JudgeConfig.forCanary(judged(blueGreen, null).spec()).comparison()).isEqualTo(Comparison.SYNTHETIC);
    Scenario healthy = new Scenario("bg-healthy", 100, BASE, BASE, false).withLoadTest(HEALTHY_TEST);
    assertThat(count(judged(blueGreen, null), healthy, End.PROMOTED)).isEqualTo(RUNS);
    Scenario failing = new Scenario("bg-failing", 100, BASE, new VersionProfile(0.25, 20, 150), true)
        .withLoadTest(new LoadTest(20, new VersionProfile(0.25, 20, 150)));
    assertThat(count(judged(blueGreen, null), failing, End.ROLLED_BACK)).isEqualTo(RUNS);
  }

  /** Mirroring: the canary serves copies of the primary's requests, the same population: relative tests apply. */
  @Test
  void underMirroringTheCopiesAreComparedWithTheOriginals() {
    UnaryOperator<AnalysisSpec.Builder> mirror = a -> a.iterations(10).mirror(true);
    assertThat(JudgeConfig.forCanary(judged(mirror, null).spec()).comparison()).isEqualTo(Comparison.SOURCES);
    Scenario slower = new Scenario("mirror-p99-2x", 300, BASE, new VersionProfile(0.002, 20, 300), true)
        .withLoadTest(HEALTHY_TEST);
    assertThat(count(judged(mirror, null), slower, End.ROLLED_BACK)).as("P99 300 ms is under every budget")
        .isEqualTo(RUNS);
    Scenario healthy = new Scenario("mirror-healthy", 300, BASE, BASE, false).withLoadTest(HEALTHY_TEST);
    assertThat(count(judged(mirror, null), healthy, End.PROMOTED)).isEqualTo(RUNS);
  }

  /**
   * Session affinity: users are split at random on their first request and stay; the canary's share of requests
   * grows beyond its weight, and a user's failures stay on one version. The relative tests still apply, their error
   * tests robust to clustered failures.
   */
  @Test
  void underSessionAffinityUsersAreComparedAndClumpsDoNotRollBack() {
    UnaryOperator<AnalysisSpec.Builder> sticky = a -> a.sessionAffinity(SessionAffinity.of("flagger-cookie"));
    Scenario clumped = new Scenario("sticky-healthy", 100, BASE, BASE, false).withFailureClusterMean(10)
        .withLoadTest(HEALTHY_TEST);
    assertThat(count(judged(sticky, null), clumped, End.ROLLED_BACK)).isZero();
    Scenario broken = new Scenario("sticky-p99-2x", 300, BASE, new VersionProfile(0.002, 20, 300), true);
    assertThat(count(judged(sticky, null), broken, End.ROLLED_BACK)).isEqualTo(RUNS);
  }
}
