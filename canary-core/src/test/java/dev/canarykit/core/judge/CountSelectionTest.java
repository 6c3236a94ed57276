package dev.canarykit.core.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.FixturesAccess;
import dev.canarykit.core.model.CanarySpec;
import dev.canarykit.core.model.SessionAffinity;
import dev.canarykit.core.internal.simulation.Traffic;
import dev.canarykit.core.internal.simulation.VersionProfile;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Which counts the judge compares (issue 17): like with like, per strategy. */
class CountSelectionTest {
  private static final Source USERS = new Source("istio-system", "istio-ingressgateway");
  private static final Source TESTER = new Source("test", "flagger-loadtester");
  private static final VersionProfile HEALTHY = new VersionProfile(0.001, 30, 200);
  private static final CanarySpec SEED = FixturesAccess.seedSpec();

  private static VersionCounts served(long n, VersionProfile p, long seed) {
    return Traffic.served(new SplittableRandom(seed), n, p);
  }

  /** Seed-like: 2 user requests a second on the canary, 18 on the primary, 20 synthetic on the canary. */
  private static IntervalCounts seedLike(VersionProfile canaryUsers) {
    return new IntervalCounts(List.of(
        new SourceCounts(USERS, served(1080, HEALTHY, 1), served(120, canaryUsers, 2)),
        new SourceCounts(TESTER, VersionCounts.NONE, served(1200, new VersionProfile(0, 5, 20), 3))));
  }

  private static CanarySpec strategy(java.util.function.UnaryOperator<dev.canarykit.core.model.AnalysisSpec.Builder> f) {
    return SEED.withAnalysis(f.apply(SEED.analysis().toBuilder()).build());
  }

  @Test
  void theSeedsLoadTesterIsASyntheticSourceAndUsersAreComparedSourceBySource() {
    JudgeConfig c = JudgeConfig.forCanary(SEED);
    assertThat(c.comparison()).isEqualTo(Comparison.SOURCES);
    assertThat(c.syntheticSources()).containsExactly("flagger-loadtester");
    CountSelection s = CountSelection.of(c, seedLike(HEALTHY));
    assertThat(s.strata()).extracting(SourceCounts::source).containsExactly(USERS);
    assertThat(s.canary().requests()).isEqualTo(120);
    assertThat(s.primary().requests()).isEqualTo(1080);
  }

  @Test
  void eachStrategyGetsItsComparison() {
    List<Map<String, Object>> match = List.of(Map.of("headers", Map.of("x-canary", Map.of("exact", "insider"))));
    assertThat(JudgeConfig.comparison(strategy(a -> a.iterations(10).match(match)))).isEqualTo(Comparison.SEGMENT);
    assertThat(JudgeConfig.comparison(strategy(a -> a.iterations(10).stepWeight(null).maxWeight(null))))
        .isEqualTo(Comparison.SYNTHETIC);
    assertThat(JudgeConfig.comparison(strategy(a -> a.iterations(10).mirror(true)))).isEqualTo(Comparison.SOURCES);
    assertThat(JudgeConfig.comparison(strategy(a -> a.sessionAffinity(SessionAffinity.of("canary"))))).isEqualTo(Comparison.SOURCES);
  }

  @Test
  void underASegmentOnlyBudgetsJudgeTheCanarysUsers() {
    JudgeConfig c = JudgeConfig.forCanary(SEED).toBuilder().comparison(Comparison.SEGMENT).build();
    CountSelection s = CountSelection.of(c, seedLike(HEALTHY));
    assertThat(s.strata()).isEmpty();
    assertThat(s.canary().requests()).isEqualTo(120);
    assertThat(JudgeState.start(c).rollbackTests()).extracting(TestResult::name)
        .containsExactly("errors/budget", "errors/budget-intervals", "latency>500ms/budget");
  }

  @Test
  void underBlueGreenTheLoadTestIsWhatTheBudgetsJudge() {
    JudgeConfig c = JudgeConfig.forCanary(SEED).toBuilder().comparison(Comparison.SYNTHETIC).build();
    IntervalCounts onlySynthetic = new IntervalCounts(List.of(
        new SourceCounts(USERS, served(1200, HEALTHY, 1), VersionCounts.NONE),
        new SourceCounts(TESTER, VersionCounts.NONE, served(1200, HEALTHY, 3))));
    CountSelection s = CountSelection.of(c, onlySynthetic);
    assertThat(s.strata()).isEmpty();
    assertThat(s.canary().requests()).isEqualTo(1200);
  }

  @Test
  void pooledCountsEverythingAsOneStratum() {
    JudgeConfig c = JudgeConfig.forCanary(SEED).toBuilder().comparison(Comparison.POOLED).build();
    CountSelection s = CountSelection.of(c, seedLike(HEALTHY));
    assertThat(s.strata()).singleElement().extracting(SourceCounts::source).isEqualTo(Source.UNKNOWN);
    assertThat(s.canary().requests()).isEqualTo(1320);
  }

  @Test
  void aCanaryServingOnlyTheLoadTestIsNoData() {
    JudgeConfig c = JudgeConfig.forCanary(SEED);
    IntervalCounts synthetic = new IntervalCounts(List.of(
        new SourceCounts(USERS, served(1200, HEALTHY, 1), VersionCounts.NONE),
        new SourceCounts(TESTER, VersionCounts.NONE, served(1200, HEALTHY, 3))));
    Judgement j = Judge.judge(JudgeState.start(c), synthetic);
    assertThat(j.verdict()).isEqualTo(Verdict.NO_DATA);
    assertThat(Judge.noDataReason(c, synthetic)).isEqualTo(
        "the canary served only synthetic requests (1200 from [flagger-loadtester]; the primary served 1200)");
  }

  /**
   * The example: a 10x error regression on the users (0.1% → 1%) beside a fast, flawless load test of ten
   * times the canary's user traffic. Pooled, the canary's failure rate looks like 0.09%, below the primary's; like
   * with like, it is 1%.
   */
  @Test
  void theLoadTestNoLongerDilutesAUserRegression() {
    VersionProfile bad = new VersionProfile(0.01, 30, 200);
    JudgeConfig c = JudgeConfig.forCanary(SEED);
    VersionCounts judged = CountSelection.of(c, seedLike(bad)).canary();
    VersionCounts pooled = CountSelection.of(c.toBuilder().comparison(Comparison.POOLED).build(), seedLike(bad))
        .canary();
    assertThat(pooled.failures() / pooled.requests()).isLessThan(0.002);
    assertThat(judged.failures() / judged.requests()).isGreaterThan(0.004);
  }

  @Test
  void sourcesAreNamedByWorkloadOrNamespaceAndWorkload() {
    assertThat(TESTER.isNamedBy("flagger-loadtester")).isTrue();
    assertThat(TESTER.isNamedBy("test/flagger-loadtester")).isTrue();
    assertThat(TESTER.isNamedBy("other/flagger-loadtester")).isFalse();
    assertThat(USERS.isNamedBy("flagger-loadtester")).isFalse();
  }
}
