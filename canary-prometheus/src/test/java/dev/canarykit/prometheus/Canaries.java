package dev.canarykit.prometheus;

import dev.canarykit.core.model.AnalysisSpec;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanarySpec;
import dev.canarykit.core.model.CanarySpec.TargetRef;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.MetricSpec.ThresholdRange;
import dev.canarykit.core.model.ServiceSpec;
import java.util.List;
import java.util.Map;

/** Canaries and metrics for the tests: podinfo in namespace {@code test}, as the exporter serves it. */
final class Canaries {
  static final MetricSpec SUCCESS_RATE =
      MetricSpec.of(MetricSpec.REQUEST_SUCCESS_RATE, ThresholdRange.atLeast(99), "1m");
  static final MetricSpec DURATION = MetricSpec.of(MetricSpec.REQUEST_DURATION, ThresholdRange.atMost(500), "1m");

  private Canaries() {}

  /** A canary of {@code target} in {@code namespace} using {@code metricsServer} (may be null) and metrics. */
  static Canary canary(String name, String namespace, String metricsServer, MetricSpec... metrics) {
    AnalysisSpec analysis = AnalysisSpec.builder().interval("1m").threshold(2).maxWeight(50).stepWeight(10)
        .metrics(List.of(metrics)).build();
    CanarySpec spec = CanarySpec.builder(TargetRef.deployment(name), ServiceSpec.builder(9898).build())
        .metricsServer(metricsServer).analysis(analysis).build();
    return new Canary(name, namespace, spec);
  }

  static Canary podinfo(String metricsServer, MetricSpec... metrics) {
    return canary("podinfo", "test", metricsServer, metrics);
  }

  /** An in-line query metric. */
  static MetricSpec inline(String name, String query) {
    return new MetricSpec(name, "1m", ThresholdRange.atLeast(0), null, null, Map.of(), query);
  }

  /** A template metric with variables. */
  static MetricSpec template(String name, String templateName, Map<String, String> variables) {
    return new MetricSpec(name, null, ThresholdRange.atLeast(0), null,
        new MetricSpec.TemplateRef(templateName, null), variables, null);
  }
}
