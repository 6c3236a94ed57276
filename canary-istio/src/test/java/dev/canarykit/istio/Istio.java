package dev.canarykit.istio;

import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.client.IstioClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Reads what the router wrote, as typed objects and as trees. */
final class Istio {
  private final KubernetesClient client;

  Istio(KubernetesClient client) {
    this.client = client;
  }

  VirtualService vs(String name) {
    return client.adapt(IstioClient.class).v1().virtualServices().inNamespace("test").withName(name).get();
  }

  DestinationRule dr(String name) {
    return client.adapt(IstioClient.class).v1().destinationRules().inNamespace("test").withName(name).get();
  }

  /** The spec of VirtualService podinfo as a tree. */
  Map<String, Object> spec() {
    return tree(vs("podinfo").getSpec());
  }

  /** The {@code http} routes of VirtualService podinfo. */
  List<Map<String, Object>> http() {
    return Trees.children(spec(), "http");
  }

  /** Replaces the spec of VirtualService podinfo, as a user editing it would. */
  void replaceSpec(Map<String, Object> spec) {
    VirtualService vs = vs("podinfo");
    vs.setSpec(client.getKubernetesSerialization().convertValue(spec,
        io.fabric8.istio.api.api.networking.v1alpha3.VirtualService.class));
    client.adapt(IstioClient.class).v1().virtualServices().inNamespace("test").resource(vs).update();
  }

  void create(VirtualService vs) {
    client.adapt(IstioClient.class).v1().virtualServices().inNamespace("test").resource(vs).create();
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> tree(Object value) {
    return client.getKubernetesSerialization().convertValue(value, Map.class);
  }

  /** A YAML or JSON document as a tree. */
  @SuppressWarnings("unchecked")
  Map<String, Object> parse(String text) {
    return client.getKubernetesSerialization().unmarshal(text, Map.class);
  }

  /** A test resource as a tree. */
  Map<String, Object> resource(String path) {
    try (InputStream in = Istio.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A route's destinations as {@code host=weight} strings. */
  static List<String> weights(Map<String, Object> route) {
    return Trees.children(route, "route").stream()
        .map(d -> Trees.text(Trees.child(d, "destination"), "host") + "=" + d.get("weight")).toList();
  }
}
