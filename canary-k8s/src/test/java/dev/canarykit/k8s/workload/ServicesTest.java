package dev.canarykit.k8s.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The apex, primary and canary ClusterIP services (docs/flagger-compatibility.md §4.1). */
@EnableKubernetesMockClient(crud = true)
class ServicesTest {
  KubernetesClient client;

  private static ServicePort port(String name, int port, int target) {
    return new ServicePortBuilder().withName(name).withProtocol("TCP").withPort(port)
        .withTargetPort(new IntOrString(target)).build();
  }

  private Service service(String name) {
    return client.services().inNamespace("test").withName(name).get();
  }

  private void targetWithSidecar(StoreWorld w) {
    w.create(new DeploymentBuilder(Fixtures.podinfo("test")).editSpec().editTemplate().editSpec()
        .editFirstContainer().addNewPort().withName("grpc").withContainerPort(9999).endPort()
        .addNewPort().withContainerPort(8080).endPort().endContainer()
        .addNewContainer().withName("istio-proxy").withImage("proxy").addNewPort().withName("metrics")
        .withContainerPort(15090).endPort().endContainer()
        .addNewContainer().withName("envoy").withImage("envoy").addNewPort().withContainerPort(15000).endPort()
        .endContainer().endSpec().endTemplate().endSpec().build());
  }

  @Test
  void portDiscoveryAddsEveryContainerPortButTheMainOneAndTheSidecars() {
    StoreWorld w = new StoreWorld(client);
    Canary canary = w.canary(spec -> StoreWorld.service(spec).put("portDiscovery", true));
    targetWithSidecar(w);
    assertThat(w.store().reconcileServices(canary)).isEqualTo(Outcome.OK);
    assertThat(w.store().reconcileApexService(canary)).isEqualTo(Outcome.OK);
    Service c = service("podinfo-canary");
    assertThat(c.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(c.getSpec().getSelector()).isEqualTo(Map.of("app", "podinfo"));
    assertThat(c.getSpec().getPorts()).containsExactly(port("http", 9898, 9898), port("grpc", 9999, 9999),
        port("tcp-podinfod-2", 8080, 8080));
    assertThat(c.getMetadata().getLabels()).isEqualTo(Map.of("app", "podinfo-canary"));
    assertThat(service("podinfo-primary").getSpec().getSelector()).isEqualTo(Map.of("app", "podinfo-primary"));
    assertThat(service("podinfo").getSpec().getSelector()).isEqualTo(Map.of("app", "podinfo-primary"));
    assertThat(service("podinfo").getMetadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(o.getUid()).isEqualTo(w.uid()));
  }

  /**
   * Decision (docs/decisions.md, port discovery): with a named targetPort, Flagger drops only the container port
   * the name points at, so a container port numbered like service.port becomes a second Service port with the same
   * number, which the API server rejects (duplicate port). canarykit also drops that container port.
   */
  @Test
  void portDiscoveryWithANamedTargetPortNeverWritesTwoPortsWithTheSameNumber() {
    StoreWorld w = new StoreWorld(client);
    Canary canary = w.canary(spec -> StoreWorld.service(spec).putAll(Map.of("portDiscovery", true,
        "port", 8080, "targetPort", "http")));
    targetWithSidecar(w);
    assertThat(w.store().reconcileServices(canary)).isEqualTo(Outcome.OK);
    assertThat(service("podinfo-canary").getSpec().getPorts()).containsExactly(
        new ServicePortBuilder().withName("http").withProtocol("TCP").withPort(8080)
            .withTargetPort(new IntOrString("http")).build(),
        port("grpc", 9999, 9999));
  }

  @Test
  void anExistingForeignServiceKeepsItsNodePortsAndMetadata() {
    StoreWorld w = new StoreWorld(client);
    Canary canary = w.canaryWithoutAutoscaler();
    w.create(Fixtures.podinfo("test"));
    client.resource(new ServiceBuilder().withNewMetadata().withName("podinfo").withNamespace("test")
        .withLabels(Map.of("owner", "team")).withAnnotations(Map.of("kept", "yes")).endMetadata().withNewSpec()
        .withType("NodePort").withSelector(Map.of("app", "podinfo"))
        .withPorts(new ServicePortBuilder(port("http", 80, 9898)).withNodePort(30080).build()).endSpec().build())
        .create();
    assertThat(w.store().reconcileApexService(canary)).isEqualTo(Outcome.OK);
    Service apex = service("podinfo");
    assertThat(apex.getSpec().getPorts()).containsExactly(
        new ServicePortBuilder(port("http", 9898, 9898)).withNodePort(30080).build());
    assertThat(apex.getSpec().getSelector()).isEqualTo(Map.of("app", "podinfo-primary"));
    assertThat(apex.getSpec().getType()).isEqualTo("NodePort");
    assertThat(apex.getMetadata().getLabels()).isEqualTo(Map.of("owner", "team"));
    assertThat(apex.getMetadata().getAnnotations()).isEqualTo(Map.of("kept", "yes"));
  }

  @Test
  void anOwnedServiceGetsItsLabelsAndAnnotationsManagedAndUnchangedServicesAreNotWritten() {
    StoreWorld w = new StoreWorld(client);
    Canary canary = w.canary(spec -> StoreWorld.service(spec).put("canary",
        Map.of("labels", Map.of("tier", "canary"), "annotations", Map.of("a", "1"))));
    w.create(Fixtures.podinfo("test"));
    client.resource(new ServiceBuilder().withNewMetadata().withName("podinfo-canary").withNamespace("test")
        .withLabels(Map.of("extra", "kept")).withOwnerReferences(new OwnerReferenceBuilder()
            .withApiVersion("flagger.app/v1beta1").withKind("Canary").withName("podinfo").withUid(w.uid())
            .withController(true).build()).endMetadata().withNewSpec().withSelector(Map.of("app", "old"))
        .withPorts(port("http", 9898, 9898)).endSpec().build()).create();
    w.store().reconcileServices(canary);
    Service c = service("podinfo-canary");
    assertThat(c.getMetadata().getLabels()).isEqualTo(Map.of("extra", "kept", "app", "podinfo-canary",
        "tier", "canary"));
    assertThat(c.getMetadata().getAnnotations()).isEqualTo(Map.of("a", "1"));
    assertThat(c.getSpec().getSelector()).isEqualTo(Map.of("app", "podinfo"));
    String canaryVersion = c.getMetadata().getResourceVersion();
    String primaryVersion = service("podinfo-primary").getMetadata().getResourceVersion();
    w.store().reconcileServices(canary);
    assertThat(service("podinfo-canary").getMetadata().getResourceVersion()).isEqualTo(canaryVersion);
    assertThat(service("podinfo-primary").getMetadata().getResourceVersion()).isEqualTo(primaryVersion);
  }
}
