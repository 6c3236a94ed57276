package dev.canarykit.core.internal.validation;

import dev.canarykit.core.model.AlertSpec;
import dev.canarykit.core.model.AlertSpec.Severity;

/** Rules for one {@code spec.analysis.alerts[i]}: name, severity and provider reference. */
final class AlertRules {
  private AlertRules() {}

  static void check(AlertSpec a, Violations v) {
    v.missing("name", a.name());
    String severity = a.severity();
    if (severity != null && !severity.isEmpty() && Severity.fromWire(severity).isEmpty()) {
      v.add("severity", severity, "must be info, warn or error (empty means info)");
    }
    if (v.missing("providerRef", a.providerRef())) {
      return;
    }
    Violations ref = v.at("providerRef");
    if (!ref.missing("name", a.providerRef().name()) && !Names.isSubdomain(a.providerRef().name())) {
      ref.add("name", a.providerRef().name(), "must be a Kubernetes name (RFC 1123 subdomain)");
    }
    String ns = a.providerRef().namespace();
    if (ns != null && !ns.isEmpty() && !Names.isLabel(ns)) {
      ref.add("namespace", ns, "must be an RFC 1123 label (a namespace name)");
    }
  }
}
