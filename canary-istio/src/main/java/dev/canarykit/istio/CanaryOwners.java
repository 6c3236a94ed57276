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
 * new IstioTrafficRouter(mesh, CanaryOwners.forClusters(workload, mesh));   // Flagger's rule for two clusters
 * }</pre>
 */
@FunctionalInterface
public interface CanaryOwners {

  /**
   * The owner of objects created for {@code canary}, or empty for none.
   *
   * @throws OwnerLookupException when the owner cannot be determined; the router then creates nothing and reports
   *     the write as failed. Other exceptions are not expected.
   */
  Optional<OwnerReference> ownerOf(Canary canary);

  /** No owner references, as Flagger with {@code -kubeconfig-service-mesh}. */
  static CanaryOwners none() {
    return canary -> Optional.empty();
  }

  /**
   * Flagger's rule with a separate service-mesh kubeconfig ({@code -kubeconfig-service-mesh}): when the Istio
   * objects live behind another API server than the Canary (the hosts of the two clients' master URLs differ),
   * they get no owner reference, since an owner in another cluster means nothing to its garbage collector (Flagger
   * compares the two configurations' hosts the same way); otherwise {@link #lookup} through {@code workload}.
   *
   * @param workload the client of the cluster holding the Canary
   * @param mesh the client the router writes Istio objects through
   */
  static CanaryOwners forClusters(KubernetesClient workload, KubernetesClient mesh) {
    boolean same = hostPort(workload).equals(hostPort(mesh));
    return same ? lookup(workload) : none();
  }

  private static String hostPort(KubernetesClient client) {
    java.net.URL url = client.getMasterUrl();
    return url.getHost().toLowerCase(java.util.Locale.ROOT) + ":"
        + (url.getPort() == -1 ? url.getDefaultPort() : url.getPort());
  }

  /**
   * The {@code flagger.app/v1beta1} Canary of the same name and namespace, read through {@code client}, as a
   * controlling owner; empty when there is no such resource. A failed read (outage, 403: anything but "not
   * found") throws {@link OwnerLookupException}, since objects created without their owner would outlive it.
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
        throw new OwnerLookupException(canary.namespace(), canary.name(), e);
      }
    };
  }

  private static OwnerReference controllerOf(GenericKubernetesResource canary) {
    return new OwnerReferenceBuilder().withApiVersion("flagger.app/v1beta1").withKind("Canary")
        .withName(canary.getMetadata().getName()).withUid(canary.getMetadata().getUid()).withController(true)
        .withBlockOwnerDeletion(true).build();
  }
}
