package dev.canarykit.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Owner references with one cluster and with a separate mesh control plane (Flagger's rule). */
@EnableKubernetesMockClient(crud = true)
class CanaryOwnersTest {
  KubernetesClient client;
  KubernetesMockServer server;

  private static final ResourceDefinitionContext CANARIES = new ResourceDefinitionContext.Builder()
      .withGroup("flagger.app").withVersion("v1beta1").withKind("Canary").withPlural("canaries")
      .withNamespaced(true).build();

  @Test
  void oneApiServerOwnsTheIstioObjectsByTheCanary() {
    String uid = createCanary();
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

  @Test
  void withoutACanaryResourceTheObjectsHaveNoOwner() {
    new IstioTrafficRouter(client).reconcile(Canaries.podinfo());
    assertThat(new Istio(client).vs("podinfo").getMetadata().getOwnerReferences()).isEmpty();
  }

  /**
   * A Canary that cannot be read (403, or an outage answered 500) fails the route write, naming the Canary and the
   * cause, and nothing is created without its owner; once it can be read, the next call creates everything owned.
   */
  @ParameterizedTest
  @ValueSource(ints = {403, 500})
  void anUnreadableCanaryFailsTheWriteAndLeavesNoOrphan(int code) {
    String uid = createCanary();
    server.expect().get().withPath("/apis/flagger.app/v1beta1/namespaces/test/canaries/podinfo")
        .andReturn(code, new StatusBuilder().withCode(code).withMessage("refused by the test").build()).once();
    try (KubernetesClient noRetries = new KubernetesClientBuilder()
        .withConfig(new ConfigBuilder(client.getConfiguration()).withRequestRetryBackoffLimit(0).build()).build()) {
      IstioTrafficRouter router = new IstioTrafficRouter(noRetries);

      Outcome.OkResult failed = router.reconcile(Canaries.podinfo());

      assertThat(failed).isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.message())
          .contains("DestinationRule podinfo-canary.test", "Canary test/podinfo", "refused by the test"));
      Istio istio = new Istio(client);
      assertThat(istio.dr("podinfo-canary")).isNull();
      assertThat(istio.dr("podinfo-primary")).isNull();
      assertThat(istio.vs("podinfo")).isNull();

      assertThat(router.reconcile(Canaries.podinfo())).isEqualTo(Outcome.OK);
      for (var meta : java.util.List.of(istio.dr("podinfo-canary").getMetadata(),
          istio.dr("podinfo-primary").getMetadata(), istio.vs("podinfo").getMetadata())) {
        assertThat(meta.getOwnerReferences()).singleElement()
            .satisfies(o -> assertThat(o.getUid()).isEqualTo(uid));
      }
    }
  }

  private String createCanary() {
    return client.genericKubernetesResources(CANARIES).inNamespace("test").resource(
        new GenericKubernetesResourceBuilder().withApiVersion("flagger.app/v1beta1").withKind("Canary")
            .withNewMetadata().withName("podinfo").withNamespace("test").endMetadata().build())
        .create().getMetadata().getUid();
  }
}
