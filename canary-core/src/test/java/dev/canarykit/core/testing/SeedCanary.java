package dev.canarykit.core.testing;

import dev.canarykit.core.model.AnalysisSpec;
import dev.canarykit.core.model.AutoscalerRef;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanarySpec;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.ServiceSpec;
import dev.canarykit.core.model.TargetRef;
import dev.canarykit.core.model.ThresholdRange;
import dev.canarykit.core.model.WebhookSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The seed release's Canary (shared/seed-scenario/podinfo-canary.yaml) and its expected events. */
final class SeedCanary {
  private SeedCanary() {}

  static Canary canary() {
    return canary(analysis().build());
  }

  static Canary canary(AnalysisSpec analysis) {
    ServiceSpec service = ServiceSpec.builder(9898).targetPort("9898")
        .gateways(List.of("public-gateway.istio-system.svc.cluster.local")).hosts(List.of("*")).build();
    CanarySpec spec = CanarySpec.builder(TargetRef.deployment("podinfo"), service).progressDeadlineSeconds(60)
        .autoscalerRef(new AutoscalerRef("autoscaling/v2beta2", "HorizontalPodAutoscaler", "podinfo", null))
        .analysis(analysis).build();
    return new Canary("podinfo", "test", spec);
  }

  static AnalysisSpec.Builder analysis() {
    return AnalysisSpec.builder().interval("1m").threshold(5).maxWeight(50).stepWeight(10)
        .metrics(List.of(MetricSpec.of(MetricSpec.REQUEST_SUCCESS_RATE, ThresholdRange.atLeast(99), "1m"),
            MetricSpec.of(MetricSpec.REQUEST_DURATION, ThresholdRange.atMost(500), "30s")))
        .webhooks(List.of(
            new WebhookSpec("acceptance-test", "pre-rollout", "http://flagger-loadtester.test/", "30s", null,
                Map.of("type", "bash", "cmd", "curl -sd 'test' http://podinfo-canary:9898/token | grep token"),
                false, false),
            new WebhookSpec("load-test", null, "http://flagger-loadtester.test/", "5s", null,
                Map.of("cmd", "hey -z 1m -q 10 -c 2 http://podinfo-canary.test:9898/"), false, false)));
  }

  /** shared/seed-scenario/expected-events-full.txt (a copy in the test resources) without blank lines. */
  static List<String> expectedEvents() throws Exception {
    try (var in = SeedCanary.class.getResourceAsStream("/seed/expected-events-full.txt")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank()).toList();
    }
  }
}
