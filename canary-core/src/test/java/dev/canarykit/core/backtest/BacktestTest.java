package dev.canarykit.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.simulation.Policy;
import dev.canarykit.core.simulation.RunResult.End;
import dev.canarykit.core.simulation.VersionProfile;
import dev.canarykit.core.testing.SeedRelease;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTest {
  private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
  private static final Canary SEED = SeedRelease.canary();
  private static final VersionProfile HEALTHY = new VersionProfile(0.001, 30, 200);

  /** History's split under Flagger's schedule: 10% after the first tick, +10 per minute up to 50%. */
  private static double flaggerSchedule(Instant t) {
    long minutes = Duration.between(START, t).toMinutes();
    return minutes < 2 ? 0 : Math.min(50, 10 * (minutes - 1)) / 100.0;
  }

  private static ReleaseWindow window(long minutes, ReleaseWindow.Label label) {
    return new ReleaseWindow("r", START, START.plus(Duration.ofMinutes(minutes)), label);
  }

  @Test
  void aHealthyReleaseIsPromotedByFlaggerAtTheSixthTick() {
    var history = new MemoryHistory(100, HEALTHY, HEALTHY, BacktestTest::flaggerSchedule)
        .metric("request-success-rate", 99.9).metric("request-duration", 200);
    ReleaseBacktest r = Backtest.run(SEED, window(20, ReleaseWindow.Label.GOOD), List.of(Policy.FLAGGER,
        Policy.STATISTICAL), history, BacktestProgress.NONE);
    for (PolicyRun run : r.runs()) {
      for (TickRecord t : run.ticks()) {
        System.out.println(run.policy() + " " + t);
      }
      System.out.println(run.decision() + " " + run.minutesToDecision());
    }
    assertThat(r.run(Policy.FLAGGER).decision()).isEqualTo(End.PROMOTED);
  }
}
