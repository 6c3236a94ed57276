package dev.canarykit.core.analysis;

import static dev.canarykit.core.analysis.Expect.started;
import static dev.canarykit.core.analysis.Expect.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.judge.IntervalCounts;
import dev.canarykit.core.judge.JudgeConfig;
import dev.canarykit.core.judge.VersionCounts;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.internal.simulation.Traffic;
import dev.canarykit.core.internal.simulation.VersionProfile;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The state machine with the statistical judge on (spec.judge). */
class JudgeAnalysisTest {
  private static final VersionProfile HEALTHY = new VersionProfile(0.002, 20, 150);

  private static World judged(VersionProfile canary, double rps) {
    var spec = Fixtures.seedSpec();
    World w = new World(Fixtures.with(spec.toBuilder().judge(JudgeConfig.forCanary(spec)).build()));
    SplittableRandom rnd = new SplittableRandom(5);
    w.override = c -> c instanceof Command.QueryCounts
        ? new Outcome.Counts(Traffic.interval(rnd, rps, 60, w.canaryWeight() / 100.0, HEALTHY, canary)) : null;
    return w;
  }

  @Test
  void aRegressionRollsBackAtTheFirstJudgedTick() {
    World w = started(judged(new VersionProfile(0.25, 20, 150), 300));
    w.tick();
    state(w, Phase.PROGRESSING, 90, 10, 0, 0);
    var events = w.tick();
    assertThat(events.get(0)).startsWith("Warning  Rolling back podinfo.test judge found a regression: REGRESSION");
    assertThat(events).last().isEqualTo("Warning  Canary failed! Scaling down podinfo.test");
    state(w, Phase.FAILED, 100, 0, 0, 0);
    assertThat(w.status.judge()).as("a new run starts without evidence").isNull();
  }

  @Test
  void builtinMetricsAreJudgedNotQueried() {
    World w = started(judged(HEALTHY, 300));
    w.ticks(3);
    assertThat(w.commands).noneMatch(c -> c instanceof Command.QueryMetric);
    assertThat(w.commands).filteredOn(c -> c instanceof Command.QueryCounts).hasSize(2);
    assertThat(w.status.judge().intervals()).isEqualTo(2);
  }

  @Test
  void aBusyHealthyCanaryIsPromotedWithItsEvidence() {
    World w = started(judged(HEALTHY, 300));
    for (int i = 0; i < 15 && w.status.phase() != Phase.SUCCEEDED; i++) {
      w.tick();
    }
    assertThat(w.status.phase()).isEqualTo(Phase.SUCCEEDED);
    assertThat(w.events).anyMatch(e -> e.startsWith("Normal   Judge cleared podinfo.test for promotion: NON_INFERIOR"));
  }

  @Test
  void noDataCountsAFailedCheck() {
    World w = started(judged(HEALTHY, 300));
    w.tick();
    w.override = c -> c instanceof Command.QueryCounts
        ? new Outcome.Counts(new IntervalCounts(VersionCounts.NONE, VersionCounts.NONE)) : null;
    assertThat(w.tick()).containsExactly(
        "Warning  Halt podinfo.test advancement judge no data: no requests were counted");
    state(w, Phase.PROGRESSING, 90, 10, 1, 0);
  }

  /**
   * Issue 13, finding 4: a canary that serves nothing while the primary serves traffic is no data for the canary,
   * a failed check each interval as in Flagger, and never walks to the horizon and a promotion.
   */
  @Test
  void aSilentCanaryBesideABusyPrimaryFailsItsChecksAndIsRolledBack() {
    World w = started(judged(HEALTHY, 300));
    SplittableRandom rnd = new SplittableRandom(6);
    w.override = c -> c instanceof Command.QueryCounts ? new Outcome.Counts(new IntervalCounts(
        Traffic.served(rnd, 18_000, HEALTHY), VersionCounts.NONE)) : null;
    for (int i = 0; i < 40 && w.status.phase() == Phase.PROGRESSING; i++) {
      w.tick();
    }
    assertThat(w.status.phase()).isEqualTo(Phase.FAILED);
    assertThat(w.events).filteredOn(e -> e.contains("judge no data")).hasSize(5).first().isEqualTo(
        "Warning  Halt podinfo.test advancement judge no data: the canary served no requests"
            + " (the primary served 18000)");
    assertThat(w.events).contains("Warning  Rolling back podinfo.test failed checks threshold reached 5");
    assertThat(w.events).as("the first step to 10% comes before any judged interval, no step after it")
        .filteredOn(e -> e.contains("Advance podinfo.test canary weight")).containsExactly(
            "Normal   Advance podinfo.test canary weight 10");
  }

  @Test
  void aCountingErrorCountsAFailedCheck() {
    World w = started(judged(HEALTHY, 300));
    w.tick();
    w.override = c -> c instanceof Command.QueryCounts ? new Outcome.Failed("prometheus down") : null;
    assertThat(w.tick()).containsExactly("Warning  Halt podinfo.test advancement judge error: prometheus down");
    state(w, Phase.PROGRESSING, 90, 10, 1, 0);
  }

  @Test
  void anInconclusiveCanaryHoldsPromotionAtTheMaximumWeight() {
    World w = started(judged(HEALTHY, 0.2));
    for (int i = 0; i < 7; i++) {
      w.tick();
    }
    assertThat(w.canaryWeight()).isEqualTo(50);
    assertThat(w.status.phase()).isEqualTo(Phase.PROGRESSING);
    assertThat(w.events).last().asString().startsWith("Normal   Halt podinfo.test advancement judge holds promotion:");
  }
}
