package dev.canarykit.examples.demo;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The live {@code networking.istio.io/v1} VirtualServices of a namespace, watched through the fabric8 client, and
 * the routing decision they imply for a request to a host: a destination chosen by weight, and a mirror.
 */
final class MeshRoutes implements AutoCloseable {
  private final SharedIndexInformer<GenericKubernetesResource> informer;

  MeshRoutes(KubernetesClient client, String namespace) {
    this.informer = Kinds.of(client, Kinds.VIRTUAL_SERVICE).inNamespace(namespace).inform();
  }

  /**
   * Where a request to {@code host} goes, if a VirtualService applies: one that lists the host (or {@code *}) and
   * is bound to the gateway the request came through ({@code gateway}, a name prefix such as
   * {@code public-gateway}) or, for traffic inside the mesh ({@code gateway == null}), to no gateway or
   * {@code mesh}.
   *
   * @return the destination host and the mirror host (or {@code null})
   */
  Optional<Route> route(String host, String gateway) {
    for (GenericKubernetesResource vs : informer.getStore().list()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> spec = (Map<String, Object>) vs.getAdditionalProperties().get("spec");
      if (spec != null && spec.get("hosts") instanceof List<?> hosts && (hosts.contains(host) || hosts.contains("*"))
          && boundTo(spec.get("gateways"), gateway)) {
        return pick(Trees.list(spec, "http"));
      }
    }
    return Optional.empty();
  }

  private static boolean boundTo(Object gateways, String gateway) {
    List<?> list = gateways instanceof List<?> l ? l : List.of();
    if (gateway == null) {
      return list.isEmpty() || list.contains("mesh");
    }
    return list.stream().anyMatch(g -> g.toString().startsWith(gateway));
  }

  private static Optional<Route> pick(List<Map<String, Object>> routes) {
    Map<String, Object> weighted = null;
    for (Map<String, Object> r : routes) {
      if (!Trees.list(r, "route").isEmpty()) {
        weighted = r;
      }
    }
    if (weighted == null) {
      return Optional.empty();
    }
    List<Map<String, Object>> destinations = Trees.list(weighted, "route");
    int total = destinations.stream().mapToInt(MeshRoutes::weight).sum();
    if (total <= 0) {
      return Optional.empty();
    }
    int draw = ThreadLocalRandom.current().nextInt(total);
    String chosen = null;
    for (Map<String, Object> d : destinations) {
      draw -= weight(d);
      if (chosen == null && draw < 0) {
        chosen = host(d);
      }
    }
    return Optional.of(new Route(chosen, mirror(weighted)));
  }

  private static int weight(Map<String, Object> destination) {
    return destination.get("weight") instanceof Number n ? n.intValue() : 100;
  }

  private static String host(Map<String, Object> destination) {
    return String.valueOf(Trees.map(destination, "destination").get("host"));
  }

  private static String mirror(Map<String, Object> route) {
    Object host = Trees.map(route, "mirror").get("host");
    if (host == null) {
      return null;
    }
    Object percent = Trees.map(route, "mirrorPercentage").get("value");
    double p = percent instanceof Number n ? n.doubleValue() : 100;
    return ThreadLocalRandom.current().nextDouble(100) < p ? host.toString() : null;
  }

  @Override
  public void close() {
    informer.close();
  }

  /**
   * A routing decision.
   *
   * @param host the destination service
   * @param mirror the service that receives a copy, or {@code null}
   */
  record Route(String host, String mirror) {}
}
