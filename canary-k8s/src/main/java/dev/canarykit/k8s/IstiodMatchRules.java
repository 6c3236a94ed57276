package dev.canarykit.k8s;

import dev.canarykit.core.validation.Violation;
import java.util.List;
import java.util.Map;

/**
 * What istiod refuses in an HTTPMatchRequest ({@code service.match[i]}, {@code analysis.match[i]}), reported at the
 * Canary field: header names, empty prefix and regex matches, regexes that are not RE2, ports, source labels and
 * namespaces, gateway names, and JWT claim routing on the mesh gateway.
 */
final class IstiodMatchRules {
  /** Where istiod accepts an empty prefix: only the URI, which Envoy matches with an empty path prefix. */
  private static final String URI = "uri";

  private IstiodMatchRules() {}

  /**
   * Adds to {@code out} what istiod refuses in {@code match} at {@code path}; {@code mesh} tells whether the
   * VirtualService is bound to the mesh gateway.
   */
  static void check(String path, Map<String, Object> match, boolean mesh, List<Violation> out) {
    headers(path + ".headers", match.get("headers"), mesh, false, out);
    headers(path + ".withoutHeaders", match.get("withoutHeaders"), mesh, true, out);
    for (String field : List.of(URI, "scheme", "method", "authority")) {
      stringMatch(path + "." + field, match.get(field), !field.equals(URI), false, out);
    }
    if (match.get("queryParams") instanceof Map<?, ?> params) {
      params.forEach((name, m) -> stringMatch(path + ".queryParams." + name, m, true, false, out));
    }
    port(path, match, out);
    if (match.get("sourceLabels") instanceof Map<?, ?> labels) {
      labels.forEach((key, value) -> {
        String k = IstioSyntax.labelKey(String.valueOf(key));
        String v = value instanceof String s ? IstioSyntax.labelValue(s) : null;
        if (k != null || v != null) {
          out.add(rejected(path + ".sourceLabels." + key, value, k != null ? "the key " + k : v));
        }
      });
    }
    if (match.get("sourceNamespace") instanceof String ns && !ns.isEmpty() && !IstioSyntax.isDnsLabel(ns)) {
      out.add(rejected(path + ".sourceNamespace", ns, "a namespace must be a DNS label"));
    }
    if (match.get("gateways") instanceof List<?> gateways) {
      for (int i = 0; i < gateways.size(); i++) {
        String problem = gateways.get(i) instanceof String g ? IstioSyntax.gateway(g) : null;
        if (problem != null) {
          out.add(rejected(path + ".gateways[" + i + "]", gateways.get(i), problem));
        }
      }
    }
  }

  /** The match's port, the only part of a match a TCP route carries: 1-65535, or 0 for none. */
  static void port(String path, Map<String, Object> match, List<Violation> out) {
    if (match.get("port") instanceof Number port && port.longValue() != 0
        && (port.longValue() < 1 || port.longValue() > 65535)) {
      out.add(rejected(path + ".port", port, "a port must be between 1 and 65535"));
    }
  }

  private static void headers(String path, Object headers, boolean mesh, boolean without, List<Violation> out) {
    if (!(headers instanceof Map<?, ?> byName)) {
      return;
    }
    byName.forEach((key, m) -> {
      String name = String.valueOf(key);
      String problem = IstioSyntax.matchedHeaderName(name);
      if (problem != null) {
        out.add(rejected(path + "." + name, null, "header " + quote(name) + " " + problem));
      } else if (mesh && IstioSyntax.isJwtClaim(name)) {
        out.add(rejected(path + "." + name, null, "routing on JWT claims works only at gateways, and this"
            + " VirtualService is bound to the mesh gateway (service.gateways empty or with mesh)"));
      }
      stringMatch(path + "." + name, m, true, without, out);
    });
  }

  /**
   * An Istio StringMatch: {@code regex} must be RE2 (in {@code withoutHeaders} {@code *} means "present"), and
   * {@code prefix} may be empty only where {@code emptyPrefixRejected} is false.
   */
  private static void stringMatch(String path, Object match, boolean emptyPrefixRejected, boolean star,
      List<Violation> out) {
    if (!(match instanceof Map<?, ?> m)) {
      return;
    }
    if (emptyPrefixRejected && "".equals(m.get("prefix"))) {
      out.add(rejected(path + ".prefix", "", "a prefix match cannot be empty here"));
    }
    if (m.get("regex") instanceof String regex && !(star && regex.equals("*"))) {
      String problem = IstioSyntax.regex(regex);
      if (problem != null) {
        out.add(rejected(path + ".regex", regex, problem));
      }
    }
  }

  /** A violation saying istiod rejects the VirtualService, and why. */
  static Violation rejected(String path, Object value, String why) {
    return new Violation(path, value, "istiod rejects the VirtualService: " + why);
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }
}
