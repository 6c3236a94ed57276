package dev.canarykit.examples.embed;

import dev.canarykit.core.model.Phase;
import dev.canarykit.k8s.CanaryStatusMapping;
import dev.canarykit.k8s.FlaggerCrds;
import dev.canarykit.k8s.resource.CanaryResource;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The seed release's workload cluster on the fabric8 mock server: Flagger's CRDs, podinfo 3.1.0 with its HPA and
 * the seed Canary, and what the cluster's Deployment controller would do (roll-outs become ready).
 */
public final class SeedCluster {
  public static final String NS = "test";
  private final KubernetesClient client;

  public SeedCluster(KubernetesClient client) {
    this.client = client;
  }

  /** Installs the CRDs, the workloads and the seed Canary, whose YAML text {@code canary} may rewrite first. */
  public SeedCluster install(UnaryOperator<String> canary) {
    FlaggerCrds.load(client.getKubernetesSerialization())
        .forEach(crd -> client.apiextensions().v1().customResourceDefinitions().resource(crd)
            .createOr(NonDeletingOperation::update));   // see put
    workloads();
    put(client.getKubernetesSerialization().unmarshal(canary.apply(seedCanaryYaml()), CanaryResource.class));
    return this;
  }

  /** The seed Canary's YAML with its metrics and webhooks replaced by {@code analysisTail} (indented 4). */
  public static String withMetrics(String yaml, String analysisTail) {
    return yaml.substring(0, yaml.indexOf("    metrics:")) + analysisTail;
  }

  /** The Deployment and HPA of the seed (podinfo 3.1.0, 2 to 4 replicas). */
  public SeedCluster workloads() {
    put(new DeploymentBuilder().withNewMetadata().withName("podinfo").withNamespace(NS).endMetadata()
        .withNewSpec().withReplicas(2).withNewSelector().withMatchLabels(Map.of("app", "podinfo")).endSelector()
        .withNewTemplate().withNewMetadata().withLabels(Map.of("app", "podinfo")).endMetadata().withNewSpec()
        .addNewContainer().withName("podinfod").withImage("stefanprodan/podinfo:3.1.0").addNewPort()
        .withName("http").withContainerPort(9898).endPort().endContainer().endSpec().endTemplate().endSpec()
        .build());
    put(new HorizontalPodAutoscalerBuilder().withNewMetadata().withName("podinfo").withNamespace(NS)
        .endMetadata().withNewSpec().withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment")
        .withName("podinfo").endScaleTargetRef().withMinReplicas(2).withMaxReplicas(4).endSpec().build());
    return this;
  }

  /**
   * Creates {@code resource}, or updates it when it exists: on a loaded machine the client can time out on a create
   * the mock server did carry out and send it again, which then answers 409 (seen with a CRD).
   */
  public void put(HasMetadata resource) {
    client.resource(resource).createOr(NonDeletingOperation::update);
  }

  /** The seed Canary (podinfo, namespace test) as YAML. */
  public static String seedCanaryYaml() {
    try (InputStream in = SeedCluster.class.getResourceAsStream("/corpus/valid/podinfo-canary.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a cluster's Deployment controller would do: both workloads become ready. */
  public void rollOut() {
    for (String name : List.of("podinfo-primary", "podinfo")) {
      Deployment d = client.apps().deployments().inNamespace(NS).withName(name).get();
      if (d != null) {
        int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
            .withReplicas(replicas).withUpdatedReplicas(replicas).withAvailableReplicas(replicas)
            .withReadyReplicas(replicas).build());
        client.apps().deployments().inNamespace(NS).resource(d).updateStatus();
      }
    }
  }

  /** The seed's step 7: the image of podinfo becomes 3.1.1 (a patch of that one field, as kubectl does). */
  public void release() {
    client.apps().deployments().inNamespace(NS).withName("podinfo").patch(PatchContext.of(PatchType.JSON),
        "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\","
            + "\"value\":\"stefanprodan/podinfo:3.1.1\"}]");
  }

  public CanaryResource canary() {
    return client.resources(CanaryResource.class).inNamespace(NS).withName("podinfo").get();
  }

  public Phase phase() {
    CanaryResource r = canary();
    return r == null ? null : CanaryStatusMapping.toCore(r.getStatus()).phase();
  }

  public String primaryImage() {
    return client.apps().deployments().inNamespace(NS).withName("podinfo-primary").get().getSpec().getTemplate()
        .getSpec().getContainers().get(0).getImage();
  }

  /** The messages of the Canary's Events, in creation order. */
  public List<String> messages() {
    return client.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> e.getInvolvedObject() != null && "Canary".equals(e.getInvolvedObject().getKind()))
        .sorted(Comparator.comparing(e -> e.getMetadata().getName())).map(Event::getMessage).toList();
  }
}
