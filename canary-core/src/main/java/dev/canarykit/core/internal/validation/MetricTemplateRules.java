package dev.canarykit.core.internal.validation;

import dev.canarykit.core.model.MetricTemplate;
import dev.canarykit.core.model.MetricTemplate.MetricProvider;
import dev.canarykit.core.validation.Violation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Rules for a MetricTemplate: a query, a known provider type, an absolute address when one is given. */
public final class MetricTemplateRules {
  private MetricTemplateRules() {}

  /** Every violation of {@code t}. */
  public static List<Violation> validate(MetricTemplate t) {
    List<Violation> out = new ArrayList<>();
    if (t.query() == null || t.query().isBlank()) {
      out.add(new Violation("spec.query", t.query(), "is required"));
    }
    MetricProvider p = t.provider();
    if (p == null) {
      out.add(new Violation("spec.provider", null, "is required"));
      return out;
    }
    if (!MetricProvider.TYPES.contains(p.typeOrDefault())) {
      out.add(new Violation("spec.provider.type", p.type(), "must be one of " + MetricProvider.TYPES));
    }
    if (p.address() != null && !p.address().isEmpty() && !absoluteHttp(p.address())) {
      out.add(new Violation("spec.provider.address", p.address(), "must be an absolute http(s) URL"));
    }
    return out;
  }

  private static boolean absoluteHttp(String s) {
    try {
      URI u = new URI(s);
      return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
