package dev.canarykit.core.internal.simulation;

import dev.canarykit.core.simulation.RunResult;
import dev.canarykit.core.simulation.Policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.FixturesAccess;
import dev.canarykit.core.internal.simulation.PolicySummary;
import dev.canarykit.core.internal.simulation.Scenario;
import dev.canarykit.core.internal.simulation.ScenarioSummary;
import dev.canarykit.core.internal.simulation.Simulation;
import dev.canarykit.core.model.Canary;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The release simulator on canarykit's own scenarios (examples/scenarios/scenarios.yaml: the ideal world, load
 * tests beside the users, clustered failures, cold pods, traffic swings), and the targets the statistical policy
 * must meet against Flagger's thresholds in the same run (issues "Beyond thresholds" and 17). 40 runs per scenario
 * keep the build quick; docs/benchmarks.md records the 100-run figures.
 */
class SimulationTest {
  private static final int RUNS = 40;
  private static final Canary SEED = new Canary("podinfo", "test", FixturesAccess.seedSpec());
  private static PolicySummary flagger;
  private static PolicySummary statistical;

  @BeforeAll
  static void simulate() {
    flagger = Simulation.run(SEED, Scenarios.all(), Policy.FLAGGER, RUNS, 1);
    statistical = Simulation.run(SEED, Scenarios.all(), Policy.STATISTICAL, RUNS, 1);
  }

  private static ScenarioSummary scenario(PolicySummary p, String name) {
    return p.scenarios().stream().filter(s -> s.scenario().name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void statisticalPolicyMeetsItsTargets() {
    assertThat(statistical.falseRollbackRate()).isLessThanOrEqualTo(0.05);
    assertThat(statistical.undecidedRate()).isLessThanOrEqualTo(0.05);
    assertThat(statistical.missedRegressionRate()).isLessThan(0.05);
    for (String busy : List.of("healthy-busy", "healthy-100rps", "healthy-p99-near-threshold")) {
      ScenarioSummary s = scenario(statistical, busy);
      assertThat((double) s.count(RunResult.End.PROMOTED) / RUNS).as(busy).isGreaterThanOrEqualTo(0.9);
    }
  }

  @Test
  void statisticalPolicyRollsBackTwiceAsFastWithHalfTheBadRequests() {
    assertThat(statistical.medianMinutesToRollbackOfRegressions())
        .isLessThanOrEqualTo(flagger.medianMinutesToRollbackOfRegressions() / 2);
    assertThat(statistical.meanBadRequestsServedByCanaryOnRegressions())
        .isLessThanOrEqualTo(flagger.meanBadRequestsServedByCanaryOnRegressions() / 2);
  }

  /** Issue 17: the load test no longer hides a regression nor fakes one, and cold pods are not rolled back. */
  @Test
  void theJudgeComparesLikeWithLikeWhereFlaggerIsMisled() {
    assertThat(scenario(flagger, "errors-5x-beside-load-test").count(RunResult.End.PROMOTED)).isEqualTo(RUNS);
    assertThat(scenario(statistical, "errors-5x-beside-load-test").count(RunResult.End.ROLLED_BACK)).isEqualTo(RUNS);
    assertThat(scenario(flagger, "healthy-beside-slow-failing-load-test").count(RunResult.End.ROLLED_BACK))
        .isEqualTo(RUNS);
    assertThat(scenario(statistical, "healthy-beside-slow-failing-load-test").count(RunResult.End.PROMOTED))
        .isEqualTo(RUNS);
    for (String healthy : List.of("healthy-cold-pods", "healthy-clusters-10-100rps", "healthy-clusters-10-20rps",
        "healthy-clusters-5-300rps", "healthy-traffic-swing", "healthy-all-at-once")) {
      assertThat(scenario(statistical, healthy).count(RunResult.End.ROLLED_BACK)).as(healthy).isZero();
    }
  }

  @Test
  void aRegressionBelowFlaggersThresholdsIsCaughtWhereFlaggerPromotes() {
    assertThat(scenario(flagger, "errors-subtle").count(RunResult.End.PROMOTED)).isEqualTo(RUNS);
    assertThat(scenario(statistical, "errors-subtle").count(RunResult.End.ROLLED_BACK)).isGreaterThan(RUNS * 9 / 10);
  }

  @Test
  void theSameSeedGivesTheSameFigures() {
    List<Scenario> two = List.of(Scenarios.all().get(5), Scenarios.all().get(16));
    String a = Simulation.toJson(List.of(Simulation.run(SEED, two, Policy.STATISTICAL, 5, 9)));
    String b = Simulation.toJson(List.of(Simulation.run(SEED, two, Policy.STATISTICAL, 5, 9)));
    assertThat(a).isEqualTo(b).startsWith("{\"policies\":{\"statistical\":{\"scenarios\":[{\"name\":\"errors-5x\"");
    assertThat(a).contains("healthy-all-at-once");
  }

  @Test
  void figuresWithNothingToMeasureAreNull() {
    PolicySummary healthyOnly = Simulation.run(SEED, Scenarios.all().subList(0, 1), Policy.STATISTICAL, 2, 3);
    String json = Simulation.toJson(List.of(healthyOnly));
    assertThat(json).contains("\"missedRegressionRate\":null", "\"medianMinutesToRollbackOfRegressions\":null",
        "\"meanBadRequestsServedByCanaryOnRegressions\":null");
  }

  @Test
  void theJudgeNeverRollsBackAHealthyQuietService() {
    assertThat(scenario(statistical, "healthy-1rps").count(RunResult.End.ROLLED_BACK)).isZero();
    assertThat(scenario(statistical, "healthy-20rps").count(RunResult.End.ROLLED_BACK)).isZero();
  }
}
