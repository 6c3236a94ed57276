package dev.canarykit.istio;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

/** Owner references with one cluster and with a separate mesh control plane (Flagger's rule). */
@EnableKubernetesMockClient(crud = true)
class CanaryOwnersTest {
  KubernetesClient client;
  KubernetesMockServer server;

  @Test
  void oneApiServerOwnsTheIstioObjectsByTheCanary() {
    var canaries = new io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext.Builder()
        .withGroup("flagger.app").withVersion("v1beta1").withKind("Canary").withPlural("canaries")
        .withNamespaced(true).build();
    String uid = client.genericKubernetesResources(canaries).inNamespace("test").resource(
        new GenericKubernetesResourceBuilder().withApiVersion("flagger.app/v1beta1").withKind("Canary")
            .withNewMetadata().withName("podinfo").withNamespace("test").endMetadata().build())
        .create().getMetadata().getUid();
    KubernetesClient second = server.createClient();
    try {
      var owner = CanaryOwners.forClusters(client, second).ownerOf(Canaries.podinfo());
      assertThat(owner).hasValueSatisfying(o -> {
        assertThat(o.getKind()).isEqualTo("Canary");
        assertThat(o.getUid()).isEqualTo(uid).isNotBlank();
      });
    } finally {
      second.close();
    }
  }

  @Test
  void aMeshBehindAnotherApiServerGetsNoOwner() {
    KubernetesMockServer meshServer = new KubernetesMockServer(true);
    meshServer.init();
    try (KubernetesClient mesh = meshServer.createClient()) {
      assertThat(mesh.getMasterUrl()).isNotEqualTo(client.getMasterUrl());
      int before = server.getRequestCount();
      assertThat(CanaryOwners.forClusters(client, mesh).ownerOf(Canaries.podinfo())).isEmpty();
      assertThat(server.getRequestCount()).as("the Canary is not even read").isEqualTo(before);
    } finally {
      meshServer.destroy();
    }
  }
}
