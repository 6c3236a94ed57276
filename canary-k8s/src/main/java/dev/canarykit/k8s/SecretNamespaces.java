package dev.canarykit.k8s;

import dev.canarykit.core.model.AlertSpec;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.MetricTemplate;

/**
 * Flagger's namespace rules for references and their Secrets (docs/flagger-compatibility.md §5.3 and §1.16):
 * <ul>
 *   <li>a {@code templateRef} or {@code providerRef} without a namespace names an object in the Canary's
 *       namespace;</li>
 *   <li>a MetricTemplate's {@code provider.secretRef} names a Secret in the <b>template's</b> namespace;</li>
 *   <li>an AlertProvider's {@code secretRef} names a Secret in the <b>provider's</b> namespace.</li>
 * </ul>
 * A Secret is therefore never looked up in the Canary's namespace merely because the Canary refers to it.
 */
final class SecretNamespaces {
  private SecretNamespaces() {}

  /** The namespace of the MetricTemplate {@code ref} of {@code canary}. */
  public static String templateNamespace(Canary canary, MetricSpec.TemplateRef ref) {
    return orElse(ref.namespace(), canary.namespace());
  }

  /** The namespace of the AlertProvider {@code ref} of {@code canary}. */
  public static String providerNamespace(Canary canary, AlertSpec.ProviderRef ref) {
    return orElse(ref.namespace(), canary.namespace());
  }

  /** The namespace of {@code template}'s provider Secret: the template's own. */
  public static String secretNamespace(MetricTemplate template) {
    return template.namespace();
  }

  /** The namespace of {@code provider}'s Secret: the provider's own. */
  public static String secretNamespace(AlertProvider provider) {
    return provider.namespace();
  }

  private static String orElse(String ns, String fallback) {
    return ns == null || ns.isEmpty() ? fallback : ns;
  }
}
