package dev.canarykit.k8s;

import dev.canarykit.k8s.resource.CanaryResourceSpec;
import dev.canarykit.k8s.resource.CanaryServiceBlock;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Flagger fields of other providers that canarykit reads but does not use: each set one is a warning. */
final class UnusedFields {
  static final String MESSAGE = "is a Flagger field canarykit does not use (Istio and Kubernetes providers only),"
      + " ignored";
  static final String REWRITE_TYPE = "is a Gateway API field: Istio's HTTPRewrite has no type, so canarykit does not"
      + " write it to the VirtualService";

  private UnusedFields() {}

  static void find(CanaryResourceSpec spec, List<FieldWarning> out) {
    if (spec == null) {
      return;
    }
    add("spec.upstreamRef", spec.upstreamRef(), out);
    if (spec.autoscalerRef() != null) {
      add("spec.autoscalerRef.primaryScalerQueries", spec.autoscalerRef().primaryScalerQueries(), out);
    }
    if (spec.analysis() != null && spec.canaryAnalysis() != null) {
      out.add(new FieldWarning("spec.canaryAnalysis", "is ignored because spec.analysis is set"));
    }
    CanaryServiceBlock s = spec.service();
    if (s == null) {
      return;
    }
    add("spec.service.trafficDistribution", s.trafficDistribution(), out);
    add("spec.service.backendTimeout", s.backendTimeout(), out);
    add("spec.service.gatewayRefs", s.gatewayRefs(), out);
    add("spec.service.mirror", s.mirror(), out);
    add("spec.service.meshName", s.meshName(), out);
    add("spec.service.backends", s.backends(), out);
    add("spec.service.unmanagedMetadata", s.unmanagedMetadata(), out);
    boolean istio = spec.provider() == null || spec.provider().isEmpty() || spec.provider().equals("istio");
    if (istio && s.rewrite() != null && s.rewrite().get("type") != null) {
      out.add(new FieldWarning("spec.service.rewrite.type", REWRITE_TYPE));
    }
  }

  private static void add(String path, Object value, List<FieldWarning> out) {
    boolean set = value instanceof String str ? !str.isEmpty()
        : value instanceof Collection<?> c ? !c.isEmpty()
        : value instanceof Map<?, ?> m ? !m.isEmpty()
        : value != null;
    if (set) {
      out.add(new FieldWarning(path, MESSAGE));
    }
  }
}
