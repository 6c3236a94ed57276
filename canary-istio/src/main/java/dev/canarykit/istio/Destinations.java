package dev.canarykit.istio;

import dev.canarykit.core.model.ServiceSpec;
import java.util.List;
import java.util.Map;

/** Route destinations: plain service hosts, a port only where Flagger adds one (§4.2). */
final class Destinations {
  private Destinations() {}

  /** {@code {destination: {host, port?}, weight}}; the weight is always written, 0 included. */
  static Map<String, Object> weighted(ServiceSpec service, String host, int weight) {
    Map<String, Object> destination = Trees.object("host", host);
    if (needsPort(service)) {
      destination.put("port", Trees.object("number", service.port()));
    }
    return Trees.object("destination", destination, "weight", weight);
  }

  /**
   * Whether destinations name the port: with port discovery, when the first gateway is not {@code mesh} or the
   * VirtualService is a delegate.
   */
  static boolean needsPort(ServiceSpec service) {
    List<String> gateways = service.gateways();
    boolean external = !gateways.isEmpty() && !"mesh".equals(gateways.get(0));
    return service.portDiscovery() && (external || service.delegation());
  }
}
