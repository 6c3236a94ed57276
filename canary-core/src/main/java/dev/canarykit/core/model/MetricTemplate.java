package dev.canarykit.core.model;

import dev.canarykit.core.internal.validation.MetricTemplateRules;
import dev.canarykit.core.validation.Violation;
import java.util.List;

/**
 * A Flagger {@code MetricTemplate}: a query and the provider that answers it (docs/flagger-compatibility.md §5.3).
 *
 * @param name {@code metadata.name}
 * @param namespace {@code metadata.namespace}; {@code null} or empty means {@code default}
 * @param provider the metrics provider (required)
 * @param query the Go-template query (required), rendered by the provider's adapter
 */
public record MetricTemplate(String name, String namespace, MetricProvider provider, String query) {

  public MetricTemplate {
    namespace = namespace == null || namespace.isEmpty() ? "default" : namespace;
  }

  /** Every violation, with root-relative paths ({@code spec.query}, {@code spec.provider.address}). */
  public List<Violation> validate() {
    return MetricTemplateRules.validate(this);
  }

  /** {@code <name>.<namespace>}. */
  public String qualifiedName() {
    return name + "." + namespace;
  }
}
