package dev.canarykit.k8s;

import dev.canarykit.core.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** {@code metadata.name} and {@code metadata.namespace} of a MetricTemplate or AlertProvider. */
final class MetadataChecks {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern SUBDOMAIN = Pattern.compile(LABEL.pattern() + "(\\." + LABEL.pattern() + ")*");

  private MetadataChecks() {}

  static List<Violation> check(String name, String namespace) {
    List<Violation> out = new ArrayList<>();
    if (name == null || name.isEmpty()) {
      out.add(new Violation("metadata.name", null, "is required"));
    } else if (name.length() > 253 || !SUBDOMAIN.matcher(name).matches()) {
      out.add(new Violation("metadata.name", name, "must be a Kubernetes name (RFC 1123 subdomain)"));
    }
    if (namespace != null && !namespace.isEmpty()
        && (namespace.length() > 63 || !LABEL.matcher(namespace).matches())) {
      out.add(new Violation("metadata.namespace", namespace, "must be an RFC 1123 label"));
    }
    return out;
  }
}
