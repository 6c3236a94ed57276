package dev.canarykit.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.judge.IntervalCounts;
import dev.canarykit.core.judge.IstioBuckets;
import dev.canarykit.core.judge.Source;
import dev.canarykit.core.judge.SourceCounts;
import dev.canarykit.core.judge.VersionCounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mapping of count vectors to the judge's counts (answers a healthy Prometheus rarely gives). */
class CountsMappingTest {
  private static VectorResult.Sample s(String workload, double value) {
    return new VectorResult.Sample(Map.of("destination_workload", workload), value);
  }

  private static VectorResult.Sample b(String workload, String le, double value) {
    return new VectorResult.Sample(Map.of("destination_workload", workload, "le", le), value);
  }

  private static IntervalCounts map(List<VectorResult.Sample> requests, List<VectorResult.Sample> failures,
      List<VectorResult.Sample> buckets) {
    Outcome o = CountsMapping.map("app", requests, failures, buckets);
    assertThat(o).isInstanceOf(Outcome.Counts.class);
    return ((Outcome.Counts) o).counts();
  }

  private static double[] expected(double... firstValues) {
    double[] out = new double[IstioBuckets.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = firstValues[Math.min(i, firstValues.length - 1)];
    }
    return out;
  }

  @Test
  void missingEdgesTakeTheNextLowerKnownCumulativeValue() {
    // known: le=5 -> 3, le=100 -> 9, +Inf -> 10; every other edge is missing
    double[] c = CountsMapping.cumulative("app", List.of(b("app", "5", 3), b("app", "100", 9), b("app", "+Inf", 10)));
    assertThat(c).containsExactly(expected(0, 0, 3, 3, 3, 3, 9));
  }

  @Test
  void bucketsAreMadeNonDecreasingAndNonIstioEdgesCountAsKnownValues() {
    double[] c = CountsMapping.cumulative("app", List.of(b("app", "1", 4), b("app", "5", 3.5), b("app", "7.5", 6),
        b("app", "NaN", 99), b("app", "garbage", 99), b("other", "10", 99)));
    assertThat(c).containsExactly(expected(0, 4, 4, 6));
  }

  @Test
  void aVersionWithoutAnySeriesIsNoneAndOtherWorkloadsAreIgnored() {
    IntervalCounts c = map(List.of(s("app-primary", 20), s("unrelated", 7)), List.of(), List.of());
    assertThat(c.canary()).isEqualTo(VersionCounts.NONE);
    assertThat(c.primary()).isEqualTo(new VersionCounts(20, 0, new double[0]));
  }

  @Test
  void failuresAreClippedToTheRequests() {
    IntervalCounts c = map(List.of(s("app", 10.4)), List.of(s("app", 10.9)), List.of(b("app", "250", 10.4)));
    assertThat(c.canary()).isEqualTo(new VersionCounts(10.4, 10.4, expected(0, 0, 0, 0, 0, 0, 0, 10.4)));
  }

  /** Issue 13, finding 4: NaN, infinities and negative counts are errors, never read as 0 (a silent canary). */
  @Test
  void aValueThatIsNotACountFailsTheIntervalNamingQueryWorkloadAndValue() {
    assertThat(CountsMapping.map("app", List.of(s("app", Double.NaN), s("app-primary", 20)), List.of(), List.of()))
        .isEqualTo(new Outcome.Failed("cannot count requests per version: the requests query returned NaN for"
            + " \"app\" (a count must be a finite number >= 0)"));
    assertThat(CountsMapping.map("app", List.of(s("app", 3)), List.of(s("app-primary", -0.2)), List.of()))
        .isEqualTo(new Outcome.Failed("cannot count requests per version: the failures query returned -0.2 for"
            + " \"app-primary\" (a count must be a finite number >= 0)"));
    assertThat(CountsMapping.map("app", List.of(s("app", 3)), List.of(), List.of(b("app", "250", Double.NaN))))
        .isInstanceOf(Outcome.Failed.class);
    assertThat(CountsMapping.map("app", List.of(s("app", Double.NEGATIVE_INFINITY)), List.of(), List.of()))
        .isInstanceOf(Outcome.Failed.class);
  }

  /** Issue 17: counts are kept per client workload; series without client labels are the unknown source. */
  @Test
  void countsAreKeptPerSource() {
    Map<String, String> users = Map.of("destination_workload", "app", "source_workload_namespace", "istio-system",
        "source_workload", "istio-ingressgateway");
    Map<String, String> tester = Map.of("destination_workload", "app", "source_workload_namespace", "test",
        "source_workload", "flagger-loadtester");
    Map<String, String> usersOnPrimary = new java.util.HashMap<>(users);
    usersOnPrimary.put("destination_workload", "app-primary");
    IntervalCounts c = map(List.of(new VectorResult.Sample(users, 10), new VectorResult.Sample(tester, 30),
        new VectorResult.Sample(usersOnPrimary, 90), s("app", 5)), List.of(new VectorResult.Sample(users, 1)),
        List.of());
    assertThat(c.sources()).extracting(SourceCounts::source).containsExactly(Source.UNKNOWN,
        new Source("istio-system", "istio-ingressgateway"), new Source("test", "flagger-loadtester"));
    assertThat(c.sources().get(1).canary()).isEqualTo(new VersionCounts(10, 1, new double[0]));
    assertThat(c.sources().get(1).primary()).isEqualTo(new VersionCounts(90, 0, new double[0]));
    assertThat(c.sources().get(2).primary()).isEqualTo(VersionCounts.NONE);
    assertThat(c.canary().requests()).isEqualTo(45);
  }

  @Test
  void seriesOfOneVersionAddUp() {
    List<VectorResult.Sample> buckets = List.of(b("app", "25", 1), b("app", "25", 2));
    IntervalCounts c = map(List.of(s("app", 1), s("app", 2)), List.of(), buckets);
    assertThat(c.canary()).isEqualTo(new VersionCounts(3, 0, expected(0, 0, 0, 0, 3)));
  }

  @Test
  void anInfiniteValueFailsTheInterval() {
    Outcome o = CountsMapping.map("app", List.of(s("app", Double.POSITIVE_INFINITY)), List.of(), List.of());
    assertThat(o).isEqualTo(new Outcome.Failed("cannot count requests per version: the requests query returned"
        + " Infinity for \"app\" (a count must be a finite number >= 0)"));
  }
}
