package dev.canarykit.core.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.FixturesAccess;
import dev.canarykit.core.internal.simulation.Traffic;
import dev.canarykit.core.internal.simulation.VersionProfile;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Cold canaries (issue 17): the first period of a run gives no latency evidence. */
class WarmupTest {
  private static final VersionProfile WARM = new VersionProfile(0.002, 20, 150);
  private static final VersionProfile COLD = WARM.slowerBy(3);

  @Test
  void theDefaultWarmupIsOneMinuteInTheCanarysIntervals() {
    var spec = FixturesAccess.seedSpec();
    assertThat(JudgeConfig.forCanary(spec).warmupIntervals()).isEqualTo(1);
    var fast = spec.withAnalysis(spec.analysis().toBuilder().interval("10s").build());
    assertThat(JudgeConfig.forCanary(fast).warmupIntervals()).isEqualTo(6);
    assertThat(JudgeConfig.ofDefaults().toBuilder().warmup(Duration.ZERO, Duration.ofMinutes(1)).build()
        .warmupIntervals()).isZero();
  }

  @Test
  void aCanaryThreeTimesSlowerInItsFirstIntervalIsNotRolledBackWithTheWarmup() {
    JudgeConfig c = JudgeConfig.forCanary(FixturesAccess.seedSpec());
    assertThat(afterAColdFirstInterval(c).verdict()).isNotEqualTo(Verdict.REGRESSION);
    assertThat(afterAColdFirstInterval(c.toBuilder().warmupIntervals(0).build()).verdict())
        .as("without a warm-up the cold interval alone is a regression").isEqualTo(Verdict.REGRESSION);
  }

  @Test
  void errorsCountDuringTheWarmup() {
    JudgeConfig c = JudgeConfig.forCanary(FixturesAccess.seedSpec());
    SplittableRandom rnd = new SplittableRandom(2);
    Judgement j = Judge.judge(JudgeState.start(c),
        Traffic.interval(rnd, 300, 60, 0.1, WARM, new VersionProfile(0.25, 60, 450)));
    assertThat(j.verdict()).isEqualTo(Verdict.REGRESSION);
  }

  private static Judgement afterAColdFirstInterval(JudgeConfig c) {
    SplittableRandom rnd = new SplittableRandom(1);
    return Judge.judge(JudgeState.start(c), Traffic.interval(rnd, 300, 60, 0.1, WARM, COLD));
  }
}
