package dev.canarykit.core.analysis;

import static dev.canarykit.core.analysis.Expect.started;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.MetricSpec.ThresholdRange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metric verdicts and Flagger's texts for each kind of metric and failure (docs/flagger-compatibility.md §5, §6). */
class MetricChecksTest {

  private static World analysing(List<MetricSpec> metrics) {
    World w = started(new World(Fixtures.with(Fixtures.seedAnalysis().metrics(metrics).build())));
    w.tick();
    return w;
  }

  private static World seedAnalysing() {
    return analysing(Fixtures.seedAnalysis().build().metrics());
  }

  @Test
  void successRateBelowMinimum() {
    World w = seedAnalysing();
    w.metric("request-success-rate", 98.456);
    assertThat(w.tick()).containsExactly("Warning  Halt podinfo.test advancement success rate 98.46% < 99%");
  }

  @Test
  void boundsAreInclusivePasses() {
    World w = seedAnalysing();
    w.metric("request-success-rate", 99);
    w.metric("request-duration", 500.9);
    assertThat(w.tick()).containsExactly("Normal   Advance podinfo.test canary weight 20");
  }

  @Test
  void durationIsTruncatedToWholeMilliseconds() {
    World w = seedAnalysing();
    w.metric("request-duration", 1234.9);
    assertThat(w.tick()).containsExactly("Warning  Halt podinfo.test advancement request duration 1.234s > 500ms");
  }

  @Test
  void noDataTextsPerKind() {
    World w = seedAnalysing();
    w.metric("request-success-rate", new Outcome.NoData("no values found"));
    assertThat(w.tick()).containsExactly("Warning  Halt advancement no values found for istio metric"
        + " request-success-rate probably podinfo.test is not receiving traffic: no values found");
    w.metric("request-success-rate", 100);
    w.metric("request-duration", new Outcome.NoData("no values found"));
    assertThat(w.tick()).containsExactly("Warning  Halt advancement no values found for istio metric"
        + " request-duration probably podinfo.test is not receiving traffic");
  }

  @Test
  void queryErrorsPerKind() {
    MetricSpec inline = new MetricSpec("errors", "1m", ThresholdRange.atMost(1), null, null, Map.of(), "vector(0)");
    MetricSpec template = MetricSpec.template("latency", new MetricSpec.TemplateRef("latency", null),
        ThresholdRange.atMost(100), "1m");
    World w = analysing(List.of(template, inline));
    w.metric("errors", new Outcome.MetricError("connection refused", false));
    assertThat(w.tick()).containsExactly("Warning  Prometheus query failed for errors: connection refused");
    assertThat(w.events).last().isNotNull();
    w.metric("errors", 0.5);
    w.metric("latency", new Outcome.MetricError("timeout", false));
    assertThat(w.tick()).containsExactly("Warning  Metric query failed for latency: timeout");
    w.metric("latency", new Outcome.MetricError("Metric template latency.test error: not found", true));
    assertThat(w.tick()).containsExactly("Warning  Metric template latency.test error: not found");
    w.metric("latency", new Outcome.NoData("no values found"));
    assertThat(w.tick()).containsExactly("Warning  Halt advancement no values found for custom metric: latency: no"
        + " values found");
    w.metric("latency", 150.0);
    assertThat(w.tick()).containsExactly("Warning  Halt podinfo.test advancement latency 150.00 > 100");
    assertThat(w.status.failedChecks()).isEqualTo(5);
  }

  @Test
  void templatesRunAfterBuiltinsWhateverTheirPlaceInTheSpec() {
    MetricSpec template = MetricSpec.template("latency", new MetricSpec.TemplateRef("latency", null),
        ThresholdRange.atMost(100), null);
    World w = analysing(List.of(template, MetricSpec.of("request-success-rate", ThresholdRange.atLeast(99), "1m")));
    w.commands.clear();
    w.tick();
    assertThat(w.commands).filteredOn(c -> c instanceof Command.QueryMetric)
        .extracting(c -> ((Command.QueryMetric) c).metric().name())
        .containsExactly("request-success-rate", "latency");
    assertThat(w.commands).filteredOn(c -> c instanceof Command.QueryMetric)
        .extracting(c -> ((Command.QueryMetric) c).metric().interval())
        .as("a template without interval gets the default window").containsExactly("1m", "1m");
  }

  @Test
  void firstFailureStopsTheChecks() {
    World w = seedAnalysing();
    w.metric("request-success-rate", 1);
    w.metric("request-duration", 10_000);
    w.commands.clear();
    assertThat(w.tick()).hasSize(1);
    assertThat(w.commands).filteredOn(c -> c instanceof Command.QueryMetric).hasSize(1);
    assertThat(w.status.failedChecks()).isEqualTo(1);
  }

  @Test
  void deprecatedThresholdIsAMinimumForSuccessRateAndAMaximumElsewhere() {
    MetricSpec rate = new MetricSpec("request-success-rate", "1m", null, 99.5, null, Map.of(), null);
    MetricSpec duration = new MetricSpec("request-duration", "1m", null, 300.0, null, Map.of(), null);
    World w = analysing(List.of(rate, duration));
    w.metric("request-success-rate", 99.4);
    assertThat(w.tick()).containsExactly("Warning  Halt podinfo.test advancement success rate 99.40% < 99.5%");
    w.metric("request-success-rate", 99.6);
    w.metric("request-duration", 301);
    assertThat(w.tick()).containsExactly("Warning  Halt podinfo.test advancement request duration 301ms > 300ms");
  }

  @Test
  void valuesABuiltinMetricCannotTakeFailTheCheckAsErrors() {
    World w = seedAnalysing();
    w.metric("request-duration", 1);
    w.metric("request-success-rate", Double.POSITIVE_INFINITY);
    assertThat(w.tick()).containsExactly("Warning  Prometheus query failed: impossible value +Inf for"
        + " request-success-rate: not a finite number");
    w.metric("request-success-rate", 150);
    assertThat(w.tick()).containsExactly("Warning  Prometheus query failed: impossible value 150 for"
        + " request-success-rate: a success rate is a percentage from 0 to 100");
    w.metric("request-success-rate", -0.5);
    assertThat(w.tick()).hasSize(1).allMatch(e -> e.contains("impossible value -0.5 for request-success-rate"));
    w.metric("request-success-rate", 100);
    w.metric("request-duration", Double.NEGATIVE_INFINITY);
    assertThat(w.tick()).containsExactly("Warning  Prometheus query failed: impossible value -Inf for"
        + " request-duration: not a finite number");
    w.metric("request-duration", -5);
    assertThat(w.tick()).containsExactly("Warning  Prometheus query failed: impossible value -5 for"
        + " request-duration: a duration is never negative");
    assertThat(w.status.failedChecks()).isEqualTo(5);
  }

  @Test
  void roundingAtTheBoundsOfTheSuccessRateIsNotAnError() {
    World w = seedAnalysing();
    w.metric("request-success-rate", 100.00000000000001);
    w.metric("request-duration", 0);
    assertThat(w.tick()).containsExactly("Normal   Advance podinfo.test canary weight 20");
  }

  @Test
  void customMetricsMayBeNegativeButNeverNanOrInfinite() {
    MetricSpec inline = new MetricSpec("drift", "1m", new ThresholdRange(-10.0, 10.0), null, null, Map.of(),
        "vector(0)");
    World w = analysing(List.of(inline));
    w.metric("drift", -3);
    assertThat(w.tick()).containsExactly("Normal   Advance podinfo.test canary weight 20");
    w.metric("drift", Double.NaN);
    assertThat(w.tick()).containsExactly("Warning  Prometheus query failed for drift: impossible value NaN for"
        + " drift: not a finite number");
    w.metric("drift", Double.NEGATIVE_INFINITY);
    assertThat(w.tick()).hasSize(1).allMatch(e -> e.contains("impossible value -Inf for drift"));
  }

  @Test
  void minimumOnACustomMetric() {
    MetricSpec custom = new MetricSpec("throughput", "1m", new ThresholdRange(10.0, null), null, null, Map.of(),
        "sum(rate(x[1m]))");
    World w = analysing(List.of(custom));
    w.metric("throughput", 2.5);
    assertThat(w.tick()).containsExactly("Warning  Halt podinfo.test advancement throughput 2.50 < 10");
  }
}
