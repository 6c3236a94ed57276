package dev.canarykit.istio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome;
import io.fabric8.istio.api.networking.v1.VirtualServiceBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Revert on deletion (§3.7): the VirtualService returns to its spec from before canarykit. */
class RevertTest extends RouterFixture {
  private static final String USER_SPEC = """
      {"hosts":["podinfo","podinfo.example.com"],"gateways":["public"],
       "http":[{"timeout":"3s","route":[{"destination":{"host":"podinfo"}}]}]}""";

  @Test
  void restoresTheSpecStoredBeforeTheFirstChange() {
    userVirtualService(Map.of());
    router.reconcile(Canaries.podinfo());
    router.setRoutes(Canaries.podinfo(), Canaries.routes(50, 50, false));
    assertThat(router.revert(Canaries.podinfo())).isEqualTo(Outcome.OK);
    assertThat(istio.spec()).isEqualTo(istio.parse(USER_SPEC));
  }

  @Test
  void restoresTheKubectlLastAppliedSpec() {
    userVirtualService(Map.of(VirtualServiceMetadata.KUBECTL, "{\"kind\":\"VirtualService\",\"spec\":" + USER_SPEC
        + "}"));
    router.reconcile(Canaries.podinfo());
    router.setRoutes(Canaries.podinfo(), Canaries.routes(50, 50, false));
    assertThat(router.revert(Canaries.podinfo())).isEqualTo(Outcome.OK);
    assertThat(istio.spec()).isEqualTo(istio.parse(USER_SPEC));
  }

  @Test
  void leavesAVirtualServiceWithoutRecordAlone() {
    router.reconcile(Canaries.podinfo());
    router.setRoutes(Canaries.podinfo(), Canaries.routes(50, 50, false));
    Map<String, Object> before = istio.spec();
    assertThat(router.revert(Canaries.podinfo())).isEqualTo(Outcome.OK);
    assertThat(istio.spec()).isEqualTo(before);
  }

  @Test
  void nothingToRevertWithoutVirtualService() {
    assertThat(router.revert(Canaries.podinfo())).isEqualTo(Outcome.OK);
  }

  @Test
  void unreadableRecordIsAFailure() {
    userVirtualService(Map.of(VirtualServiceMetadata.ORIGINAL, "{not json"));
    assertThat(router.revert(Canaries.podinfo())).isEqualTo(new Outcome.Failed("VirtualService podinfo.test cannot"
        + " be reverted: annotation flagger.kubernetes.io/original-configuration is not valid JSON"));
  }

  private void userVirtualService(Map<String, String> annotations) {
    istio.create(new VirtualServiceBuilder().withNewMetadata().withName("podinfo").withNamespace("test")
        .withAnnotations(annotations).endMetadata()
        .withSpec(client.getKubernetesSerialization().convertValue(istio.parse(USER_SPEC),
            io.fabric8.istio.api.api.networking.v1alpha3.VirtualService.class)).build());
  }
}
