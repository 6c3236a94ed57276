package dev.canarykit.k8s;

import dev.canarykit.core.model.MetricTemplate;
import dev.canarykit.core.model.MetricTemplate.MetricProvider;
import dev.canarykit.core.validation.Violation;
import dev.canarykit.k8s.resource.MetricTemplateResource;
import dev.canarykit.k8s.resource.MetricTemplateResourceSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a Flagger MetricTemplate to the core {@link MetricTemplate} and validates it: metadata, a query, a known
 * provider type, an absolute address when one is given, a named Secret when one is referenced.
 */
public final class MetricTemplateMapping {
  private MetricTemplateMapping() {}

  /** The core template of {@code resource}. */
  public static MetricTemplate toCore(MetricTemplateResource resource) {
    var meta = resource.getMetadata();
    return toCore(meta == null ? null : meta.getName(), meta == null ? null : meta.getNamespace(),
        resource.getSpec());
  }

  /** The core template named {@code name} in {@code namespace} with {@code spec}. */
  public static MetricTemplate toCore(String name, String namespace, MetricTemplateResourceSpec spec) {
    if (spec == null) {
      return new MetricTemplate(name, namespace, null, null);
    }
    var p = spec.provider();
    MetricProvider provider = p == null ? null : new MetricProvider(p.type(), p.address(),
        p.secretRef() == null ? null : p.secretRef().name(), p.headers(), p.region(),
        Boolean.TRUE.equals(p.insecureSkipVerify()));
    return new MetricTemplate(name, namespace, provider, spec.query());
  }

  /** Every violation of the template {@code name}/{@code namespace} with {@code spec}, root-relative paths. */
  public static List<Violation> validate(String name, String namespace, MetricTemplateResourceSpec spec) {
    List<Violation> out = new ArrayList<>(MetadataChecks.check(name, namespace));
    if (spec == null) {
      out.add(new Violation("spec", null, "is required"));
      return out;
    }
    out.addAll(toCore(name, namespace, spec).validate());
    var p = spec.provider();
    if (p != null && p.secretRef() != null && (p.secretRef().name() == null || p.secretRef().name().isEmpty())) {
      out.add(new Violation("spec.provider.secretRef.name", null, "is required"));
    }
    return out;
  }
}
