package dev.canarykit.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seed Canary's routing objects equal the YAML kept in src/test/resources/seed. */
@EnableKubernetesMockClient(crud = true)
class SeedRoutingTest {
  private static final OwnerReference OWNER = new OwnerReferenceBuilder().withApiVersion("flagger.app/v1beta1")
      .withKind("Canary").withName("podinfo").withUid("3f1c2a8e-0000-4000-8000-000000000001").withController(true)
      .withBlockOwnerDeletion(true).build();

  KubernetesClient client;
  private Istio istio;
  private IstioTrafficRouter router;

  @BeforeEach
  void setUp() {
    istio = new Istio(client);
    router = new IstioTrafficRouter(client, canary -> Optional.of(OWNER));
    assertThat(router.reconcile(Canaries.seed())).isEqualTo(Outcome.OK);
  }

  @Test
  void virtualServiceIsTheExpectedYaml() {
    assertThat(written(istio.vs("podinfo"))).isEqualTo(istio.resource("/seed/virtualservice.yaml"));
  }

  @Test
  void destinationRulesAreTheExpectedYaml() {
    assertThat(written(istio.dr("podinfo-primary"))).isEqualTo(istio.resource("/seed/destinationrule-primary.yaml"));
    assertThat(written(istio.dr("podinfo-canary"))).isEqualTo(istio.resource("/seed/destinationrule-canary.yaml"));
  }

  @Test
  void aStepOfTheReleaseChangesOnlyTheWeights() {
    router.setRoutes(Canaries.seed(), Canaries.routes(70, 30, false));
    assertThat(istio.spec()).isEqualTo(istio.resource("/seed/virtualservice-weighted.yaml"));
    assertThat(router.readRoutes(Canaries.seed())).isEqualTo(new Outcome.Routes(70, 30, false));
  }

  /** apiVersion, kind, spec and the metadata canarykit writes (not what the server adds). */
  private Map<String, Object> written(Object object) {
    Map<String, Object> tree = istio.tree(object);
    Map<String, Object> metadata = new LinkedHashMap<>(Trees.child(tree, "metadata"));
    metadata.keySet().retainAll(java.util.Set.of("name", "namespace", "labels", "annotations", "ownerReferences"));
    Map<String, Object> out = new LinkedHashMap<>(tree);
    out.keySet().retainAll(java.util.Set.of("apiVersion", "kind", "spec"));
    out.put("metadata", metadata);
    return out;
  }
}
