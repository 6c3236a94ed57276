package dev.canarykit.k8s.workload;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/** Deployments for the store tests, and Flagger-style readiness written by hand (the mock runs no controllers). */
public final class Fixtures {
  private Fixtures() {}

  /** podinfo in {@code ns}: selector app=podinfo, 2 replicas, port 9898, image 3.1.0. */
  public static Deployment podinfo(String ns) {
    return new DeploymentBuilder().withNewMetadata().withName("podinfo").withNamespace(ns)
        .withLabels(Map.of("app", "podinfo")).endMetadata()
        .withNewSpec().withReplicas(2).withNewSelector().withMatchLabels(Map.of("app", "podinfo")).endSelector()
        .withNewTemplate().withNewMetadata().withLabels(Map.of("app", "podinfo")).endMetadata()
        .withNewSpec().addNewContainer().withName("podinfod").withImage("stefanprodan/podinfo:3.1.0")
        .addNewPort().withName("http").withContainerPort(9898).endPort().endContainer().endSpec()
        .endTemplate().endSpec().build();
  }

  /** Sets the image of the target's first container, as {@code kubectl set image} does. */
  public static void setImage(KubernetesClient client, String ns, String name, String image) {
    client.apps().deployments().inNamespace(ns).withName(name).edit(d -> {
      d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image);
      return d;
    });
  }

  /** Writes a ready status (observedGeneration, replicas, updated, available) on a Deployment if it exists. */
  public static void makeReady(KubernetesClient client, String ns, String name) {
    Deployment d = client.apps().deployments().inNamespace(ns).withName(name).get();
    if (d == null) {
      return;
    }
    int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    d.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder()
        .withObservedGeneration(d.getMetadata().getGeneration()).withReplicas(replicas)
        .withUpdatedReplicas(replicas).withAvailableReplicas(replicas).withReadyReplicas(replicas).build());
    client.apps().deployments().inNamespace(ns).resource(d).updateStatus();
  }
}
