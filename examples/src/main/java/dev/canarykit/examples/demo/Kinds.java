package dev.canarykit.examples.demo;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import java.util.List;

/**
 * The namespaced kinds the demo's objects can have, with their plurals, so that generic access needs no API
 * discovery. Events and Leases are left out on purpose.
 */
final class Kinds {
  static final ResourceDefinitionContext CANARY = kind("flagger.app", "v1beta1", "Canary", "canaries");
  static final ResourceDefinitionContext VIRTUAL_SERVICE =
      kind("networking.istio.io", "v1", "VirtualService", "virtualservices");

  /** Every kind {@code --dump} lists. */
  static final List<ResourceDefinitionContext> DUMPED = List.of(
      kind("apps", "v1", "Deployment", "deployments"),
      kind("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers"),
      kind("", "v1", "Service", "services"),
      kind("", "v1", "ConfigMap", "configmaps"),
      kind("", "v1", "Secret", "secrets"),
      CANARY,
      kind("flagger.app", "v1beta1", "MetricTemplate", "metrictemplates"),
      kind("flagger.app", "v1beta1", "AlertProvider", "alertproviders"),
      VIRTUAL_SERVICE,
      kind("networking.istio.io", "v1", "DestinationRule", "destinationrules"),
      kind("networking.istio.io", "v1beta1", "Gateway", "gateways"));

  private Kinds() {}

  static MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList,
      Resource<GenericKubernetesResource>> of(KubernetesClient client, ResourceDefinitionContext kind) {
    return client.genericKubernetesResources(kind);
  }

  private static ResourceDefinitionContext kind(String group, String version, String kind, String plural) {
    return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
        .withPlural(plural).withNamespaced(true).build();
  }
}
