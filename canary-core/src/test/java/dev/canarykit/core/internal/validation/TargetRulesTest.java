package dev.canarykit.core.internal.validation;

import static dev.canarykit.core.internal.validation.Seed.assertSingle;
import static dev.canarykit.core.internal.validation.Seed.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.model.CanarySpec.AutoscalerRef;
import dev.canarykit.core.model.CanarySpec.AutoscalerRef.PrimaryScalerReplicas;
import dev.canarykit.core.model.CanarySpec.LocalRef;
import dev.canarykit.core.model.CanarySpec.TargetRef;
import dev.canarykit.core.validation.Violation;
import org.junit.jupiter.api.Test;

class TargetRulesTest {

  @Test
  void targetRefIsRequired() {
    assertSingle(Seed.withSpec(s -> s.targetRef(null)), "spec.targetRef", null);
  }

  @Test
  void targetRefNameAndKindAreRequired() {
    assertSingle(Seed.withSpec(s -> s.targetRef(new TargetRef("apps/v1", "Deployment", null))),
        "spec.targetRef.name", null);
    assertSingle(Seed.withSpec(s -> s.targetRef(new TargetRef("apps/v1", "", "podinfo"))),
        "spec.targetRef.kind", "");
  }

  @Test
  void targetRefNameMustBeKubernetesName() {
    assertSingle(Seed.withSpec(s -> s.targetRef(TargetRef.deployment("PodInfo"))), "spec.targetRef.name",
        "PodInfo");
  }

  @Test
  void targetNameBecomesServiceNameWhenServiceNameUnset() {
    String longName = "p".repeat(56);
    Violation v = assertSingle(Seed.withSpec(s -> s.targetRef(TargetRef.deployment(longName))),
        "spec.targetRef.name", longName);
    assertThat(v.message()).contains("spec.service.name");
    assertSingle(Seed.withSpec(s -> s.targetRef(TargetRef.deployment("podinfo.v2"))), "spec.targetRef.name",
        "podinfo.v2");
    assertSingle(Seed.withSpec(s -> s.targetRef(TargetRef.deployment("2podinfo"))), "spec.targetRef.name",
        "2podinfo");
  }

  @Test
  void targetNameMayBeLongWhenServiceNameIsSet() {
    String longName = "p".repeat(56);
    assertValid(Seed.withSpec(s -> s.targetRef(TargetRef.deployment(longName))
        .service(Seed.service().toBuilder().name("podinfo").build())));
    assertValid(Seed.withSpec(s -> s.targetRef(TargetRef.deployment("podinfo.v2"))
        .service(Seed.service().toBuilder().name("podinfo").build())));
  }

  @Test
  void autoscalerRefNeedsNameAndKnownKind() {
    assertSingle(Seed.withSpec(s -> s.autoscalerRef(new AutoscalerRef("autoscaling/v2", "HorizontalPodAutoscaler",
        null, null))), "spec.autoscalerRef.name", null);
    assertSingle(Seed.withSpec(s -> s.autoscalerRef(new AutoscalerRef("autoscaling/v2", null, "podinfo", null))),
        "spec.autoscalerRef.kind", null);
    assertSingle(Seed.withSpec(s -> s.autoscalerRef(new AutoscalerRef("autoscaling/v2", "VerticalPodAutoscaler",
        "podinfo", null))), "spec.autoscalerRef.kind", "VerticalPodAutoscaler");
    assertValid(Seed.withSpec(s -> s.autoscalerRef(new AutoscalerRef("keda.sh/v1alpha1", "ScaledObject",
        "podinfo", null))));
  }

  @Test
  void primaryScalerReplicasMustBePositive() {
    assertSingle(withReplicas(0, 3), "spec.autoscalerRef.primaryScalerReplicas.minReplicas", 0);
    assertSingle(withReplicas(null, 0), "spec.autoscalerRef.primaryScalerReplicas.maxReplicas", 0);
    assertValid(withReplicas(2, 2));
  }

  @Test
  void primaryScalerReplicasMinAboveMaxIsReportedAtParent() {
    assertSingle(withReplicas(5, 3), "spec.autoscalerRef.primaryScalerReplicas",
        new PrimaryScalerReplicas(5, 3));
  }

  @Test
  void ingressAndRouteRefsNeedAName() {
    assertSingle(Seed.withSpec(s -> s.ingressRef(new LocalRef("networking.k8s.io/v1", "Ingress", null))),
        "spec.ingressRef.name", null);
    assertSingle(Seed.withSpec(s -> s.routeRef(new LocalRef("gateway.networking.k8s.io/v1", "HTTPRoute", "R"))),
        "spec.routeRef.name", "R");
  }

  private static dev.canarykit.core.model.Canary withReplicas(Integer min, Integer max) {
    return Seed.withSpec(s -> s.autoscalerRef(new AutoscalerRef("autoscaling/v2", "HorizontalPodAutoscaler",
        "podinfo", new PrimaryScalerReplicas(min, max))));
  }
}
