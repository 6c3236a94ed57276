package dev.canarykit.istio;

import dev.canarykit.core.model.Canary;
import dev.canarykit.core.internal.IstioBlocks;
import dev.canarykit.core.internal.IstioBlocks.Block;
import dev.canarykit.core.model.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The VirtualService {@code spec} canarykit writes for a Canary and a {@link RouteState} (§4.2). */
final class VirtualServiceSpecs {
  static final String MESH = "mesh";

  private VirtualServiceSpecs() {}

  /**
   * Why the Canary cannot be routed, or empty: a delegate may not list hosts or gateways, and no match may lack a
   * condition (Istio would match every request with it; see {@link IstioBlocks#matchesEverything}).
   */
  static Optional<String> problem(Canary canary) {
    ServiceSpec s = canary.spec().service();
    if (s.delegation() && (!s.hosts().isEmpty() || !s.gateways().isEmpty())) {
      return Optional.of("VirtualService " + canary.spec().serviceName() + "." + canary.namespace()
          + " cannot have hosts and gateways when delegation is enabled (service.hosts " + s.hosts()
          + ", service.gateways " + s.gateways() + ")");
    }
    return emptyMatch(Block.SERVICE_MATCH, s.match()).or(() -> emptyMatch(Block.ANALYSIS_MATCH,
        canary.spec().analysisOrEmpty().match())).map(path -> "refusing to route " + VirtualServices.what(canary)
        + ": " + path + " has no condition (fields outside Flagger's schema do not count), and Istio would match"
        + " every request with it");
  }

  private static Optional<String> emptyMatch(Block block, List<Map<String, Object>> matches) {
    List<Map<String, Object>> pruned = IstioBlocks.prune(block, matches);
    for (int i = 0; i < pruned.size(); i++) {
      if (IstioBlocks.matchesEverything(pruned.get(i))) {
        return Optional.of(block.path() + "[" + i + "]");
      }
    }
    return Optional.empty();
  }

  /** The spec as a tree: hosts, gateways and either {@code http} or, for {@code appProtocol: tcp}, {@code tcp}. */
  static Map<String, Object> render(Canary canary, RouteState state) {
    ServiceSpec service = canary.spec().service();
    Map<String, Object> spec = service.delegation() ? Trees.object()
        : Trees.object("hosts", hosts(canary), "gateways", gateways(service));
    if (isTcp(service)) {
      spec.put("tcp", List.of(tcpRoute(canary, state)));
    } else {
      spec.put("http", new HttpRoutes(canary).render(state));
    }
    return spec;
  }

  /** Whether the Canary routes TCP ({@code service.appProtocol: tcp}, any case). */
  static boolean isTcp(ServiceSpec service) {
    return service.appProtocol() != null && service.appProtocol().equalsIgnoreCase("tcp");
  }

  /** {@code service.hosts}, with the apex name appended unless it or {@code *} is already there. */
  static List<String> hosts(Canary canary) {
    List<String> hosts = new ArrayList<>(canary.spec().service().hosts());
    String apex = canary.spec().serviceName();
    if (!hosts.contains(apex) && !hosts.contains("*")) {
      hosts.add(apex);
    }
    return hosts;
  }

  /** {@code service.gateways}, or {@code [mesh]} when none are given. */
  static List<String> gateways(ServiceSpec service) {
    return service.gateways().isEmpty() ? List.of(MESH) : service.gateways();
  }

  private static Map<String, Object> tcpRoute(Canary canary, RouteState state) {
    ServiceSpec service = canary.spec().service();
    ServiceNames names = ServiceNames.of(canary);
    List<Map<String, Object>> match = new ArrayList<>();
    for (Map<String, Object> m : service.match()) {
      if (m.get("port") != null) {
        match.add(Trees.object("port", m.get("port")));
      }
    }
    return Trees.object("match", match, "route", List.of(
        Destinations.weighted(service, names.primary(), state.primaryWeight()),
        Destinations.weighted(service, names.canary(), state.canaryWeight())));
  }
}
