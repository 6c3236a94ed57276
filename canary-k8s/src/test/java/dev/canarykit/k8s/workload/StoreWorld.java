package dev.canarykit.k8s.workload;

import dev.canarykit.core.model.Canary;
import dev.canarykit.k8s.CanaryMapping;
import dev.canarykit.k8s.resource.CanaryResource;
import dev.canarykit.k8s.status.Canaries;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.function.Consumer;

/** The store tests' cluster: the Flagger CRDs, a Canary built from the seed with edits, and reads. */
final class StoreWorld {
  static final String NS = "test";
  final KubernetesClient client;
  CanaryResource resource;

  StoreWorld(KubernetesClient client) {
    this.client = client;
    Canaries.installCrds(client);
  }

  /** Creates the seed Canary after {@code edit} changed its spec tree; returns the core canary. */
  @SuppressWarnings("unchecked")
  Canary canary(Consumer<Map<String, Object>> edit) {
    var json = client.getKubernetesSerialization();
    Map<String, Object> tree = json.convertValue(Canaries.seed(client), Map.class);
    edit.accept((Map<String, Object>) tree.get("spec"));
    resource = client.resource(json.convertValue(tree, CanaryResource.class)).create();
    return CanaryMapping.toCore(resource);
  }

  /** The seed Canary without its autoscaler reference. */
  Canary canaryWithoutAutoscaler() {
    return canary(spec -> spec.remove("autoscalerRef"));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> service(Map<String, Object> spec) {
    return (Map<String, Object>) spec.get("service");
  }

  KubernetesWorkloadStore store() {
    return KubernetesWorkloadStore.builder(client).build();
  }

  Deployment create(Deployment d) {
    return client.resource(d).create();
  }

  Deployment deployment(String name) {
    return client.apps().deployments().inNamespace(NS).withName(name).get();
  }

  String uid() {
    return resource.getMetadata().getUid();
  }
}
