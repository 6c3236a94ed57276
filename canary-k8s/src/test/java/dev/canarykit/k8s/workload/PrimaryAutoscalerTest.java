package dev.canarykit.k8s.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The primary HPA (docs/flagger-compatibility.md §3.6): created when missing, updated only when allowed and
 * different.
 */
@EnableKubernetesMockClient(crud = true)
class PrimaryAutoscalerTest {
  KubernetesClient client;

  private static MetricSpec cpu(int percent) {
    return new MetricSpecBuilder().withType("Resource").withNewResource().withName("cpu").withNewTarget()
        .withType("Utilization").withAverageUtilization(percent).endTarget().endResource().build();
  }

  private void source() {
    client.resource(new HorizontalPodAutoscalerBuilder().withNewMetadata().withName("podinfo").withNamespace("test")
        .withLabels(Map.of("app", "podinfo", "kustomize.toolkit.fluxcd.io/name", "x"))
        .withAnnotations(Map.of("note", "hpa")).endMetadata().withNewSpec().withNewScaleTargetRef()
        .withApiVersion("apps/v1").withKind("Deployment").withName("podinfo").endScaleTargetRef()
        .withMinReplicas(2).withMaxReplicas(4).withMetrics(cpu(80)).endSpec().build()).create();
  }

  private HorizontalPodAutoscaler primary() {
    return client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("test").withName("podinfo-primary")
        .get();
  }

  private void editSource(int max, int cpu) {
    client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("test").withName("podinfo").edit(h -> {
      h.getSpec().setMaxReplicas(max);
      h.getSpec().setMetrics(List.of(cpu(cpu)));
      return h;
    });
  }

  @Test
  void aV2beta2ReferenceCreatesTheV2PrimaryCopy() {
    StoreWorld w = new StoreWorld(client);
    Canary canary = w.canary(spec -> {});
    assertThat(canary.spec().autoscalerRef().apiVersion()).isEqualTo("autoscaling/v2beta2");
    source();
    assertThat(w.store().reconcileAutoscaler(canary, false)).isEqualTo(Outcome.OK);
    HorizontalPodAutoscaler p = primary();
    assertThat(p.getApiVersion()).isEqualTo("autoscaling/v2");
    assertThat(p.getSpec().getScaleTargetRef().getName()).isEqualTo("podinfo-primary");
    assertThat(p.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
    assertThat(p.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
    assertThat(p.getSpec().getMinReplicas()).isEqualTo(2);
    assertThat(p.getSpec().getMaxReplicas()).isEqualTo(4);
    assertThat(p.getSpec().getMetrics()).containsExactly(cpu(80));
    assertThat(p.getMetadata().getLabels()).isEqualTo(Map.of("app", "podinfo"));
    assertThat(p.getMetadata().getAnnotations()).isEqualTo(Map.of("note", "hpa"));
    assertThat(p.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(o.getUid()).isEqualTo(w.uid()));
  }

  @Test
  void changesReachThePrimaryOnlyWhenUpdatesAreAllowed() {
    StoreWorld w = new StoreWorld(client);
    Canary canary = w.canary(spec -> {});
    source();
    w.store().reconcileAutoscaler(canary, false);
    editSource(6, 70);
    String created = primary().getMetadata().getResourceVersion();
    assertThat(w.store().reconcileAutoscaler(canary, false)).isEqualTo(Outcome.OK);
    assertThat(primary().getMetadata().getResourceVersion()).isEqualTo(created);
    assertThat(primary().getSpec().getMaxReplicas()).isEqualTo(4);
    assertThat(w.store().reconcileAutoscaler(canary, true)).isEqualTo(Outcome.OK);
    HorizontalPodAutoscaler updated = primary();
    assertThat(updated.getSpec().getMaxReplicas()).isEqualTo(6);
    assertThat(updated.getSpec().getMetrics()).containsExactly(cpu(70));
    assertThat(w.store().reconcileAutoscaler(canary, true)).isEqualTo(Outcome.OK);
    assertThat(primary().getMetadata().getResourceVersion()).isEqualTo(updated.getMetadata().getResourceVersion());
  }

  @Test
  void primaryScalerReplicasOverrideMinAndMax() {
    StoreWorld w = new StoreWorld(client);
    Canary canary = w.canary(spec -> autoscalerRef(spec)
        .put("primaryScalerReplicas", Map.of("minReplicas", 3, "maxReplicas", 9)));
    source();
    w.store().reconcileAutoscaler(canary, false);
    assertThat(primary().getSpec().getMinReplicas()).isEqualTo(3);
    assertThat(primary().getSpec().getMaxReplicas()).isEqualTo(9);
  }

  @Test
  void aMissingSourceIsAFailure() {
    StoreWorld w = new StoreWorld(client);
    Canary canary = w.canary(spec -> {});
    assertThat(w.store().reconcileAutoscaler(canary, false))
        .isEqualTo(new Outcome.Failed("HorizontalPodAutoscaler podinfo.test not found"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> autoscalerRef(Map<String, Object> spec) {
    return (Map<String, Object>) spec.get("autoscalerRef");
  }
}
