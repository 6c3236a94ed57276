package dev.canarykit.istio;

import dev.canarykit.core.model.Canary;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Optional;

/**
 * The owner reference put on the VirtualService and DestinationRules when canarykit creates them, so that
 * deleting the Canary deletes them too.
 *
 * <pre>{@code
 * new IstioTrafficRouter(client);                          // looks up the flagger.app/v1beta1 Canary
 * new IstioTrafficRouter(client, CanaryOwners.none());     // routing in another cluster: no owner
 * }</pre>
 */
@FunctionalInterface
public interface CanaryOwners {

  /** The owner of objects created for {@code canary}, or empty for none. Must not throw. */
  Optional<OwnerReference> ownerOf(Canary canary);

  /** No owner references, as Flagger with {@code -kubeconfig-service-mesh}. */
  static CanaryOwners none() {
    return canary -> Optional.empty();
  }

  /**
   * The {@code flagger.app/v1beta1} Canary of the same name and namespace, read through {@code client}, as a
   * controlling owner; empty when there is no such resource or it cannot be read.
   */
  static CanaryOwners lookup(KubernetesClient client) {
    ResourceDefinitionContext canaries = new ResourceDefinitionContext.Builder().withGroup("flagger.app")
        .withVersion("v1beta1").withKind("Canary").withPlural("canaries").withNamespaced(true).build();
    return canary -> {
      try {
        GenericKubernetesResource r = client.genericKubernetesResources(canaries).inNamespace(canary.namespace())
            .withName(canary.name()).get();
        return Optional.ofNullable(r).map(CanaryOwners::controllerOf);
      } catch (KubernetesClientException e) {
        return Optional.empty();
      }
    };
  }

  private static OwnerReference controllerOf(GenericKubernetesResource canary) {
    return new OwnerReferenceBuilder().withApiVersion("flagger.app/v1beta1").withKind("Canary")
        .withName(canary.getMetadata().getName()).withUid(canary.getMetadata().getUid()).withController(true)
        .withBlockOwnerDeletion(true).build();
  }
}
