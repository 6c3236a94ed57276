package dev.canarykit.k8s;

import dev.canarykit.core.model.MetricTemplate;
import dev.canarykit.core.port.MetricTemplateLookup;
import dev.canarykit.k8s.cache.ClusterReader;
import dev.canarykit.k8s.resource.MetricTemplateResource;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link MetricTemplateLookup} on Flagger's {@code MetricTemplate} resources, read through a
 * {@link ClusterReader}: the controller gives it its informer cache (a hit costs no request; a miss, such as a
 * template created a moment ago, falls back to one GET).
 *
 * <p>Namespace rules are Flagger's: the metric source asks in the {@code templateRef}'s namespace, or the Canary's
 * when the reference names none ({@link SecretNamespaces#templateNamespace}); the template's provider Secret is
 * read in the template's namespace. Cross-namespace references are allowed unless the controller is configured
 * with {@code noCrossNamespaceRefs}, which reports such a Canary as invalid (Flagger's
 * {@code -no-cross-namespace-refs}).
 *
 * <pre>{@code
 * MetricTemplateLookup templates = KubernetesMetricTemplateLookup.of(ClusterReader.direct(client));
 * }</pre>
 */
public final class KubernetesMetricTemplateLookup implements MetricTemplateLookup {
  private final ClusterReader reader;

  private KubernetesMetricTemplateLookup(ClusterReader reader) {
    this.reader = reader;
  }

  /** A lookup reading through {@code reader} (informer caches, or {@link ClusterReader#direct}). */
  public static KubernetesMetricTemplateLookup of(ClusterReader reader) {
    return new KubernetesMetricTemplateLookup(Objects.requireNonNull(reader, "reader == null"));
  }

  /**
   * The template {@code namespace}/{@code name}, mapped to the core model (not validated here: the metric source
   * reports an unusable provider or query with the template's name).
   *
   * @throws io.fabric8.kubernetes.client.KubernetesClientException when the API server cannot be reached on a
   *     cache miss (the metric source turns it into a failed check)
   */
  @Override
  public Optional<MetricTemplate> find(String namespace, String name) {
    return reader.get(MetricTemplateResource.class, namespace, name).map(MetricTemplateMapping::toCore);
  }

  @Override
  public String toString() {
    return "KubernetesMetricTemplateLookup";
  }
}
