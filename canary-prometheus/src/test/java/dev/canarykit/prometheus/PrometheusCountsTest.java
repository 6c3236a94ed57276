package dev.canarykit.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.judge.CountSelection;
import dev.canarykit.core.judge.IntervalCounts;
import dev.canarykit.core.judge.Source;
import dev.canarykit.core.judge.SourceCounts;
import dev.canarykit.core.judge.IstioBuckets;
import dev.canarykit.core.judge.Judge;
import dev.canarykit.core.judge.JudgeConfig;
import dev.canarykit.core.judge.JudgeState;
import dev.canarykit.core.judge.Judgement;
import dev.canarykit.core.judge.Verdict;
import dev.canarykit.core.judge.VersionCounts;
import dev.canarykit.core.testing.ManualClock;
import io.github.resilience4j.core.IntervalFunction;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link PrometheusMetricSource#counts} against a real Prometheus scraping {@link IstioExporter} (with twins). Counts
 * over a 10 s window are compared with what the exporter's rates imply, within 5 % (scrape jitter and
 * {@code increase()}'s extrapolation to the window's edges). Windows end one second before the current time, after
 * Prometheus has held at least 12 s of samples, so each window is full.
 */
class PrometheusCountsTest {
  static final Duration WINDOW = Duration.ofSeconds(10);
  private static final double TOLERANCE = 0.05;
  private static PrometheusServer prometheus;
  private static PrometheusClient client;

  @BeforeAll
  static void start() throws IOException {
    prometheus = PrometheusServer.start(IstioExporter.withTwins());
    client = PrometheusClient.builder()
        .resilience(ResilienceSettings.ofDefaults().withBackoff(IntervalFunction.of(1))).build();
    Endpoint e = Endpoint.of(prometheus.address());
    Awaitility.await("12 s of scrapes").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> client.instant(e, "count_over_time(up[30s])", null) instanceof Outcome.MetricValue v
            && v.value() >= 13);
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  /** A source evaluating its queries at {@code clock}'s instant. */
  static PrometheusMetricSource source(java.time.Clock clock) {
    return PrometheusMetricSource.builder(prometheus.address()).client(client).clock(clock).build();
  }

  private static IntervalCounts counts(String target, Instant end, Duration window) {
    Outcome o = source(ManualClock.of(end)).counts(Canaries.canary(target, "test", null), window);
    assertThat(o).isInstanceOf(Outcome.Counts.class);
    return ((Outcome.Counts) o).counts();
  }

  private static IntervalCounts podinfo() {
    return counts("podinfo", Instant.now().minusSeconds(1), WINDOW);
  }

  private static void near(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, within(expected * TOLERANCE));
  }

  @Test
  void requestsAndFailuresMatchTheGeneratedTraffic() {
    IntervalCounts c = podinfo();
    near(c.canary().requests(), 100);
    near(c.canary().failures(), 1);
    near(c.primary().requests(), 200);
    assertThat(c.primary().failures()).isZero();
  }

  @Test
  void bucketsAreCumulativeAndAlignedWithIstioEdges() {
    IntervalCounts c = podinfo();
    double[] edges = IstioBuckets.edges();
    double[] canary = c.canary().cumulativeBuckets();
    double[] primary = c.primary().cumulativeBuckets();
    assertThat(canary).hasSize(IstioBuckets.size());
    assertThat(primary).hasSize(IstioBuckets.size());
    for (int i = 0; i < edges.length; i++) {
      double le = edges[i];
      expect(canary[i], le < 25 ? 0 : le < 50 ? 50 : le < 100 ? 80 : le < 250 ? 90 : 100);
      expect(primary[i], le < 10 ? 0 : 200);
      if (i > 0) {
        assertThat(canary[i]).isGreaterThanOrEqualTo(canary[i - 1]);
        assertThat(primary[i]).isGreaterThanOrEqualTo(primary[i - 1]);
      }
    }
    near(c.canary().slowerThan(100), 10);
  }

  private static void expect(double actual, double expected) {
    if (expected == 0) {
      assertThat(actual).isZero();
    } else {
      near(actual, expected);
    }
  }

  @Test
  void absentWorkloadsCountZero() {
    IntervalCounts none = new IntervalCounts(VersionCounts.NONE, VersionCounts.NONE);
    Instant end = Instant.now().minusSeconds(1);
    assertThat(counts("absent", end, WINDOW)).isEqualTo(none);
    assertThat(counts("pod.info", end, WINDOW)).as("dots are escaped: no match for podinfo").isEqualTo(none);
    assertThat(counts("podinf", end, WINDOW)).as("the workload regex is anchored").isEqualTo(none);
  }

  @Test
  void queriesAreEvaluatedAtTheClocksInstant() {
    IntervalCounts lastHour = counts("podinfo", Instant.now().minus(Duration.ofHours(1)), WINDOW);
    assertThat(lastHour).isEqualTo(new IntervalCounts(VersionCounts.NONE, VersionCounts.NONE));
  }

  @Test
  void aShorterWindowCountsProportionally() {
    IntervalCounts c = counts("twin", Instant.now().minusSeconds(1), Duration.ofSeconds(4));
    near(c.canary().requests(), 200);
    near(c.primary().requests(), 200);
    near(c.canary().failures(), 2);
  }

  /**
   * Issue 17: counts are kept per client, so the judge compares the users of both versions and leaves the load
   * tester, which calls the canary alone, out.
   */
  @Test
  void countsAreKeptPerSourceAndTheLoadTesterIsLeftOutByTheSeedsJudge() {
    IntervalCounts c = counts("mixed", Instant.now().minusSeconds(1), WINDOW);
    Source users = new Source("istio-system", "istio-ingressgateway");
    Source tester = new Source("test", "flagger-loadtester");
    assertThat(c.sources()).extracting(SourceCounts::source).containsExactly(users, tester);
    near(c.sources().get(0).canary().requests(), 100);
    near(c.sources().get(0).canary().failures(), 2);
    near(c.sources().get(0).primary().requests(), 400);
    near(c.sources().get(1).canary().requests(), 300);
    assertThat(c.sources().get(1).primary()).isEqualTo(VersionCounts.NONE);
    near(c.canary().requests(), 400);
    JudgeConfig seed = JudgeConfig.ofDefaults().toBuilder().syntheticSources(java.util.List.of("flagger-loadtester"))
        .build();
    CountSelection judged = CountSelection.of(seed, c);
    near(judged.canary().requests(), 100);
    near(judged.canary().slowerThan(50), 50);
    assertThat(judged.strata()).singleElement().extracting(SourceCounts::source).isEqualTo(users);
  }

  /** Five tiling 2 s intervals of the identical twins, judged in order: never a regression. */
  @Test
  void theJudgeFedByTheseCountsFindsNoRegressionBetweenIdenticalVersions() {
    JudgeState state = JudgeState.start(JudgeConfig.ofDefaults());
    Instant end = Instant.now().minusSeconds(1);
    Duration tile = Duration.ofSeconds(2);
    for (int i = 4; i >= 0; i--) {
      Judgement j = Judge.judge(state, counts("twin", end.minus(tile.multipliedBy(i)), tile));
      assertThat(j.verdict()).as(j.summary()).isIn(Verdict.NON_INFERIOR, Verdict.INCONCLUSIVE);
      state = j.state();
    }
    assertThat(state.intervals()).isEqualTo(5);
    assertThat(state.totals().canaryRequests()).isCloseTo(500, within(25L));
    assertThat(state.totals().primaryRequests()).isCloseTo(500, within(25L));
  }
}
