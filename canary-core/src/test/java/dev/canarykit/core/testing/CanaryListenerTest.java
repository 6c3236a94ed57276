package dev.canarykit.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.driver.CanaryDriver;
import dev.canarykit.core.driver.CanaryListener;
import dev.canarykit.core.driver.TickReport;
import dev.canarykit.core.judge.Action;
import dev.canarykit.core.judge.JudgeConfig;
import dev.canarykit.core.judge.Judgement;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.internal.simulation.Traffic;
import dev.canarykit.core.internal.simulation.VersionProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The driver's {@link CanaryListener} callbacks over the seed release on the in-memory ports. */
class CanaryListenerTest {

  /** Records every callback as one line. */
  static final class Recorder implements CanaryListener {
    final List<String> lines = new ArrayList<>();
    final List<Judgement> judgements = new ArrayList<>();
    final List<TickReport> reports = new ArrayList<>();

    @Override
    public void tickCompleted(TickReport report, Duration elapsed) {
      reports.add(report);
      lines.add("tick " + report.persistence() + " " + elapsed);
    }

    @Override
    public void phaseChanged(Canary canary, Phase from, Phase to) {
      lines.add("phase " + from.wireName() + " -> " + to.wireName());
    }

    @Override
    public void weightsObserved(Canary canary, int primaryWeight, int canaryWeight) {
      lines.add("weights " + primaryWeight + "/" + canaryWeight);
    }

    @Override
    public void metricAnalysed(Canary canary, MetricSpec metric, double value) {
      lines.add("metric " + metric.name() + " " + value);
    }

    @Override
    public void judged(Canary canary, Judgement judgement) {
      judgements.add(judgement);
      lines.add("judged " + judgement.verdict() + " " + judgement.action());
    }
  }

  private static CanaryDriver driver(CanaryTestKit kit, CanaryListener listener) {
    return CanaryDriver.builder().workloads(kit.workloads()).router(kit.router()).metrics(kit.metrics())
        .webhooks(kit.webhooks()).statuses(kit.statuses()).events(kit.events()).clock(kit.clock())
        .seed(CanaryTestKit.ENTROPY_SEED).listener(listener).build();
  }

  private static void tick(CanaryTestKit kit, CanaryDriver driver) {
    driver.tick(kit.canary());
    kit.clock().advance(kit.interval());
  }

  @Test
  void theSeedReleaseReportsPhasesWeightsAndMetricsInOrder() {
    CanaryTestKit kit = CanaryTestKit.forCanary(SeedCanary.canary());
    Recorder rec = new Recorder();
    CanaryDriver driver = driver(kit, rec);
    tick(kit, driver);
    assertThat(rec.lines).containsExactly("phase Initializing -> Initialized", "tick WRITTEN PT0S");
    kit.workloads().setTargetRevision("podinfo:3.1.1");
    kit.metrics().fix("request-success-rate", 99.5).fix("request-duration", 120);
    rec.lines.clear();
    for (int i = 0; i < 3; i++) {
      tick(kit, driver);
    }
    assertThat(rec.lines).containsExactly(
        "weights 100/0", "phase Initialized -> Progressing", "tick WRITTEN PT0S",
        "weights 90/10", "tick WRITTEN PT0S",
        "weights 80/20", "metric request-success-rate 99.5", "metric request-duration 120.0", "tick WRITTEN PT0S");
  }

  @Test
  void aFailedReleaseReportsTheFailedPhase() {
    CanaryTestKit kit = CanaryTestKit.forCanary(SeedCanary.canary());
    Recorder rec = new Recorder();
    CanaryDriver driver = driver(kit, rec);
    tick(kit, driver);
    kit.workloads().setTargetRevision("podinfo:3.1.1");
    kit.metrics().fix("request-success-rate", 50).fix("request-duration", 120);
    for (int i = 0; i < 20 && kit.phase() != Phase.FAILED; i++) {
      tick(kit, driver);
    }
    assertThat(rec.lines).filteredOn(l -> l.startsWith("phase")).containsExactly(
        "phase Initializing -> Initialized", "phase Initialized -> Progressing", "phase Progressing -> Failed");
    assertThat(rec.lines).filteredOn(l -> l.startsWith("weights")).last().isEqualTo("weights 100/0");
  }

  @Test
  void theJudgesVerdictIsTheOneThatWasPersisted() {
    var seed = SeedCanary.canary();
    Canary judged = new Canary(seed.name(), seed.namespace(),
        seed.spec().toBuilder().judge(JudgeConfig.forCanary(seed.spec())).build());
    CanaryTestKit kit = CanaryTestKit.forCanary(judged);
    Recorder rec = new Recorder();
    CanaryDriver driver = driver(kit, rec);
    tick(kit, driver);
    kit.workloads().setTargetRevision("podinfo:3.1.1");
    VersionProfile healthy = new VersionProfile(0.002, 20, 150);
    SplittableRandom rnd = new SplittableRandom(5);
    kit.metrics().countsAnswer(w -> new Outcome.Counts(Traffic.interval(rnd, 300, w.toSeconds(),
        kit.router().routes().map(r -> r.canaryWeight() / 100.0).orElse(0.0), healthy, healthy)));
    for (int i = 0; i < 4; i++) {
      tick(kit, driver);
    }
    assertThat(rec.judgements).isNotEmpty();
    Judgement last = rec.judgements.get(rec.judgements.size() - 1);
    assertThat(last.action()).as("a healthy canary: no rollback, no failed check")
        .isIn(Action.ADVANCE, Action.ADVANCE_BELOW_MAX, Action.HOLD, Action.PROMOTE);
    assertThat(last.state()).isEqualTo(rec.reports.get(rec.reports.size() - 1).finalStatus().judge());
    assertThat(last.state().intervals()).isEqualTo(rec.judgements.size());
  }

  @Test
  void aListenerThatThrowsNeverFailsATickAndIsCountedAndLoggedOnce() {
    CanaryTestKit kit = CanaryTestKit.forCanary(SeedCanary.canary());
    List<String> completed = new ArrayList<>();
    CanaryListener broken = new CanaryListener() {
      @Override
      public void phaseChanged(Canary canary, Phase from, Phase to) {
        throw new IllegalStateException("boom");
      }

      @Override
      public void tickCompleted(TickReport report, Duration elapsed) {
        completed.add(report.canary().name());
      }
    };
    CanaryDriver driver = driver(kit, broken);
    try (LogCapture log = LogCapture.of(CanaryDriver.class)) {
      TickReport report = driver.tick(kit.canary());
      assertThat(report.written()).isTrue();
      assertThat(report.problems()).isEmpty();
      assertThat(kit.phase()).isEqualTo(Phase.INITIALIZED);
      assertThat(completed).as("the callbacks after the failing one still run").containsExactly("podinfo");
      assertThat(driver.listenerFailures()).isEqualTo(1);
      assertThat(log.records()).singleElement().satisfies(r -> {
        assertThat(r.getLevel()).isEqualTo(java.util.logging.Level.WARNING);
        assertThat(r.getMessage()).contains("phaseChanged", "podinfo.test");
        assertThat(r.getThrown()).hasMessage("boom");
      });
    }
  }
}
