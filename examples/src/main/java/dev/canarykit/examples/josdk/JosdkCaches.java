package dev.canarykit.examples.josdk;

import dev.canarykit.k8s.cache.ClusterReader;
import dev.canarykit.k8s.resource.CanaryResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.Cache;
import java.util.Map;
import java.util.Optional;

/**
 * canarykit's read port ({@link ClusterReader}) over the caches JOSDK already keeps: its primary cache for
 * Canaries and one informer event source per other kind, so canarykit starts no informer of its own. A miss (an
 * object created a moment ago, or a kind without event source) is one GET, as in canarykit's own cache.
 */
final class JosdkCaches implements ClusterReader {
  private final Cache<CanaryResource> canaries;
  private final Map<Class<? extends HasMetadata>, ? extends Cache<? extends HasMetadata>> others;
  private final ClusterReader fallback;

  JosdkCaches(Cache<CanaryResource> canaries, Map<Class<? extends HasMetadata>, ? extends Cache<? extends HasMetadata>>
      others, KubernetesClient client) {
    this.canaries = canaries;
    this.others = Map.copyOf(others);
    this.fallback = ClusterReader.direct(client);
  }

  @Override
  public <T extends HasMetadata> Optional<T> get(Class<T> type, String namespace, String name) {
    ResourceID id = new ResourceID(name, namespace);
    Cache<? extends HasMetadata> cache = type == CanaryResource.class ? canaries : others.get(type);
    Optional<? extends HasMetadata> hit = cache == null ? Optional.empty() : cache.get(id);
    return hit.isPresent() ? hit.map(type::cast) : fallback.get(type, namespace, name);
  }
}
