package dev.canarykit.core.port;

import dev.canarykit.core.model.MetricTemplate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the {@link MetricTemplate} a metric's {@code templateRef} names. canary-k8s supplies one over an informer
 * cache ({@code KubernetesMetricTemplateLookup}), which the controller hands to its metric sources; tests and the
 * {@code check} command use {@link #of(Collection)}.
 */
@FunctionalInterface
public interface MetricTemplateLookup {

  /** A lookup that knows no template. */
  MetricTemplateLookup NONE = (namespace, name) -> Optional.empty();

  /**
   * Looks a template up.
   *
   * @param namespace the template's namespace (the Canary's when the reference names none)
   * @param name the template's name
   * @return the template, or empty when there is no such template; never {@code null}
   */
  Optional<MetricTemplate> find(String namespace, String name);

  /** A lookup over a fixed set of templates, keyed by namespace and name. */
  static MetricTemplateLookup of(Collection<MetricTemplate> templates) {
    var byKey = new HashMap<String, MetricTemplate>();
    templates.forEach(t -> byKey.put(t.namespace() + "/" + t.name(), t));
    var copy = Map.copyOf(byKey);
    return (namespace, name) -> Optional.ofNullable(copy.get(namespace + "/" + name));
  }
}
