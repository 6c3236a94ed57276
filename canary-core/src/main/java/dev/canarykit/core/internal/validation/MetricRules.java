package dev.canarykit.core.internal.validation;

import dev.canarykit.core.internal.GoDuration;
import dev.canarykit.core.internal.PrometheusDuration;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.MetricSpec.TemplateRef;

/** Rules for one {@code spec.analysis.metrics[i]}: name, kind, interval, template reference and variables. */
final class MetricRules {
  private MetricRules() {}

  static void check(MetricSpec m, Violations v) {
    if (m.name() == null) {
      v.add("name", null, "is required");
    } else if (m.kind() == MetricSpec.Kind.UNUSABLE) {
      v.add("name", m.name(), "is not a built-in metric (request-success-rate, request-duration) and the metric"
          + " has no templateRef or query");
    }
    checkInterval(m.interval(), v);
    ThresholdRules.check(m, v);
    if (m.templateRef() != null) {
      checkTemplateRef(m.templateRef(), v.at("templateRef"));
    }
    m.templateVariables().forEach((key, value) -> checkVariable(key, value, v.at("templateVariables")));
  }

  private static void checkInterval(String interval, Violations v) {
    if (interval == null || interval.isEmpty()) {
      return;
    }
    if (!GoDuration.isValid(interval) || !PrometheusDuration.isValid(interval)) {
      v.add("interval", interval, "must be a duration both Go and Prometheus accept: whole numbers with units"
          + " h, m, s or ms in decreasing order, e.g. 1m, 30s, 1h30m, 500ms (not 1.5m, not 1m30)");
    } else if (GoDuration.parse(interval).orElseThrow().isZero()) {
      v.add("interval", interval, "must be longer than 0");
    }
  }

  private static void checkTemplateRef(TemplateRef ref, Violations v) {
    if (!v.missing("name", ref.name()) && !Names.isSubdomain(ref.name())) {
      v.add("name", ref.name(), "must be a Kubernetes name (RFC 1123 subdomain)");
    }
    if (ref.namespace() != null && !ref.namespace().isEmpty() && !Names.isLabel(ref.namespace())) {
      v.add("namespace", ref.namespace(), "must be an RFC 1123 label (a namespace name)");
    }
  }

  private static void checkVariable(String key, String value, Violations v) {
    if (!Names.isVariableKey(key)) {
      v.add(key, key, "must be a variable name: a letter or '_' followed by letters, digits or '_'");
    } else if (value != null && value.chars().anyMatch(c -> "\"'`\\{}\n\r".indexOf(c) >= 0)) {
      v.add(key, value, "must not contain quotes (\" ' `), backslashes, braces or line breaks, which could"
          + " change the rendered query");
    }
  }
}
