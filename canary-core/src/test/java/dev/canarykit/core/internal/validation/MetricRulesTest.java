package dev.canarykit.core.internal.validation;

import static dev.canarykit.core.internal.validation.Seed.assertSingle;
import static dev.canarykit.core.internal.validation.Seed.assertValid;
import static dev.canarykit.core.internal.validation.Seed.withMetric;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.MetricSpec.TemplateRef;
import dev.canarykit.core.model.MetricSpec.ThresholdRange;
import dev.canarykit.core.validation.Violation;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricRulesTest {
  private static final String M = "spec.analysis.metrics[2]";
  private static final TemplateRef REF = new TemplateRef("error-rate", "istio-system");

  @Test
  void templateAndQueryMetricsAreValid() {
    assertValid(withMetric(template(Map.of("reporter", "destination", "code_class", "5.*"))));
    assertValid(withMetric(new MetricSpec("custom", "1m", ThresholdRange.atMost(5), null, null, Map.of(),
        "sum(rate(x[1m]))")));
  }

  @Test
  void nameIsRequired() {
    assertSingle(withMetric(MetricSpec.template(null, REF, ThresholdRange.atMost(1), "1m")), M + ".name", null);
  }

  @Test
  void metricWithoutBuiltinNameTemplateOrQueryIsUnusable() {
    Violation v = assertSingle(withMetric(MetricSpec.of("error-rate", ThresholdRange.atMost(1), "1m")),
        M + ".name", "error-rate");
    assertThat(v.message()).contains("not a built-in metric").contains("templateRef or query");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1m", "30s", "1h30m", "500ms", "2h", "1m30s"})
  void intervalAcceptedByGoAndPrometheus(String interval) {
    assertValid(withMetric(MetricSpec.template("error-rate", REF, ThresholdRange.atMost(1), interval)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5m", "1m30", "1d", "5", "1us", "30s1m", "1M", "0", "0s"})
  void intervalRejectedUnlessGoAndPrometheusAcceptIt(String interval) {
    assertSingle(withMetric(MetricSpec.template("error-rate", REF, ThresholdRange.atMost(1), interval)),
        M + ".interval", interval);
  }

  @Test
  void thresholdRangeMinAboveMaxIsReportedAtMin() {
    Violation v = assertSingle(withMetric(MetricSpec.template("error-rate", REF, new ThresholdRange(5.0, 1.5),
        "1m")), M + ".thresholdRange.min", 5.0);
    assertThat(v.message()).isEqualTo("min 5 is above max 1.5: no value could pass");
  }

  @Test
  void thresholdRangeNaNIsRejected() {
    assertSingle(withMetric(MetricSpec.template("error-rate", REF, new ThresholdRange(null, Double.NaN), "1m")),
        M + ".thresholdRange.max", Double.NaN);
  }

  @Test
  void aBoundIsRequired() {
    assertSingle(withMetric(MetricSpec.template("error-rate", REF, null, "1m")), M + ".thresholdRange", null);
    ThresholdRange open = new ThresholdRange(null, null);
    assertSingle(withMetric(MetricSpec.template("error-rate", REF, open, "1m")), M + ".thresholdRange", open);
    assertValid(withMetric(new MetricSpec("error-rate", "1m", null, 1.0, REF, Map.of(), null)));
    assertValid(withMetric(MetricSpec.of("request-success-rate", null, "1m")));
  }

  @Test
  void successRateThresholdsThatCanNeverBeMet() {
    assertSingle(withMetric(MetricSpec.of("request-success-rate", ThresholdRange.atLeast(101), "1m")),
        M + ".thresholdRange.min", 101.0);
    assertSingle(withMetric(MetricSpec.of("request-success-rate", ThresholdRange.atMost(-1), "1m")),
        M + ".thresholdRange.max", -1.0);
    assertSingle(withMetric(new MetricSpec("request-success-rate", "1m", null, 100.5, null, Map.of(), null)),
        M + ".threshold", 100.5);
  }

  @Test
  void requestDurationBoundsMustNotBeNegative() {
    assertSingle(withMetric(MetricSpec.of("request-duration", new ThresholdRange(-1.0, 500.0), "1m")),
        M + ".thresholdRange.min", -1.0);
    assertSingle(withMetric(MetricSpec.of("request-duration", ThresholdRange.atMost(-5), "1m")),
        M + ".thresholdRange.max", -5.0);
    assertSingle(withMetric(new MetricSpec("request-duration", "1m", null, -1.0, null, Map.of(), null)),
        M + ".threshold", -1.0);
  }

  @Test
  void templateRefNeedsANameAndAValidNamespace() {
    assertSingle(withMetric(MetricSpec.template("error-rate", new TemplateRef("", null), ThresholdRange.atMost(1),
        "1m")), M + ".templateRef.name", "");
    assertSingle(withMetric(MetricSpec.template("error-rate", new TemplateRef("error-rate", "Istio_System"),
        ThresholdRange.atMost(1), "1m")), M + ".templateRef.namespace", "Istio_System");
  }

  @Test
  void queryAndTemplateRefTogetherAreValidAndTheTemplateWins() {
    MetricSpec both = new MetricSpec("error-rate", "1m", ThresholdRange.atMost(1), null, REF, Map.of(), "up");
    assertValid(withMetric(both));
    assertThat(both.kind()).isEqualTo(MetricSpec.Kind.TEMPLATE);
  }

  @Test
  void anEmptyNameIsValidWhenATemplateOrQueryBacksTheMetric() {
    assertValid(withMetric(new MetricSpec("", "1m", ThresholdRange.atMost(1), null, REF, Map.of(), null)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\"b", "a'b", "a`b", "a\\b", "{{ name }}", "a}", "line\nbreak", "cr\r"})
  void templateVariableValuesMustNotChangeTheQuery(String value) {
    assertSingle(withMetric(template(Map.of("reporter", value))), M + ".templateVariables.reporter", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1st", "my-var", "a.b", ""})
  void templateVariableKeysMustBeIdentifiers(String key) {
    assertSingle(withMetric(template(Map.of(key, "x"))), M + ".templateVariables." + key, key);
  }

  private static MetricSpec template(Map<String, String> variables) {
    return new MetricSpec("error-rate", "1m", ThresholdRange.atMost(1), null, REF, variables, null);
  }
}
