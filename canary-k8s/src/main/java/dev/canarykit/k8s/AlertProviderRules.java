package dev.canarykit.k8s;

import dev.canarykit.core.validation.Violation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/** Rules for an {@link AlertProvider}: metadata, a known type, an address or a Secret, absolute URLs. */
final class AlertProviderRules {
  private AlertProviderRules() {}

  static List<Violation> validate(AlertProvider p) {
    List<Violation> out = new ArrayList<>(MetadataChecks.check(p.name(), p.namespace()));
    if (empty(p.type())) {
      out.add(new Violation("spec.type", null, "is required"));
    } else if (p.typeOrEmpty().isEmpty()) {
      out.add(new Violation("spec.type", p.type(), "must be one of " + AlertProviderType.wireNames()));
    }
    if (empty(p.address()) && empty(p.secretRef())) {
      out.add(new Violation("spec", null, "needs an address or a secretRef"));
    }
    url("spec.address", p.address(), out);
    url("spec.proxy", p.proxy(), out);
    return out;
  }

  private static void url(String path, String value, List<Violation> out) {
    if (!empty(value) && !isHttpUrl(value)) {
      out.add(new Violation(path, value, "must be an absolute http(s) URL"));
    }
  }

  private static boolean empty(String s) {
    return s == null || s.isEmpty();
  }

  private static boolean isHttpUrl(String s) {
    try {
      URI u = new URI(s);
      return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
          && u.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
