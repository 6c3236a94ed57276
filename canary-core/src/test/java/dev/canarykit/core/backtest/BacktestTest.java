package dev.canarykit.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canarykit.core.analysis.CanaryEvent;
import dev.canarykit.core.backtest.History.Observation;
import dev.canarykit.core.backtest.PolicyRun.TickRecord;
import dev.canarykit.core.backtest.ReleaseWindow.Label;
import dev.canarykit.core.internal.simulation.VersionProfile;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.WebhookSpec;
import dev.canarykit.core.model.WebhookSpec.WebhookType;
import dev.canarykit.core.simulation.Policy;
import dev.canarykit.core.simulation.RunResult.End;
import dev.canarykit.core.testing.SeedRelease;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTest {
  private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
  private static final Canary SEED = SeedRelease.canary();
  private static final VersionProfile HEALTHY = new VersionProfile(0.001, 30, 200);
  private static final List<Policy> BOTH = List.of(Policy.FLAGGER, Policy.STATISTICAL);

  /** History's split under Flagger's schedule: 10% after the first tick, +10 per minute up to 50%. */
  private static double flaggerSchedule(Instant t) {
    long minutes = Duration.between(START, t).toMinutes();
    return minutes < 2 ? 0 : Math.min(50, 10 * (minutes - 1)) / 100.0;
  }

  private static ReleaseWindow window(String name, long minutes, Label label) {
    return new ReleaseWindow(name, START, START.plus(Duration.ofMinutes(minutes)), label);
  }

  private static MemoryHistory healthy() {
    return new MemoryHistory(100, HEALTHY, HEALTHY, BacktestTest::flaggerSchedule)
        .metric("request-success-rate", 99.9).metric("request-duration", 200);
  }

  private static List<String> messages(TickRecord t) {
    return t.events().stream().map(CanaryEvent::message).toList();
  }

  @Test
  void aHealthyReleaseIsPromotedAtTheSixthTickWithFlaggersEventsAndTheWebhooksSkipped() {
    MemoryHistory history = healthy();
    ReleaseBacktest r = Backtest.run(SEED, window("r", 20, Label.GOOD), BOTH, history, Backtest.Progress.NONE);
    PolicyRun flagger = r.run(Policy.FLAGGER);
    assertThat(flagger.decision()).isEqualTo(End.PROMOTED);
    assertThat(flagger.minutesToDecision()).hasValue(6.0);
    assertThat(flagger.firstFailedCheck()).isNull();
    assertThat(flagger.ticks()).hasSize(9).extracting(TickRecord::canaryWeight)
        .containsExactly(0, 10, 20, 30, 40, 50, 50, 0, 0);
    assertThat(messages(flagger.ticks().get(0))).containsExactly("New revision detected! Scaling up podinfo.test");
    assertThat(flagger.ticks().get(1).skippedWebhooks()).containsExactly("acceptance-test (pre-rollout)");
    assertThat(flagger.ticks().get(2).skippedWebhooks()).containsExactly("load-test (rollout)");
    assertThat(flagger.ticks().get(2).checkedMetrics()).containsExactly("request-success-rate", "request-duration");
    assertThat(messages(flagger.ticks().get(8))).containsExactly("Promotion completed! Scaling down podinfo.test");
    PolicyRun judge = r.run(Policy.STATISTICAL);
    assertThat(judge.ticks().get(2).checkedMetrics()).as("the judge takes over the built-in metrics").isEmpty();
    assertThat(judge.ticks().get(2).judgement()).isNotNull();
    assertThat(r.observations()).hasSize(21);
    assertThat(history.observed).as("each tick observed once for both policies").isEqualTo(21);
  }

  @Test
  void aFailingSuccessRateHaltsFromTheSecondTickAndRollsBackAtTheSeventh() {
    MemoryHistory history = healthy().metric("request-success-rate", 98);
    PolicyRun run = Backtest.run(SEED, window("r", 20, Label.BAD), List.of(Policy.FLAGGER), history,
        Backtest.Progress.NONE).run(Policy.FLAGGER);
    assertThat(run.decision()).isEqualTo(End.ROLLED_BACK);
    assertThat(run.firstHaltMinutes()).hasValue(2.0);
    assertThat(run.firstFailedCheckMinutes()).hasValue(2.0);
    assertThat(run.minutesToDecision()).hasValue(7.0);
    assertThat(messages(run.ticks().get(2))).containsExactly("Halt podinfo.test advancement success rate 98.00% < 99%");
    assertThat(messages(run.ticks().get(7))).contains("Rolling back podinfo.test failed checks threshold reached 5");
    assertThat(run.ticks()).hasSize(8);
  }

  @Test
  void aPolicyStillAnalysingWhenHistorysCanaryStopsServingIsUndecidedAndSaysWhen() {
    MemoryHistory history = new MemoryHistory(100, HEALTHY, HEALTHY,
        t -> Duration.between(START, t).toMinutes() <= 4 ? flaggerSchedule(t) : 0.0)
        .metric("request-success-rate", 99.9).metric("request-duration", 200);
    PolicyRun run = Backtest.run(SEED, window("r", 20, Label.GOOD), List.of(Policy.FLAGGER), history,
        Backtest.Progress.NONE).run(Policy.FLAGGER);
    assertThat(run.decision()).isEqualTo(End.UNDECIDED);
    assertThat(run.historyEnded()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    assertThat(run.ticks()).hasSize(5);
    assertThat(run.minutesToDecision()).isEmpty();
  }

  @Test
  void gatesApproveAndRollbackHooksNeverAskForARollback() {
    List<WebhookSpec> hooks = new ArrayList<>(SEED.spec().analysisOrEmpty().webhooks());
    hooks.add(WebhookSpec.of("gate", WebhookType.CONFIRM_ROLLOUT, "http://gate/"));
    hooks.add(WebhookSpec.of("abort", WebhookType.ROLLBACK, "http://abort/"));
    hooks.add(WebhookSpec.of("promote", WebhookType.CONFIRM_PROMOTION, "http://gate/"));
    Canary gated = SeedRelease.canary(SeedRelease.analysis().webhooks(hooks).build());
    PolicyRun run = Backtest.run(gated, window("r", 20, null), List.of(Policy.FLAGGER), healthy(),
        Backtest.Progress.NONE).run(Policy.FLAGGER);
    assertThat(run.decision()).isEqualTo(End.PROMOTED);
    assertThat(run.ticks().stream().flatMap(t -> t.skippedWebhooks().stream()).distinct())
        .contains("gate (confirm-rollout)", "abort (rollback)", "promote (confirm-promotion)");
  }

  @Test
  void summariesCountOnlyLabelledReleases() {
    MemoryHistory good = healthy();
    MemoryHistory bad = healthy().metric("request-success-rate", 98);
    ReleaseBacktest a = Backtest.run(SEED, window("a", 20, Label.GOOD), BOTH, good, Backtest.Progress.NONE);
    ReleaseBacktest b = Backtest.run(SEED, window("b", 20, Label.BAD), BOTH, bad, Backtest.Progress.NONE);
    ReleaseBacktest c = Backtest.run(SEED, window("c", 20, Label.BAD), BOTH, good, Backtest.Progress.NONE);
    ReleaseBacktest u = Backtest.run(SEED, window("u", 20, null), BOTH, bad, Backtest.Progress.NONE);
    BacktestSummary s = new BacktestSummary(Policy.FLAGGER, List.of(a, b, c, u));
    assertThat(s.falseRollbackRate()).isZero();
    assertThat(s.missedRegressionRate()).isEqualTo(0.5);
    assertThat(s.undecidedRate()).isZero();
    assertThat(s.medianMinutesToRollbackOfRegressions()).isEqualTo(7.0);
    assertThat(s.disagreements()).extracting(r -> r.window().name()).containsExactly("c");
    BacktestSummary unlabelled = new BacktestSummary(Policy.FLAGGER, List.of(u));
    assertThat(List.of(unlabelled.falseRollbackRate(), unlabelled.missedRegressionRate(),
        unlabelled.undecidedRate(), unlabelled.medianMinutesToRollbackOfRegressions())).allMatch(d -> d.isNaN());
    assertThat(unlabelled.disagreements()).isEmpty();
  }

  @Test
  void everyWindowIsCheckedBeforeAnyIsReplayed() {
    MemoryHistory history = healthy();
    History refusing = new History() {
      @Override
      public void check(Canary canary, ReleaseWindow w) {
        if (w.name().startsWith("wrong")) {
          throw new BacktestException("no series for podinfo-primary in " + w.name());
        }
      }

      @Override
      public Observation observe(Canary canary, Instant at) {
        return history.observe(canary, at);
      }
    };
    assertThatThrownBy(() -> Backtest.runAll(SEED, List.of(window("ok", 10, null), window("wrong-1", 10, null),
        window("wrong-2", 10, null)), BOTH, refusing, Backtest.Progress.NONE))
        .isInstanceOf(BacktestException.class)
        .hasMessage("no series for podinfo-primary in wrong-1\nno series for podinfo-primary in wrong-2");
    assertThat(history.observed).isZero();
  }

  @Test
  void ticksRunFromTheStartEveryIntervalUpToTheEndInclusive() {
    assertThat(Backtest.ticks(new ReleaseWindow("w", START, START.plusSeconds(150), null), Duration.ofMinutes(1)))
        .containsExactly(START, START.plusSeconds(60), START.plusSeconds(120));
    assertThatThrownBy(() -> new ReleaseWindow("w", START, START, null)).hasMessageContaining("is not after start");
    List<int[]> progress = new ArrayList<>();
    Backtest.run(SEED, window("p", 3, null), List.of(Policy.FLAGGER), healthy(),
        (w, done, total) -> progress.add(new int[] {done, total}));
    assertThat(progress).extracting(p -> p[0] + "/" + p[1]).containsExactly("1/4", "2/4", "3/4", "4/4");
  }
}
