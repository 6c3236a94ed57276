package dev.canarykit.k8s;

import dev.canarykit.core.model.CustomMetadata;
import dev.canarykit.core.model.ServiceSpec;
import dev.canarykit.k8s.resource.CanaryResourceSpec.MetadataBlock;
import dev.canarykit.k8s.resource.CanaryServiceBlock;
import io.fabric8.kubernetes.api.model.IntOrString;

/** Maps {@code spec.service} to the core {@link ServiceSpec}; Istio blocks are copied as JSON trees. */
final class ServiceMapping {
  private ServiceMapping() {}

  static ServiceSpec toCore(CanaryServiceBlock s) {
    if (s == null) {
      return null;
    }
    return ServiceSpec.builder(0).port(s.port()).name(s.name()).targetPort(targetPort(s.targetPort())).portName(s.portName())
        .portDiscovery(Boolean.TRUE.equals(s.portDiscovery()))
        .appProtocol(s.appProtocol())
        .headless(Boolean.TRUE.equals(s.headless()))
        .gateways(s.gateways())
        .hosts(s.hosts())
        .delegation(Boolean.TRUE.equals(s.delegation()))
        .match(s.match())
        .rewrite(s.rewrite())
        .timeout(s.timeout())
        .retries(s.retries())
        .headers(s.headers())
        .corsPolicy(s.corsPolicy())
        .trafficPolicy(s.trafficPolicy())
        .apex(metadata(s.apex()))
        .primary(metadata(s.primary()))
        .canary(metadata(s.canary()))
        .build();
  }

  private static String targetPort(IntOrString p) {
    if (p == null) {
      return null;
    }
    return p.getIntVal() != null ? String.valueOf(p.getIntVal()) : p.getStrVal();
  }

  private static CustomMetadata metadata(MetadataBlock m) {
    return m == null ? null : new CustomMetadata(m.labels(), m.annotations());
  }
}
