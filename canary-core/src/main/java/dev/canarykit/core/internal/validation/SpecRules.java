package dev.canarykit.core.internal.validation;

import dev.canarykit.core.model.CanarySpec;
import java.util.Set;
import java.util.regex.Pattern;

/** Rules for the top-level fields of {@code spec}: deadline, provider and metrics server. */
final class SpecRules {
  /** Flagger's provider names (besides the versioned {@code gatewayapi:}, {@code smi:} and {@code appmesh:}). */
  static final Set<String> PROVIDERS = Set.of("istio", "kubernetes", "linkerd", "appmesh", "contour", "gloo",
      "nginx", "skipper", "traefik", "osm", "kuma", "gatewayapi", "apisix", "knative", "smi");

  private static final Pattern VERSIONED = Pattern.compile("(gatewayapi|smi|appmesh):v[0-9]+((alpha|beta)[0-9]+)?");

  private SpecRules() {}

  static void check(CanarySpec spec, Violations v) {
    v.atLeast("progressDeadlineSeconds", spec.progressDeadlineSeconds(), 0);
    String provider = spec.provider();
    if (provider != null && !provider.isEmpty() && !isKnownProvider(provider)) {
      v.add("provider", provider, "must be a known provider: istio (the default), kubernetes, linkerd, appmesh,"
          + " appmesh:v1beta2, contour, gloo, nginx, skipper, traefik, osm, kuma, apisix, knative,"
          + " gatewayapi:<version> (e.g. gatewayapi:v1) or smi:<version> (e.g. smi:v1alpha3)");
    }
    String server = spec.metricsServer();
    if (server != null && !server.isEmpty() && !Names.isHttpUrl(server)) {
      v.add("metricsServer", server, "must be an absolute http or https URL, e.g. http://prometheus:9090");
    }
  }

  /** Whether {@code provider} is one of Flagger's provider names. */
  static boolean isKnownProvider(String provider) {
    return PROVIDERS.contains(provider) || VERSIONED.matcher(provider).matches();
  }
}
