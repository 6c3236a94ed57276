package dev.canarykit.core.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.canarykit.core.model.AnalysisSpec;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanarySpec;
import dev.canarykit.core.model.CanarySpec.AutoscalerRef;
import dev.canarykit.core.model.CanarySpec.TargetRef;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.MetricSpec.ThresholdRange;
import dev.canarykit.core.model.ServiceSpec;
import dev.canarykit.core.model.WebhookSpec;
import dev.canarykit.core.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The seed scenario's podinfo Canary (examples/src/main/resources/seed/podinfo-canary.yaml) and ways to break one
 * field of it.
 */
final class Seed {
  private Seed() {}

  static Canary podinfo() {
    return new Canary("podinfo", "test", spec());
  }

  static CanarySpec spec() {
    return CanarySpec.builder(TargetRef.deployment("podinfo"), service())
        .progressDeadlineSeconds(60)
        .autoscalerRef(new AutoscalerRef("autoscaling/v2beta2", "HorizontalPodAutoscaler", "podinfo", null))
        .analysis(analysis())
        .build();
  }

  static ServiceSpec service() {
    return ServiceSpec.builder(9898)
        .targetPort("9898")
        .gateways(List.of("public-gateway.istio-system.svc.cluster.local"))
        .hosts(List.of("*"))
        .trafficPolicy(Map.of("tls", Map.of("mode", "DISABLE")))
        .retries(Map.of("attempts", 3, "perTryTimeout", "1s",
            "retryOn", "gateway-error,connect-failure,refused-stream"))
        .build();
  }

  static AnalysisSpec analysis() {
    return AnalysisSpec.builder()
        .interval("1m").threshold(5).maxWeight(50).stepWeight(10)
        .metrics(List.of(
            MetricSpec.of("request-success-rate", ThresholdRange.atLeast(99), "1m"),
            MetricSpec.of("request-duration", ThresholdRange.atMost(500), "30s")))
        .webhooks(List.of(
            WebhookSpec.builder("acceptance-test", "http://flagger-loadtester.test/").type("pre-rollout")
                .timeout("30s")
                .metadata(Map.of("type", "bash", "cmd", "curl -sd 'test' http://podinfo-canary:9898/token | grep token"))
                .build(),
            WebhookSpec.builder("load-test", "http://flagger-loadtester.test/").timeout("5s")
                .metadata(Map.of("cmd", "hey -z 1m -q 10 -c 2 http://podinfo-canary.test:9898/")).build()))
        .build();
  }

  /** The seed with its spec changed. */
  static Canary withSpec(UnaryOperator<CanarySpec.Builder> change) {
    return new Canary("podinfo", "test", change.apply(spec().toBuilder()).build());
  }

  /** The seed with its service changed. */
  static Canary withService(UnaryOperator<ServiceSpec.Builder> change) {
    return withSpec(s -> s.service(change.apply(service().toBuilder()).build()));
  }

  /** The seed with its analysis changed. */
  static Canary withAnalysis(UnaryOperator<AnalysisSpec.Builder> change) {
    return withSpec(s -> s.analysis(change.apply(analysis().toBuilder()).build()));
  }

  /** The seed with one more metric (at index 2). */
  static Canary withMetric(MetricSpec metric) {
    List<MetricSpec> metrics = new ArrayList<>(analysis().metrics());
    metrics.add(metric);
    return withAnalysis(a -> a.metrics(metrics));
  }

  /** The seed with one more webhook (at index 2). */
  static Canary withWebhook(WebhookSpec hook) {
    List<WebhookSpec> hooks = new ArrayList<>(analysis().webhooks());
    hooks.add(hook);
    return withAnalysis(a -> a.webhooks(hooks));
  }

  /** Asserts that {@code canary} has exactly one violation, at {@code path}, carrying {@code value}. */
  static Violation assertSingle(Canary canary, String path, Object value) {
    List<Violation> violations = canary.validate();
    assertThat(violations).extracting(Violation::path, Violation::value).containsExactly(tuple(path, value));
    assertThat(violations.get(0).message()).isNotBlank();
    return violations.get(0);
  }

  /** Asserts that {@code canary} is valid. */
  static void assertValid(Canary canary) {
    assertThat(canary.validate()).isEmpty();
  }
}
