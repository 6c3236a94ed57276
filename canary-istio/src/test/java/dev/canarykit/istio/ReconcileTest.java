package dev.canarykit.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.networking.v1.VirtualServiceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reconcile: keeps weights and mirror, records the original spec, sets owners, writes only when needed (§4.2). */
@EnableKubernetesMockClient(crud = true)
class ReconcileTest {
  private static final String USER_SPEC = """
      {"hosts":["podinfo"],"http":[{"route":[{"destination":{"host":"podinfo"}}]}]}""";

  KubernetesMockServer server;
  private final WriteCounter counter = new WriteCounter();
  private KubernetesClient client;
  private Istio istio;
  private IstioTrafficRouter router;

  @BeforeEach
  void setUp() {
    client = counter.client(server);
    istio = new Istio(client);
    router = new IstioTrafficRouter(client);
  }

  @Test
  void sendsNoWriteWhenNothingChanged() {
    router.reconcile(Canaries.podinfo());
    assertThat(counter.writes()).hasSize(3);
    counter.clear();
    assertThat(router.reconcile(Canaries.podinfo())).isEqualTo(Outcome.OK);
    router.setRoutes(Canaries.podinfo(), Canaries.routes(80, 20, false));
    counter.clear();
    assertThat(router.reconcile(Canaries.podinfo())).isEqualTo(Outcome.OK);
    assertThat(router.setRoutes(Canaries.podinfo(), Canaries.routes(80, 20, false))).isEqualTo(Outcome.OK);
    assertThat(counter.writes()).isEmpty();
  }

  @Test
  void keepsWeightsAndMirrorWhenTheServiceChanges() {
    Canary canary = Canaries.withAnalysis(a -> a.iterations(3).mirror(true).mirrorWeight(25));
    router.reconcile(canary);
    router.setRoutes(canary, Canaries.routes(100, 0, true));
    router.reconcile(Canaries.withService(canary, s -> s.timeout("7s")));
    assertThat(istio.http().get(0)).containsEntry("timeout", "7s").containsEntry("mirror", Map.of("host",
        "podinfo-canary"));
    assertThat(router.readRoutes(canary)).isEqualTo(new Outcome.Routes(100, 0, true));
    router.setRoutes(canary, Canaries.routes(60, 40, false));
    router.reconcile(Canaries.withService(canary, s -> s.timeout("8s")));
    assertThat(router.readRoutes(canary)).isEqualTo(new Outcome.Routes(60, 40, false));
  }

  @Test
  void repairsARouteThatCanNoLongerBeRead() {
    router.reconcile(Canaries.podinfo());
    istio.replaceSpec(istio.parse(USER_SPEC));
    assertThat(router.reconcile(Canaries.podinfo())).isEqualTo(Outcome.OK);
    assertThat(router.readRoutes(Canaries.podinfo())).isEqualTo(new Outcome.Routes(100, 0, false));
  }

  @Test
  void storesThePreviousSpecBeforeTheFirstChangeOnly() {
    istio.create(userVirtualService(Map.of()));
    router.reconcile(Canaries.podinfo());
    String original = annotations().get(VirtualServiceMetadata.ORIGINAL);
    assertThat(istio.parse(original)).isEqualTo(istio.parse(USER_SPEC));
    router.reconcile(Canaries.withService(s -> s.timeout("9s")));
    assertThat(annotations()).containsEntry(VirtualServiceMetadata.ORIGINAL, original);
  }

  @Test
  void keepsTheKubectlAnnotationAndAddsNoOriginal() {
    String applied = "{\"apiVersion\":\"networking.istio.io/v1\",\"kind\":\"VirtualService\",\"spec\":" + USER_SPEC
        + "}";
    istio.create(userVirtualService(Map.of(VirtualServiceMetadata.KUBECTL, applied)));
    router.reconcile(Canaries.podinfo());
    assertThat(annotations()).containsEntry(VirtualServiceMetadata.KUBECTL, applied)
        .doesNotContainKey(VirtualServiceMetadata.ORIGINAL);
    assertThat(router.readRoutes(Canaries.podinfo())).isEqualTo(new Outcome.Routes(100, 0, false));
  }

  @Test
  void setsTheCanaryAsOwnerOnCreate() {
    GenericKubernetesResource canary = client.genericKubernetesResources(canaries()).inNamespace("test")
        .resource(new GenericKubernetesResourceBuilder().withApiVersion("flagger.app/v1beta1").withKind("Canary")
            .withNewMetadata().withName("podinfo").withNamespace("test").withUid("c0ffee-uid").endMetadata().build())
        .create();
    router.reconcile(Canaries.podinfo());
    OwnerReference owner = istio.vs("podinfo").getMetadata().getOwnerReferences().get(0);
    assertThat(owner.getUid()).isEqualTo(canary.getMetadata().getUid()).isNotEmpty();
    assertThat(owner.getKind()).isEqualTo("Canary");
    assertThat(owner.getController()).isTrue();
    assertThat(istio.dr("podinfo-primary").getMetadata().getOwnerReferences()).containsExactly(owner);
    assertThat(istio.dr("podinfo-canary").getMetadata().getOwnerReferences()).containsExactly(owner);
  }

  @Test
  void withoutACanaryResourceThereIsNoOwner() {
    router.reconcile(Canaries.podinfo());
    assertThat(istio.vs("podinfo").getMetadata().getOwnerReferences()).isEmpty();
  }

  private Map<String, String> annotations() {
    return istio.vs("podinfo").getMetadata().getAnnotations();
  }

  private VirtualService userVirtualService(Map<String, String> annotations) {
    return new VirtualServiceBuilder().withNewMetadata().withName("podinfo").withNamespace("test")
        .withAnnotations(annotations).endMetadata()
        .withSpec(client.getKubernetesSerialization().convertValue(istio.parse(USER_SPEC),
            io.fabric8.istio.api.api.networking.v1alpha3.VirtualService.class)).build();
  }

  private static ResourceDefinitionContext canaries() {
    return new ResourceDefinitionContext.Builder().withGroup("flagger.app").withVersion("v1beta1").withKind("Canary")
        .withPlural("canaries").withNamespaced(true).build();
  }

}
