package dev.canarykit.core.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.internal.simulation.Traffic;
import dev.canarykit.core.internal.simulation.VersionProfile;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JudgeTest {
  private static final JudgeConfig CONFIG = JudgeConfig.ofDefaults().with(0.01, 500);

  @Test
  void anEmptyIntervalIsNoDataAndChangesNothing() {
    JudgeState s = JudgeState.start(CONFIG);
    Judgement j = Judge.judge(s, new IntervalCounts(VersionCounts.NONE, VersionCounts.NONE));
    assertThat(j.verdict()).isEqualTo(Verdict.NO_DATA);
    assertThat(j.action()).isEqualTo(Action.FAIL_CHECK);
    assertThat(j.state()).isSameAs(s);
  }

  /** Issue 13, finding 4: the primary's traffic is no evidence about a canary that served nothing. */
  @Test
  void aSilentCanaryBesideABusyPrimaryIsNoData() {
    JudgeState s = JudgeState.start(CONFIG);
    VersionCounts busy = Traffic.served(new SplittableRandom(1), 18_000, new VersionProfile(0.002, 20, 150));
    Judgement j = Judge.judge(s, new IntervalCounts(busy, VersionCounts.NONE));
    assertThat(j.verdict()).isEqualTo(Verdict.NO_DATA);
    assertThat(j.action()).isEqualTo(Action.FAIL_CHECK);
    assertThat(j.state()).as("no interval counted towards the horizon").isSameAs(s);
  }

  @Test
  void aBusyHealthyCanaryIsShownNonInferior() {
    SplittableRandom rnd = new SplittableRandom(3);
    VersionProfile same = new VersionProfile(0.002, 20, 150);
    JudgeState s = JudgeState.start(CONFIG);
    Judgement j = null;
    for (int t = 0; t < 10 && (j == null || j.verdict() != Verdict.NON_INFERIOR); t++) {
      j = Judge.judge(s, Traffic.interval(rnd, 300, 60, 0.1, same, same));
      s = j.state();
    }
    assertThat(j.verdict()).isEqualTo(Verdict.NON_INFERIOR);
    assertThat(j.action()).isEqualTo(Action.ADVANCE);
  }

  /**
   * Five times the primary's failures but half the budget, at 200 rps on the weights' ramp: the budget's
   * non-inferiority test alone would promote about half of these; while the rollback evidence leans towards a
   * regression the judge does not promote, and the relative tests roll every one back.
   */
  @Test
  void aCanaryWorseThanThePrimaryButWithinItsBudgetIsNotPromotedWhileTheEvidenceLeansToARegression() {
    VersionProfile primary = new VersionProfile(0.001, 25, 180);
    VersionProfile canary = new VersionProfile(0.005, 25, 180);
    for (int seed = 1; seed <= 20; seed++) {
      SplittableRandom rnd = new SplittableRandom(seed);
      JudgeState s = JudgeState.start(CONFIG);
      Judgement j = null;
      for (int t = 1; t <= 30 && (j == null || j.verdict() == Verdict.INCONCLUSIVE); t++) {
        j = Judge.judge(s, Traffic.interval(rnd, 200, 60, Math.min(0.5, 0.1 * t), primary, canary));
        s = j.state();
      }
      assertThat(j.verdict()).as("seed %s", seed).isEqualTo(Verdict.REGRESSION);
    }
  }

  @Test
  void aRegressionCarriesItsProvenance() {
    SplittableRandom rnd = new SplittableRandom(4);
    JudgeState s = JudgeState.start(CONFIG);
    Judgement j = Judge.judge(s, Traffic.interval(rnd, 300, 60, 0.1, new VersionProfile(0.002, 20, 150),
        new VersionProfile(0.25, 20, 150)));
    assertThat(j.verdict()).isEqualTo(Verdict.REGRESSION);
    assertThat(j.action()).isEqualTo(Action.ROLLBACK);
    assertThat(j.rollbackLogE()).isGreaterThanOrEqualTo(j.rollbackBound());
    assertThat(j.rollbackTests()).extracting(TestResult::name).contains("errors/primary", "errors/budget",
        "latency>500ms/budget", "latency>250ms/primary");
    assertThat(j.alphaSpent()).isLessThan(CONFIG.alpha());
    assertThat(j.state().totals().canaryFailures()).isPositive();
    assertThat(j.policyVersion()).isEqualTo(JudgeConfig.POLICY_VERSION);
    assertThat(j.summary()).startsWith("REGRESSION: e=");
  }

  @Test
  void anUndecidedRolloutTakesTheHorizonAction() {
    JudgeConfig quick = JudgeConfig.ofDefaults().toBuilder().latencyEdgesMs(500).horizonIntervals(2)
        .onHorizon(Action.ROLLBACK).policyVersion("test").build();
    VersionCounts tiny = new VersionCounts(1, 0, new double[0]);
    JudgeState s = JudgeState.start(quick);
    Judgement first = Judge.judge(s, new IntervalCounts(tiny, tiny));
    assertThat(first.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(first.action()).isEqualTo(Action.ADVANCE_BELOW_MAX);
    Judgement second = Judge.judge(first.state(), new IntervalCounts(tiny, tiny));
    assertThat(second.horizonReached()).isTrue();
    assertThat(second.action()).isEqualTo(Action.ROLLBACK);
  }

  @Test
  void budgetsComeFromFlaggersThresholds() {
    JudgeConfig c = JudgeConfig.forCanary(dev.canarykit.core.analysis.FixturesAccess.seedSpec());
    assertThat(c.errorBudget()).isCloseTo(0.01, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(c.latencyThresholdMs()).isEqualTo(500);
    assertThat(c.horizonIntervals()).as("30 minutes of 1m intervals").isEqualTo(30);
    var slow = dev.canarykit.core.analysis.FixturesAccess.seedSpec();
    slow = slow.withAnalysis(slow.analysis().toBuilder().interval("2m").build());
    assertThat(JudgeConfig.forCanary(slow).horizonIntervals()).isEqualTo(15);
  }
}
