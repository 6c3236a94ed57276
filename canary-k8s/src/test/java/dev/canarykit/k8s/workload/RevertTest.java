package dev.canarykit.k8s.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two steps of a revert on deletion (docs/flagger-compatibility.md §3.7). */
@EnableKubernetesMockClient(crud = true)
class RevertTest {
  KubernetesClient client;

  private Map<String, String> apexSelector() {
    return client.services().inNamespace("test").withName("podinfo").get().getSpec().getSelector();
  }

  @Test
  void theTargetGetsThePrimaryReplicasOrScalesFromZeroWhenThePrimaryIsGone() {
    StoreWorld w = new StoreWorld(client);
    Canary canary = w.canaryWithoutAutoscaler();
    w.create(Fixtures.podinfo("test"));
    var store = w.store();
    store.ensurePrimary(canary);
    client.apps().deployments().inNamespace("test").withName("podinfo-primary").scale(4);
    store.scaleToZero(canary);
    assertThat(store.revertTarget(canary)).isEqualTo(Outcome.OK);
    assertThat(w.deployment("podinfo").getSpec().getReplicas()).isEqualTo(4);
    client.apps().deployments().inNamespace("test").withName("podinfo-primary").delete();
    store.scaleToZero(canary);
    assertThat(store.revertTarget(canary)).isEqualTo(Outcome.OK);
    assertThat(w.deployment("podinfo").getSpec().getReplicas()).isEqualTo(1);
  }

  @Test
  void aForeignApexWithoutLastAppliedSelectsTheTargetPodsAndAnOwnedOneIsLeftAlone() {
    StoreWorld w = new StoreWorld(client);
    Canary canary = w.canaryWithoutAutoscaler();
    w.create(Fixtures.podinfo("test"));
    client.resource(new ServiceBuilder().withNewMetadata().withName("podinfo").withNamespace("test").endMetadata()
        .withNewSpec().withSelector(Map.of("app", "podinfo")).addNewPort().withName("http").withPort(9898).endPort()
        .endSpec().build()).create();
    var store = w.store();
    store.reconcileApexService(canary);
    assertThat(apexSelector()).isEqualTo(Map.of("app", "podinfo-primary"));
    assertThat(store.revertApexService(canary)).isEqualTo(Outcome.OK);
    assertThat(apexSelector()).isEqualTo(Map.of("app", "podinfo"));
    client.services().inNamespace("test").withName("podinfo").delete();
    store.reconcileApexService(canary);
    assertThat(store.revert(canary)).isEqualTo(Outcome.OK);
    assertThat(apexSelector()).isEqualTo(Map.of("app", "podinfo-primary"));
  }
}
