package dev.canarykit.k8s;

import dev.canarykit.core.model.AlertSpec;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.validation.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Flagger's {@code -no-cross-namespace-refs}: in multi-tenant clusters a Canary may refer only to MetricTemplates
 * and AlertProviders of its own namespace. A reference without a namespace names the Canary's.
 */
final class CrossNamespaceRefs {
  private CrossNamespaceRefs() {}

  /** A violation for every {@code templateRef} and {@code providerRef} that names another namespace. */
  static List<Violation> violations(Canary canary) {
    List<Violation> out = new ArrayList<>();
    List<MetricSpec> metrics = canary.spec().analysisOrEmpty().metrics();
    for (int i = 0; i < metrics.size(); i++) {
      MetricSpec.TemplateRef ref = metrics.get(i).templateRef();
      if (ref != null && !SecretNamespaces.templateNamespace(canary, ref).equals(canary.namespace())) {
        out.add(blocked("spec.analysis.metrics[" + i + "].templateRef.namespace", ref.namespace()));
      }
    }
    List<AlertSpec> alerts = canary.spec().analysisOrEmpty().alerts();
    for (int i = 0; i < alerts.size(); i++) {
      AlertSpec.ProviderRef ref = alerts.get(i).providerRef();
      if (ref != null && !SecretNamespaces.providerNamespace(canary, ref).equals(canary.namespace())) {
        out.add(blocked("spec.analysis.alerts[" + i + "].providerRef.namespace", ref.namespace()));
      }
    }
    return out;
  }

  private static Violation blocked(String path, String namespace) {
    return new Violation(path, namespace, "cross-namespace references are blocked");
  }
}
