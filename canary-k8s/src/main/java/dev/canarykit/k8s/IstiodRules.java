package dev.canarykit.k8s;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.CanarySpec;
import dev.canarykit.core.model.ServiceSpec;
import dev.canarykit.core.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * VirtualService configurations istiod's validation would reject, reported at the Canary field that causes them
 * (the VirtualService canarykit writes carries {@code service.hosts} plus the apex name, and {@code service.gateways}
 * or {@code mesh}):
 * <ul>
 *   <li>the wildcard host {@code *} on a VirtualService bound to the {@code mesh} gateway;</li>
 *   <li>two hosts that overlap ({@code *.example.com} and {@code multi.example.com}, or the same host twice), which
 *       istiod reports as duplicate hosts.</li>
 * </ul>
 */
final class IstiodRules {
  private IstiodRules() {}

  static List<Violation> check(Canary canary) {
    CanarySpec spec = canary.spec();
    List<Violation> out = new ArrayList<>();
    ServiceSpec service = spec == null ? null : spec.service();
    if (service == null || !CanarySpec.DEFAULT_PROVIDER.equals(spec.providerOrDefault()) || service.delegation()) {
      return out;
    }
    List<String> hosts = service.hosts();
    boolean mesh = service.gateways().isEmpty() || service.gateways().contains("mesh");
    for (int i = 0; i < hosts.size(); i++) {
      if (mesh && "*".equals(hosts.get(i))) {
        out.add(new Violation("spec.service.hosts[" + i + "]", "*", "istiod rejects the wildcard host * on a"
            + " VirtualService bound to the mesh gateway (set service.gateways without mesh, or name the hosts)"));
      }
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
    return out;
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
