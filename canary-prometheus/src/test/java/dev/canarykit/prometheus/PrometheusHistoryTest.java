package dev.canarykit.prometheus;

import dev.canarykit.core.port.MetricTemplateLookup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.backtest.Backtest;
import dev.canarykit.core.backtest.BacktestException;
import dev.canarykit.core.backtest.Backtest;
import dev.canarykit.core.backtest.BacktestSummary;
import dev.canarykit.core.backtest.PolicyRun;
import dev.canarykit.core.backtest.ReleaseBacktest;
import dev.canarykit.core.backtest.ReleaseWindow;
import dev.canarykit.core.judge.JudgeConfig;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricTemplate.MetricProvider;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.MetricTemplate;
import dev.canarykit.core.model.MetricSpec.ThresholdRange;
import dev.canarykit.core.simulation.Policy;
import dev.canarykit.core.simulation.RunResult.End;
import dev.canarykit.core.testing.SeedRelease;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Backtests against a real Prometheus holding {@link LabelledReleases}, backfilled with promtool. The Prometheus
 * refuses queries that load more than 1000 samples, so that the series check must chunk long windows.
 */
@Timeout(300)
class PrometheusHistoryTest {
  private static final List<Policy> BOTH = List.of(Policy.FLAGGER, Policy.STATISTICAL);
  private static PrometheusServer prometheus;
  private static LabelledReleases releases;
  private static PrometheusHistory history;
  private static Canary canary;

  @BeforeAll
  static void start() throws IOException {
    releases = new LabelledReleases(Instant.now());
    prometheus = releases.serve(List.of("--query.max-samples=1000"));
    String address = prometheus.address().toString();
    MetricTemplate failures = new MetricTemplate("failures", "test", MetricProvider.prometheus(address),
        "sum(increase(istio_requests_total{destination_workload_namespace=\"{{ namespace }}\","
            + "destination_workload=\"{{ target }}\",response_code=~\"5.*\"}[{{ interval }}]))");
    history = PrometheusHistory.builder(prometheus.address())
        .templates(MetricTemplateLookup.of(List.of(failures))).build();
    List<MetricSpec> metrics = new ArrayList<>(SeedRelease.analysis().build().metrics());
    metrics.add(new MetricSpec("canary-failures", "1m", ThresholdRange.atMost(1000), null,
        new MetricSpec.TemplateRef("failures", "test"), Map.of(), null));
    metrics.add(new MetricSpec("primary-rps", "1m", ThresholdRange.atLeast(0), null, null, Map.of(),
        "sum(rate(istio_requests_total{destination_workload_namespace=\"{{ namespace }}\","
            + "destination_workload=\"{{ target }}-primary\"}[{{ interval }}]))"));
    Canary seed = SeedRelease.canary(SeedRelease.analysis().metrics(metrics).build());
    // The labelled history's failures are independent (LabelledReleases draws them one by one): the judge is told
    // so, as a user would with canarykit.dev/judge-failure-cluster-mean: "1". At its default bound (clusters of
    // mean up to 10) 15-minute windows at 50 rps are too short for it to decide (docs/benchmarks.md, "Limits").
    canary = new Canary(seed.name(), seed.namespace(), seed.spec().toBuilder()
        .judge(JudgeConfig.forCanary(seed.spec()).toBuilder().failureClusterMean(1).build()).build());
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  @Test
  void eachPolicyDecidesAtTheRightTickAndTheFiguresOfTheLabelledSetFollow() {
    List<BacktestSummary> s = Backtest.runAll(canary, releases.labelled(), BOTH, history, Backtest.Progress.NONE);
    s.forEach(PrometheusHistoryTest::print);
    BacktestSummary flagger = s.get(0);
    BacktestSummary judge = s.get(1);
    // Flagger's replay repeats what Flagger did in history, tick for tick.
    expect(flagger, "good", End.PROMOTED, 6.0, null);
    expect(flagger, "errors-5x", End.ROLLED_BACK, 7.0, 2.0);
    expect(flagger, "latency", End.ROLLED_BACK, 7.0, 2.0);
    expect(flagger, "hidden-errors", End.PROMOTED, 6.0, null);
    // The judge compares the canary with the primary on the same traffic.
    expect(judge, "good", End.PROMOTED, 6.0, null);
    expect(judge, "errors-5x", End.ROLLED_BACK, 3.0, 3.0);
    expect(judge, "latency", End.ROLLED_BACK, 3.0, 3.0); // the first minute of canary traffic is its warm-up
    expect(judge, "hidden-errors", End.ROLLED_BACK, 3.0, 3.0);
    assertThat(List.of(flagger.falseRollbackRate(), flagger.missedRegressionRate(), flagger.undecidedRate(),
        flagger.medianMinutesToRollbackOfRegressions())).containsExactly(0.0, 1 / 3.0, 0.0, 7.0);
    assertThat(List.of(judge.falseRollbackRate(), judge.missedRegressionRate(), judge.undecidedRate(),
        judge.medianMinutesToRollbackOfRegressions())).containsExactly(0.0, 0.0, 0.0, 3.0);
    assertThat(flagger.disagreements()).extracting(r -> r.window().name()).containsExactly("hidden-errors");
    assertThat(judge.disagreements()).isEmpty();
  }

  private static void expect(BacktestSummary s, String release, End decision, Double minutes, Double firstFailed) {
    PolicyRun run = s.releases().stream().filter(r -> r.window().name().equals(release)).findFirst().orElseThrow()
        .run(s.policy());
    String what = s.policy().wireName() + " on " + release;
    assertThat(run.decision()).as(what).isEqualTo(decision);
    assertThat(run.minutesToDecision().orElse(-1)).as(what + " minutes to decision").isEqualTo(minutes);
    assertThat(run.firstFailedCheckMinutes().isPresent() ? run.firstFailedCheckMinutes().getAsDouble() : null)
        .as(what + " first failed check").isEqualTo(firstFailed);
  }

  private static void print(BacktestSummary p) {
    for (ReleaseBacktest r : p.releases()) {
      PolicyRun run = r.run(p.policy());
      System.out.printf("BACKTEST %-11s %-13s %-11s minutes to decision %s, first failed check %s%n",
          p.policy().wireName(), r.window().name(), run.decision(), run.minutesToDecision(),
          run.firstFailedCheckMinutes());
    }
    System.out.printf("BACKTEST %-11s falseRollbackRate %s missedRegressionRate %s undecidedRate %s "
        + "medianMinutesToRollbackOfRegressions %s%n", p.policy().wireName(), p.falseRollbackRate(),
        p.missedRegressionRate(), p.undecidedRate(), p.medianMinutesToRollbackOfRegressions());
  }

  @Test
  void eachTickObservesTheLiveQueriesEvaluatedAtItsTime() {
    ReleaseBacktest r = Backtest.run(canary, releases.errors(), List.of(Policy.FLAGGER), history,
        Backtest.Progress.NONE);
    var tick3 = r.observations().get(3);
    assertThat(tick3.at()).isEqualTo(releases.errors().start().plus(Duration.ofMinutes(3)));
    double canaryRps = LabelledReleases.RPS * 0.1;
    assertThat(value(tick3, "request-success-rate")).isCloseTo(98.0, within(0.01));
    assertThat(value(tick3, "request-duration")).isBetween(100.0, 250.0);
    assertThat(value(tick3, "canary-failures")).isCloseTo(canaryRps * 0.02 * 60, within(0.5));
    assertThat(value(tick3, "primary-rps")).isCloseTo(LabelledReleases.RPS - canaryRps, within(0.01));
    assertThat(tick3.weightSeen().getAsDouble()).isCloseTo(10, within(0.5));
    assertThat(r.observations().get(0).weightSeen().getAsDouble()).isZero();
    assertThat(r.observations().get(9).weightSeen().getAsDouble()).isZero();
    assertThat(r.run(Policy.FLAGGER).ticks().get(2).checkedMetrics()).containsExactly("request-success-rate");
  }

  private static double value(dev.canarykit.core.backtest.History.Observation o, String metric) {
    return ((Outcome.MetricValue) o.metrics().get(metric)).value();
  }

  @Test
  void theWeightsSeenAreHistorysSplit() {
    ReleaseBacktest r = Backtest.run(canary, releases.good(), List.of(Policy.FLAGGER), history,
        Backtest.Progress.NONE);
    List<Long> seen = r.observations().stream().limit(9).map(o -> Math.round(o.weightSeen().orElse(-1))).toList();
    assertThat(seen).containsExactly(0L, 0L, 10L, 20L, 30L, 40L, 50L, 50L, 0L);
    assertThat(r.run(Policy.FLAGGER).ticks()).extracting(t -> t.canaryWeight())
        .containsExactly(0, 10, 20, 30, 40, 50, 50, 0, 0);
  }

  @Test
  void aPolicyStillAnalysingWhenHistorysCanaryStoppedServingIsUndecided() {
    Canary slow = SeedRelease.canary(SeedRelease.analysis().stepWeight(5).build());
    PolicyRun run = Backtest.run(slow, releases.good(), List.of(Policy.FLAGGER), history, Backtest.Progress.NONE)
        .run(Policy.FLAGGER);
    assertThat(run.decision()).isEqualTo(End.UNDECIDED);
    assertThat(run.historyEnded()).isEqualTo(releases.good().start().plus(Duration.ofMinutes(8)));
    assertThat(run.ticks()).hasSize(8).last().extracting(t -> t.canaryWeight()).isEqualTo(35);
  }

  @Test
  void aWindowWithoutPrimarySeriesIsRefusedNamingTheWindow() {
    ReleaseWindow w = releases.noPrimary();
    assertThatThrownBy(() -> Backtest.run(canary, w, BOTH, history, Backtest.Progress.NONE))
        .isInstanceOf(BacktestException.class)
        .hasMessage("no series for podinfo-primary in test between " + w.start() + " and " + w.end()
            + ": is the window right?");
  }

  @Test
  void aWindowBeyondTheRetentionOrInTheFutureIsRefused() {
    Instant now = Instant.now();
    ReleaseWindow old = new ReleaseWindow("old", now.minus(Duration.ofDays(20)), now.minus(Duration.ofDays(19)), null);
    assertThatThrownBy(() -> history.check(canary, old)).isInstanceOf(BacktestException.class)
        .hasMessageContaining("release old (" + old.start() + " to " + old.end() + ") reaches back further than "
            + "Prometheus at " + prometheus.address() + " keeps history: its retention is 15d");
    ReleaseWindow future = new ReleaseWindow("next", now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofHours(1)),
        null);
    assertThatThrownBy(() -> history.check(canary, future)).hasMessageContaining("ends after the current time of "
        + "Prometheus at " + prometheus.address());
  }

  @Test
  void aCanaryWhoseTemplateIsMissingIsRefusedBeforeAnyQuery() {
    List<MetricSpec> metrics = new ArrayList<>(canary.spec().analysisOrEmpty().metrics());
    metrics.add(new MetricSpec("latency-slo", "1m", ThresholdRange.atMost(1), null,
        new MetricSpec.TemplateRef("latency-slo", "observability"), Map.of(), null));
    Canary missing = SeedRelease.canary(SeedRelease.analysis().metrics(metrics).build());
    assertThatThrownBy(() -> history.check(missing, releases.good())).isInstanceOf(BacktestException.class)
        .hasMessageStartingWith("podinfo.test: metric latency-slo: ").hasMessageContaining("latency-slo");
  }

  @Test
  void anUnreachablePrometheusIsNamed() {
    PrometheusHistory nowhere = PrometheusHistory.builder(URI.create("http://127.0.0.1:1")).build();
    assertThatThrownBy(() -> nowhere.check(SeedRelease.canary(), releases.good()))
        .isInstanceOf(BacktestException.class).hasMessageStartingWith("cannot reach Prometheus at http://127.0.0.1:1: ");
  }

  @Test
  void aLongWindowIsCheckedInChunksWhenOneQueryWouldLoadTooMuch() {
    Instant from = releases.good().start().minus(Duration.ofMinutes(10));
    Instant to = releases.noPrimary().start();
    PrometheusClient client = PrometheusClient.builder().build();
    Endpoint endpoint = Endpoint.of(prometheus.address());
    var whole = client.vector(endpoint, "count by (destination_workload) (last_over_time(istio_requests_total{"
        + CountQueries.selector("test", "podinfo") + "}[" + CountQueries.duration(Duration.between(from, to))
        + "]))", to);
    assertThat(whole).isInstanceOf(VectorResult.Error.class);
    assertThat(((VectorResult.Error) whole).message()).contains("too many samples");
    SeriesPresence presence = new SeriesPresence(client, Duration.between(from, to), Duration.ofMinutes(1));
    presence.check(endpoint, "test", "podinfo", from, to);
    assertThat(presence.queries()).as("the refused whole span, then its halves").isGreaterThan(1);
  }
}
