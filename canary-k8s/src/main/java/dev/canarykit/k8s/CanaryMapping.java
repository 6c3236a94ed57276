package dev.canarykit.k8s;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanarySpec;
import dev.canarykit.core.model.CanarySpec.AutoscalerRef;
import dev.canarykit.core.model.CanarySpec.LocalRef;
import dev.canarykit.core.model.CanarySpec.TargetRef;
import dev.canarykit.core.validation.Violation;
import dev.canarykit.k8s.resource.CanaryResource;
import dev.canarykit.k8s.resource.CanaryResourceSpec;
import dev.canarykit.k8s.resource.CanaryResourceSpec.AutoscalerReference;
import dev.canarykit.k8s.resource.CanaryResourceSpec.LocalObjectReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a Flagger {@link CanaryResource} to the core {@link Canary}. The mapping never fails: whatever is wrong is
 * left for {@link Canary#validate()} to report with its path.
 *
 * <pre>{@code
 * Canary canary = CanaryMapping.toCore(resource);
 * List<Violation> problems = canary.validate();
 * }</pre>
 *
 * <p>{@code spec.analysis} wins over the legacy {@code spec.canaryAnalysis}, as in Flagger.
 */
public final class CanaryMapping {
  private CanaryMapping() {}

  /**
   * The core Canary of {@code resource} (name and namespace from its metadata), with canarykit's annotation
   * options applied ({@link CanarykitAnnotations}; invalid options are left off, see {@link #annotationViolations}).
   */
  public static Canary toCore(CanaryResource resource) {
    var meta = resource.getMetadata();
    Canary plain = toCore(meta == null ? null : meta.getName(), meta == null ? null : meta.getNamespace(),
        resource.getSpec());
    var options = CanarykitAnnotations.apply(plain.spec(), meta == null ? null : meta.getAnnotations());
    return new Canary(plain.name(), plain.namespace(), options.spec());
  }

  /** What is wrong with the canarykit annotations of {@code resource}. */
  public static List<Violation> annotationViolations(
      CanaryResource resource) {
    var meta = resource.getMetadata();
    Canary plain = toCore(resource);
    return CanarykitAnnotations.apply(plain.spec(), meta == null ? null : meta.getAnnotations()).violations();
  }

  /**
   * Everything a controller refuses {@code canary} for, in this order: its own violations ({@link Canary#validate()}),
   * what istiod would reject in the VirtualService made from it, and, with {@code noCrossNamespaceRefs} (Flagger's
   * {@code -no-cross-namespace-refs}), every {@code templateRef} and {@code providerRef} that names another
   * namespace. Empty when the controller may drive it.
   */
  public static List<Violation> violations(Canary canary, boolean noCrossNamespaceRefs) {
    List<Violation> out = new ArrayList<>(canary.validate());
    out.addAll(IstiodRules.check(canary));
    if (noCrossNamespaceRefs) {
      out.addAll(CrossNamespaceRefs.violations(canary));
    }
    return out;
  }

  /** The core Canary named {@code name} in {@code namespace} with {@code spec}; a {@code null} spec stays null. */
  public static Canary toCore(String name, String namespace, CanaryResourceSpec spec) {
    return new Canary(name, namespace, spec == null ? null : spec(spec));
  }

  /** Whether the analysis comes from the legacy {@code canaryAnalysis} field. */
  static boolean usesLegacyAnalysis(CanaryResourceSpec spec) {
    return spec != null && spec.analysis() == null && spec.canaryAnalysis() != null;
  }

  private static CanarySpec spec(CanaryResourceSpec s) {
    return CanarySpec.builder(target(s.targetRef()), ServiceMapping.toCore(s.service()))
        .autoscalerRef(autoscaler(s.autoscalerRef()))
        .ingressRef(local(s.ingressRef()))
        .routeRef(local(s.routeRef()))
        .progressDeadlineSeconds(s.progressDeadlineSeconds())
        .skipAnalysis(Boolean.TRUE.equals(s.skipAnalysis()))
        .suspend(Boolean.TRUE.equals(s.suspend()))
        .revertOnDeletion(Boolean.TRUE.equals(s.revertOnDeletion()))
        .provider(s.provider())
        .metricsServer(s.metricsServer())
        .analysis(AnalysisMapping.toCore(s.analysis() != null ? s.analysis() : s.canaryAnalysis()))
        .build();
  }

  private static TargetRef target(LocalObjectReference r) {
    return r == null ? null : new TargetRef(r.apiVersion(), r.kind(), r.name());
  }

  private static LocalRef local(LocalObjectReference r) {
    return r == null ? null : new LocalRef(r.apiVersion(), r.kind(), r.name());
  }

  private static AutoscalerRef autoscaler(AutoscalerReference r) {
    if (r == null) {
      return null;
    }
    var replicas = r.primaryScalerReplicas() == null ? null : new AutoscalerRef.PrimaryScalerReplicas(
        r.primaryScalerReplicas().minReplicas(), r.primaryScalerReplicas().maxReplicas());
    return new AutoscalerRef(r.apiVersion(), r.kind(), r.name(), replicas);
  }
}
