package dev.canarykit.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.model.CanaryStatus;
import dev.canarykit.core.model.Phase;
import dev.canarykit.k8s.resource.CanaryResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class FlaggerCrdsTest {
  KubernetesClient client;

  @Test
  void theJarShipsTheThreeCrdsWithAStatusSubresource() {
    List<CustomResourceDefinition> crds = FlaggerCrds.load(client.getKubernetesSerialization());
    assertThat(crds).extracting(c -> c.getMetadata().getName())
        .containsExactly("canaries.flagger.app", "metrictemplates.flagger.app", "alertproviders.flagger.app");
    assertThat(crds).extracting(c -> c.getSpec().getNames().getKind())
        .containsExactly("Canary", "MetricTemplate", "AlertProvider");
    assertThat(crds).allSatisfy(c -> {
      assertThat(c.getSpec().getGroup()).isEqualTo("flagger.app");
      assertThat(c.getSpec().getScope()).isEqualTo("Namespaced");
      assertThat(c.getSpec().getVersions()).singleElement().satisfies(v -> {
        assertThat(v.getName()).isEqualTo("v1beta1");
        assertThat(v.getSubresources().getStatus()).isNotNull();
      });
    });
  }

  @Test
  void withTheCrdsInstalledStatusIsASubresource() {
    FlaggerCrds.load(client.getKubernetesSerialization())
        .forEach(crd -> client.apiextensions().v1().customResourceDefinitions().resource(crd).create());
    CanaryResource seed = client.resources(CanaryResource.class).load(new ByteArrayInputStream(
        SeedCanaryTest.SEED.getBytes(StandardCharsets.UTF_8))).item();
    client.resource(seed).create();
    var canaries = client.resources(CanaryResource.class).inNamespace("test").withName("podinfo");
    canaries.editStatus(c -> {
      c.setStatus(CanaryStatusMapping.toResource(CanaryStatus.initial().toBuilder().phase(Phase.INITIALIZED)
          .build()));
      return c;
    });
    CanaryResource read = canaries.get();
    read.setStatus(null);
    client.resource(read).update();
    assertThat(CanaryStatusMapping.toCore(canaries.get().getStatus()).phase()).isEqualTo(Phase.INITIALIZED);
    assertThat(CanaryMapping.toCore(canaries.get()).validate()).isEmpty();
  }
}
