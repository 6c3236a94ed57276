package dev.canarykit.core.internal.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.canarykit.core.analysis.FixturesAccess;
import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.judge.IntervalCounts;
import dev.canarykit.core.judge.Source;
import dev.canarykit.core.judge.SourceCounts;
import dev.canarykit.core.model.AnalysisSpec;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanarySpec;
import dev.canarykit.core.model.SessionAffinity;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The simulated mesh: the scenario fields of issue 17 and the strategies of the Canary. */
class SimulatedRouterTest {
  private static final VersionProfile BASE = new VersionProfile(0.01, 20, 150);
  private static final Scenario PLAIN = new Scenario("plain", 100, BASE, BASE, false);
  private static final Source TESTER = new Source("test", Scenario.LOAD_TESTER);

  private static SimulatedRouter router(UnaryOperator<AnalysisSpec.Builder> strategy, Scenario s) {
    CanarySpec seed = FixturesAccess.seedSpec();
    CanarySpec spec = seed.withAnalysis(strategy.apply(seed.analysis().toBuilder()).build());
    return new SimulatedRouter(new Canary("podinfo", "test", spec), s, new SplittableRandom(1));
  }

  private static SourceCounts source(IntervalCounts c, Source s) {
    return c.sources().stream().filter(x -> x.source().equals(s)).findFirst().orElseThrow();
  }

  @Test
  void theLoadTestReachesTheCanaryFromItsOwnSourceWhileTheAnalysisRuns() {
    Scenario s = PLAIN.withLoadTest(new Scenario.LoadTest(50, BASE));
    SimulatedRouter r = router(a -> a, s);
    IntervalCounts on = r.serve(0, 600, new Outcome.Routes(90, 10, false), false, true).counts();
    assertThat(source(on, TESTER).canary().requests()).isCloseTo(30_000, within(1000.0));
    assertThat(source(on, TESTER).primary().requests()).isZero();
    assertThat(source(on, SimulatedRouter.USERS).canary().requests()).isCloseTo(6000, within(400.0));
    IntervalCounts off = r.serve(600, 600, new Outcome.Routes(90, 10, false), false, false).counts();
    assertThat(off.sources()).extracting(SourceCounts::source).containsExactly(SimulatedRouter.USERS);
  }

  @Test
  void clusteredFailuresKeepTheErrorRateOnAverage() {
    SimulatedRouter r = router(a -> a, PLAIN.withFailureClusterMean(10));
    IntervalCounts c = r.serve(0, 36_000, new Outcome.Routes(50, 50, false), false, false).counts();
    assertThat(c.canary().failures() / c.canary().requests()).isCloseTo(0.01, within(0.002));
  }

  @Test
  void aColdCanaryIsSlowFromItsFirstRequestNotFromTheStartOfTheRun() {
    Scenario s = PLAIN.withWarmup(new Scenario.Warmup(60, 3));
    SimulatedRouter r = router(a -> a, s);
    r.serve(0, 600, new Outcome.Routes(100, 0, false), false, false);
    IntervalCounts cold = r.serve(600, 10, new Outcome.Routes(50, 50, false), false, false).counts();
    r.serve(610, 60, new Outcome.Routes(50, 50, false), false, false);
    IntervalCounts warm = r.serve(670, 10, new Outcome.Routes(50, 50, false), false, false).counts();
    double coldSlow = cold.canary().slowerThan(50) / cold.canary().requests();
    double warmSlow = warm.canary().slowerThan(50) / warm.canary().requests();
    assertThat(coldSlow).isGreaterThan(0.5);
    assertThat(warmSlow).isLessThan(0.2);
  }

  /** The rate is taken at the middle of each slice (slices are at most 10 s in a run). */
  @Test
  void userTrafficSwingsWithThePattern() {
    SimulatedRouter r = router(a -> a, PLAIN.withTrafficPattern(new Scenario.TrafficPattern(0.5, 4)));
    double peak = r.serve(0, 120, null, false, false).counts().primary().requests();
    double trough = r.serve(120, 120, null, false, false).counts().primary().requests();
    assertThat(peak / trough).as("1.5 / 0.5").isCloseTo(3, within(0.2));
  }

  @Test
  void abTestingSendsTheSegmentToTheCanaryAndBlueGreenSendsNoUser() {
    List<Map<String, Object>> match = List.of(Map.of("headers", Map.of("x", Map.of("exact", "y"))));
    SimulatedRouter ab = router(a -> a.iterations(5).match(match), PLAIN);
    IntervalCounts segment = ab.serve(0, 600, new Outcome.Routes(0, 100, false), false, false).counts();
    assertThat(segment.canary().requests() / 60_000).isCloseTo(0.1, within(0.01));
    SimulatedRouter blueGreen = router(a -> a.iterations(5), PLAIN);
    assertThat(blueGreen.serve(0, 600, new Outcome.Routes(100, 0, false), false, false).counts().canary().requests())
        .isZero();
    IntervalCounts mirrored = blueGreen.serve(0, 600, new Outcome.Routes(100, 0, true), false, false).counts();
    assertThat(mirrored.canary().requests()).isCloseTo(mirrored.primary().requests(), within(0.0));
  }

  @Test
  void underSessionAffinityTheCanarysShareGrowsBeyondItsWeight() {
    SimulatedRouter r = router(a -> a.sessionAffinity(SessionAffinity.of("c")), PLAIN);
    double share = 0;
    for (int i = 0; i < 30; i++) {
      IntervalCounts c = r.serve(i * 60, 60, new Outcome.Routes(90, 10, false), false, false).counts();
      share = c.canary().requests() / (c.canary().requests() + c.primary().requests());
    }
    assertThat(share).isGreaterThan(0.8);
  }
}
