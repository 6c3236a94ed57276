package dev.canarykit.k8s;

import static dev.canarykit.k8s.IstiodMatchRules.rejected;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanarySpec;
import dev.canarykit.core.model.CanarySpec.Provider;
import dev.canarykit.core.model.ServiceSpec;
import dev.canarykit.core.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * VirtualService configurations istiod's validation would reject, reported at the Canary field that causes them
 * (docs/decisions.md lists them, and what is not checked). The VirtualService canarykit writes carries
 * {@code service.hosts} plus the apex name, {@code service.gateways} or {@code mesh}, and either one or more HTTP
 * routes with the service's match (crossed with {@code analysis.match}), rewrite, timeout, retries, corsPolicy
 * and headers, or for {@code appProtocol: tcp} a TCP route matching the service's match ports.
 * <ul>
 *   <li>hosts: a domain (wildcard first label) or an IP; {@code *} not on the mesh gateway; no overlap
 *       ({@code *.example.com} and {@code multi.example.com}, or the apex host);</li>
 *   <li>gateways: {@code <namespace>/<name>} of DNS labels, or a name or FQDN;</li>
 *   <li>a delegate ({@code delegation: true}) has no TCP route;</li>
 *   <li>matches ({@link IstiodMatchRules}) and the HTTP route's other parts ({@link IstiodHttpRules}).</li>
 * </ul>
 *
 * <pre>{@code
 * List<Violation> rejected = IstiodRules.check(canary); // spec.service.hosts[0]: istiod rejects the wildcard ...
 * }</pre>
 */
final class IstiodRules {
  private static final String MESH = "mesh";

  private IstiodRules() {}

  /**
   * What istiod would reject in the VirtualService of an {@code istio} Canary, at the Canary fields; empty for other
   * providers, and for values the core validation already refuses (blank hosts, unparsable durations).
   */
  static List<Violation> check(Canary canary) {
    CanarySpec spec = canary.spec();
    List<Violation> out = new ArrayList<>();
    ServiceSpec service = spec == null ? null : spec.service();
    if (service == null || spec.providerType() != Provider.ISTIO) {
      return out;
    }
    boolean mesh = service.gateways().isEmpty() || service.gateways().contains(MESH);
    boolean tcp = "tcp".equalsIgnoreCase(service.appProtocol());
    if (!service.delegation()) {
      hosts(spec, service, mesh, out);
      gateways(service, out);
    } else if (tcp) {
      out.add(rejected("spec.service.appProtocol", service.appProtocol(), "a delegate VirtualService"
          + " (delegation: true) cannot have a TCP route"));
    }
    if (tcp) {
      List<Map<String, Object>> match = service.match();
      for (int i = 0; i < match.size(); i++) {
        IstiodMatchRules.port("spec.service.match[" + i + "]", match.get(i), out);
      }
    } else {
      matches("spec.service.match", service.match(), mesh, out);
      matches("spec.analysis.match", spec.analysisOrEmpty().match(), mesh, out);
      IstiodHttpRules.check(service, out);
    }
    return out;
  }

  /** Blank hosts and gateways are the core validation's ("must not be empty"). */
  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static void matches(String path, List<Map<String, Object>> matches, boolean mesh, List<Violation> out) {
    for (int i = 0; i < matches.size(); i++) {
      IstiodMatchRules.check(path + "[" + i + "]", matches.get(i), mesh, out);
    }
  }

  private static void hosts(CanarySpec spec, ServiceSpec service, boolean mesh, List<Violation> out) {
    List<String> hosts = service.hosts();
    int before = out.size();
    for (int i = 0; i < hosts.size(); i++) {
      String problem = blank(hosts.get(i)) ? null : IstioSyntax.host(hosts.get(i));
      if (problem != null) {
        out.add(rejected("spec.service.hosts[" + i + "]", hosts.get(i), problem));
      } else if (mesh && "*".equals(hosts.get(i))) {
        out.add(new Violation("spec.service.hosts[" + i + "]", "*", "istiod rejects the wildcard host * on a"
            + " VirtualService bound to the mesh gateway (set service.gateways without mesh, or name the hosts)"));
      }
    }
    if (out.size() == before && hosts.stream().noneMatch(IstiodRules::blank)) {
      overlaps(spec, hosts, out);
    }
  }

  /** istiod compares hosts only when all are valid, as duplicates. */
  private static void overlaps(CanarySpec spec, List<String> hosts, List<Violation> out) {
    for (int i = 0; i < hosts.size(); i++) {
      for (int j = i + 1; j < hosts.size(); j++) {
        if (overlap(hosts.get(i), hosts.get(j))) {
          out.add(new Violation("spec.service.hosts[" + j + "]", hosts.get(j), "overlaps hosts[" + i + "] "
              + hosts.get(i) + ": istiod rejects duplicate hosts in a VirtualService"));
        }
      }
    }
    String apex = spec.targetRef() == null ? null : spec.serviceName();
    if (apex != null && !hosts.contains(apex) && !hosts.contains("*")) {
      for (int i = 0; i < hosts.size(); i++) {
        if (overlap(hosts.get(i), apex)) {
          out.add(new Violation("spec.service.hosts[" + i + "]", hosts.get(i), "overlaps the apex host " + apex
              + " that canarykit adds, as Flagger does: istiod rejects duplicate hosts in a VirtualService"));
        }
      }
    }
  }

  private static void gateways(ServiceSpec service, List<Violation> out) {
    List<String> gateways = service.gateways();
    for (int i = 0; i < gateways.size(); i++) {
      String problem = blank(gateways.get(i)) ? null : IstioSyntax.gateway(gateways.get(i));
      if (problem != null) {
        out.add(rejected("spec.service.gateways[" + i + "]", gateways.get(i), problem));
      }
    }
  }

  /** Whether one host matches the other, wildcards ({@code *}, {@code *.suffix}) included, as istiod compares them. */
  static boolean overlap(String a, String b) {
    String x = a.toLowerCase(Locale.ROOT);
    String y = b.toLowerCase(Locale.ROOT);
    return x.equals(y) || covers(x, y) || covers(y, x);
  }

  private static boolean covers(String wildcard, String host) {
    if (wildcard.equals("*")) {
      return true;
    }
    if (!wildcard.startsWith("*")) {
      return false;
    }
    String suffix = wildcard.substring(1);
    String other = host.startsWith("*") ? host.substring(1) : host;
    return other.endsWith(suffix);
  }
}
