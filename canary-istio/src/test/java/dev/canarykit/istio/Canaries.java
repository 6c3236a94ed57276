package dev.canarykit.istio;

import dev.canarykit.core.analysis.Command;
import dev.canarykit.core.analysis.Command.SessionCookies;
import dev.canarykit.core.model.AnalysisSpec;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanarySpec;
import dev.canarykit.core.model.CanarySpec.TargetRef;
import dev.canarykit.core.model.ServiceSpec;
import dev.canarykit.core.port.ContractFixtures;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Canaries for the router tests: podinfo.test on port 9898, and the seed release's Canary. */
final class Canaries {
  private Canaries() {}

  /** podinfo.test with no Istio options (1m interval). */
  static Canary podinfo() {
    return ContractFixtures.canary();
  }

  /** podinfo.test with a changed service. */
  static Canary withService(UnaryOperator<ServiceSpec.Builder> change) {
    return withService(podinfo(), change);
  }

  /** {@code canary} with a changed service. */
  static Canary withService(Canary canary, UnaryOperator<ServiceSpec.Builder> change) {
    CanarySpec spec = canary.spec().toBuilder().service(change.apply(canary.spec().service().toBuilder()).build())
        .build();
    return new Canary(canary.name(), canary.namespace(), spec);
  }

  /** podinfo.test with a changed analysis. */
  static Canary withAnalysis(UnaryOperator<AnalysisSpec.Builder> change) {
    Canary canary = podinfo();
    return new Canary(canary.name(), canary.namespace(),
        canary.spec().withAnalysis(change.apply(canary.spec().analysis().toBuilder()).build()));
  }

  /** examples/src/main/resources/seed/podinfo-canary.yaml, routing part included (trafficPolicy, retries). */
  static Canary seed() {
    ServiceSpec service = ServiceSpec.builder(9898).targetPort("9898")
        .gateways(List.of("public-gateway.istio-system.svc.cluster.local")).hosts(List.of("*"))
        .trafficPolicy(Map.of("tls", Map.of("mode", "DISABLE")))
        .retries(Map.of("attempts", 3, "perTryTimeout", "1s", "retryOn", "gateway-error,connect-failure,refused-stream"))
        .build();
    AnalysisSpec analysis = AnalysisSpec.builder().interval("1m").threshold(5).maxWeight(50).stepWeight(10).build();
    return new Canary("podinfo", "test", CanarySpec.builder(TargetRef.deployment("podinfo"), service)
        .progressDeadlineSeconds(60).analysis(analysis).build());
  }

  /** A SetRoutes without cookies. */
  static Command.SetRoutes routes(int primary, int canary, boolean mirrored) {
    return new Command.SetRoutes(primary, canary, mirrored, null);
  }

  /** A SetRoutes with cookies. */
  static Command.SetRoutes routes(int primary, int canary, SessionCookies cookies) {
    return new Command.SetRoutes(primary, canary, false, cookies);
  }
}
