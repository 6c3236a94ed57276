package dev.canarykit.k8s;

import dev.canarykit.core.model.ServiceSpec;
import dev.canarykit.core.model.ServiceSpec.CustomMetadata;
import dev.canarykit.k8s.resource.CanaryResourceSpec.MetadataBlock;
import dev.canarykit.k8s.resource.CanaryServiceBlock;
import io.fabric8.kubernetes.api.model.IntOrString;

/**
 * Maps {@code spec.service} to the core {@link ServiceSpec}; Istio blocks are copied as JSON trees without the fields
 * Flagger's schema prunes ({@link SchemaPruning}).
 */
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
        .match(SchemaPruning.objects("spec.service.match", s.match()))
        .rewrite(SchemaPruning.object("spec.service.rewrite", s.rewrite()))
        .timeout(s.timeout())
        .retries(SchemaPruning.object("spec.service.retries", s.retries()))
        .headers(SchemaPruning.object("spec.service.headers", s.headers()))
        .corsPolicy(SchemaPruning.object("spec.service.corsPolicy", s.corsPolicy()))
        .trafficPolicy(SchemaPruning.object("spec.service.trafficPolicy", s.trafficPolicy()))
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
