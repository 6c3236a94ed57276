package dev.canarykit.k8s.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/**
 * Reads Kubernetes objects by namespace and name, either straight from the API server ({@link #direct}) or from
 * informer caches ({@link InformerCache}). The stores read through it so that a controller with warm caches makes
 * no direct GET on an idle tick.
 */
public interface ClusterReader {

  /**
   * Reads one object.
   *
   * @return the object, or empty when it does not exist
   * @throws io.fabric8.kubernetes.client.KubernetesClientException when the API server cannot be reached
   */
  <T extends HasMetadata> Optional<T> get(Class<T> type, String namespace, String name);

  /** A reader that GETs every object from the API server through {@code client} (which the caller owns). */
  static ClusterReader direct(KubernetesClient client) {
    return new ClusterReader() {
      @Override
      public <T extends HasMetadata> Optional<T> get(Class<T> type, String namespace, String name) {
        return Optional.ofNullable(client.resources(type).inNamespace(namespace).withName(name).get());
      }
    };
  }
}
