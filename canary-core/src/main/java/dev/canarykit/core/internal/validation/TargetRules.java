package dev.canarykit.core.internal.validation;

import dev.canarykit.core.model.CanarySpec;
import dev.canarykit.core.model.CanarySpec.AutoscalerRef;
import dev.canarykit.core.model.CanarySpec.AutoscalerRef.PrimaryScalerReplicas;
import dev.canarykit.core.model.CanarySpec.LocalRef;
import dev.canarykit.core.model.CanarySpec.TargetRef;
import java.util.Set;

/** Rules for {@code spec.targetRef}, {@code spec.autoscalerRef}, {@code spec.ingressRef} and {@code spec.routeRef}. */
final class TargetRules {
  /** Autoscaler kinds canarykit can mirror for the primary. */
  static final Set<String> AUTOSCALER_KINDS = Set.of("HorizontalPodAutoscaler", "ScaledObject");

  private TargetRules() {}

  static void check(CanarySpec spec, Violations v) {
    checkTarget(spec, v);
    if (spec.autoscalerRef() != null) {
      checkAutoscaler(spec.autoscalerRef(), v.at("autoscalerRef"));
    }
    checkLocal(spec.ingressRef(), v.at("ingressRef"));
    checkLocal(spec.routeRef(), v.at("routeRef"));
  }

  private static void checkTarget(CanarySpec spec, Violations v) {
    TargetRef target = spec.targetRef();
    if (v.missing("targetRef", target)) {
      return;
    }
    Violations t = v.at("targetRef");
    t.missing("kind", target.kind());
    if (!t.missing("name", target.name())) {
      checkTargetName(target.name(), hasServiceName(spec), t);
    }
  }

  private static void checkTargetName(String name, boolean serviceNamed, Violations t) {
    if (!Names.isSubdomain(name) || name.length() > 253 - "-primary".length()) {
      t.add("name", name, "must be a Kubernetes name (RFC 1123 subdomain) short enough for <name>-primary:"
          + " lowercase letters, digits, '-' and '.', at most 245 characters");
    } else if (!serviceNamed && !ServiceRules.isServiceName(name)) {
      t.add("name", name, "becomes the service name because spec.service.name is unset, so it must be an"
          + " RFC 1035 label of at most " + Names.MAX_SERVICE_NAME + " characters (room for -primary/-canary):"
          + " lowercase letters, digits and '-', starting with a letter; or set spec.service.name");
    }
  }

  private static boolean hasServiceName(CanarySpec spec) {
    return spec.service() != null && spec.service().name() != null && !spec.service().name().isEmpty();
  }

  private static void checkAutoscaler(AutoscalerRef ref, Violations v) {
    if (!v.missing("name", ref.name()) && !Names.isSubdomain(ref.name())) {
      v.add("name", ref.name(), "must be a Kubernetes name (RFC 1123 subdomain)");
    }
    if (!v.missing("kind", ref.kind()) && !AUTOSCALER_KINDS.contains(ref.kind())) {
      v.add("kind", ref.kind(), "must be HorizontalPodAutoscaler or ScaledObject");
    }
    if (ref.primaryScalerReplicas() != null) {
      checkReplicas(ref.primaryScalerReplicas(), v.at("primaryScalerReplicas"));
    }
  }

  private static void checkReplicas(PrimaryScalerReplicas r, Violations v) {
    v.atLeast("minReplicas", r.minReplicas(), 1);
    v.atLeast("maxReplicas", r.maxReplicas(), 1);
    if (r.minReplicas() != null && r.maxReplicas() != null && r.minReplicas() > r.maxReplicas()) {
      v.addHere(r, "minReplicas " + r.minReplicas() + " must be <= maxReplicas " + r.maxReplicas());
    }
  }

  private static void checkLocal(LocalRef ref, Violations v) {
    if (ref != null && !v.missing("name", ref.name()) && !Names.isSubdomain(ref.name())) {
      v.add("name", ref.name(), "must be a Kubernetes name (RFC 1123 subdomain)");
    }
  }
}
