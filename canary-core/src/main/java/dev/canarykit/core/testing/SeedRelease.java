package dev.canarykit.core.testing;

import dev.canarykit.core.model.AnalysisSpec;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanarySpec;
import dev.canarykit.core.model.CanarySpec.AutoscalerRef;
import dev.canarykit.core.model.CanarySpec.TargetRef;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.MetricSpec.ThresholdRange;
import dev.canarykit.core.model.ServiceSpec;
import dev.canarykit.core.model.WebhookSpec;
import dev.canarykit.core.model.WebhookSpec.WebhookType;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The seed release's Canary, built in code: podinfo in namespace {@code test} on Istio, 10% steps to 50%, success
 * rate at least 99% and P99 at most 500 ms, an acceptance test before the rollout and a load test during it
 * (the same values as {@code podinfo-canary.yaml}). A starting point for policy tests and benchmarks.
 *
 * <pre>{@code
 * var kit = CanaryTestKit.forCanary(SeedRelease.canary());
 * var stricter = SeedRelease.canary(SeedRelease.analysis().threshold(2).build());
 * }</pre>
 */
public final class SeedRelease {
  private SeedRelease() {}

  /** The seed Canary. */
  public static Canary canary() {
    return new Canary("podinfo", "test", spec());
  }

  /** The seed Canary with another analysis. */
  public static Canary canary(AnalysisSpec analysis) {
    return new Canary("podinfo", "test", spec().withAnalysis(analysis));
  }

  /** The seed's spec. */
  public static CanarySpec spec() {
    ServiceSpec service = ServiceSpec.builder(9898).targetPort("9898")
        .gateways(List.of("public-gateway.istio-system.svc.cluster.local")).hosts(List.of("*"))
        .trafficPolicy(Map.of("tls", Map.of("mode", "DISABLE")))
        .retries(Map.of("attempts", 3, "perTryTimeout", "1s", "retryOn", "gateway-error,connect-failure,refused-stream"))
        .build();
    return CanarySpec.builder(TargetRef.deployment("podinfo"), service).progressDeadlineSeconds(60)
        .autoscalerRef(new AutoscalerRef("autoscaling/v2beta2", "HorizontalPodAutoscaler", "podinfo", null))
        .analysis(analysis().build()).build();
  }

  /** The seed's analysis, as a builder to vary. */
  public static AnalysisSpec.Builder analysis() {
    return AnalysisSpec.builder().interval("1m").threshold(5).maxWeight(50).stepWeight(10)
        .metrics(List.of(MetricSpec.of(MetricSpec.REQUEST_SUCCESS_RATE, ThresholdRange.atLeast(99), "1m"),
            MetricSpec.of(MetricSpec.REQUEST_DURATION, ThresholdRange.atMost(500), "30s")))
        .webhooks(List.of(
            WebhookSpec.builder("acceptance-test", "http://flagger-loadtester.test/").type(WebhookType.PRE_ROLLOUT)
                .timeout(Duration.ofSeconds(30))
                .metadata(Map.of("type", "bash", "cmd", "curl -sd 'test' http://podinfo-canary:9898/token | grep token"))
                .build(),
            WebhookSpec.builder("load-test", "http://flagger-loadtester.test/").timeout(Duration.ofSeconds(5))
                .metadata(Map.of("cmd", "hey -z 1m -q 10 -c 2 http://podinfo-canary.test:9898/")).build()));
  }
}
