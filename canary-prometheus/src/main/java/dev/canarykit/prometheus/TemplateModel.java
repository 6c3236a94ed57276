package dev.canarykit.prometheus;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanarySpec;
import dev.canarykit.core.model.CanarySpec.LocalRef;
import dev.canarykit.core.model.MetricSpec;
import java.util.Map;

/**
 * The values a query template can use (docs/flagger-compatibility.md §5.3), unchecked until substituted.
 *
 * @param name the Canary's name
 * @param namespace the Canary's namespace
 * @param target {@code targetRef.name}
 * @param service {@code service.name}, else the target
 * @param ingress {@code ingressRef.name}, else the target
 * @param route {@code routeRef.name}, else the target
 * @param interval the metric's window, defaulted to {@value MetricSpec#DEFAULT_INTERVAL}
 * @param variables the metric's {@code templateVariables}
 */
record TemplateModel(String name, String namespace, String target, String service, String ingress, String route,
    String interval, Map<String, String> variables) {

  TemplateModel {
    variables = variables == null ? Map.of() : Map.copyOf(variables);
  }

  /** The model of {@code metric} in {@code canary}. */
  static TemplateModel of(Canary canary, MetricSpec metric) {
    CanarySpec spec = canary.spec();
    String target = spec.targetRef() == null ? null : spec.targetRef().name();
    return new TemplateModel(canary.name(), canary.namespace(), target, spec.service() == null ? target
        : spec.serviceName(), refName(spec.ingressRef(), target), refName(spec.routeRef(), target),
        metric.intervalOrDefault(), metric.templateVariables());
  }

  private static String refName(LocalRef ref, String fallback) {
    return ref == null || ref.name() == null || ref.name().isEmpty() ? fallback : ref.name();
  }
}
