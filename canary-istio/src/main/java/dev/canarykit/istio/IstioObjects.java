package dev.canarykit.istio;

import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.client.IstioClient;
import io.fabric8.istio.client.V1APIGroupDSL;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The VirtualServices and DestinationRules ({@code networking.istio.io/v1}) and the serialization that turns
 * their specs into trees. Not final: tests put a competing write between a read and a write.
 */
class IstioObjects {
  private final V1APIGroupDSL istio;
  private final KubernetesSerialization serialization;
  private final IstioInformers cache;

  IstioObjects(KubernetesClient client) {
    this(client, null);
  }

  /** Objects read through {@code cache} first when it is not {@code null}. */
  IstioObjects(KubernetesClient client, IstioInformers cache) {
    this.istio = client.adapt(IstioClient.class).v1();
    this.serialization = client.getKubernetesSerialization();
    this.cache = cache;
  }

  /** A copy of the cached VirtualService, else (no cache, or a miss) a fresh read. */
  VirtualService cachedVirtualService(String namespace, String name) {
    VirtualService cached = cache == null ? null : cache.virtualService(namespace, name);
    return cached == null ? virtualService(namespace, name) : serialization.clone(cached);
  }

  /** A copy of the cached DestinationRule, else (no cache, or a miss) a fresh read. */
  DestinationRule cachedDestinationRule(String namespace, String name) {
    DestinationRule cached = cache == null ? null : cache.destinationRule(namespace, name);
    return cached == null ? destinationRule(namespace, name) : serialization.clone(cached);
  }

  /** The VirtualService read from the API server, or {@code null} when there is none. */
  VirtualService virtualService(String namespace, String name) {
    return istio.virtualServices().inNamespace(namespace).withName(name).get();
  }

  void create(VirtualService vs) {
    istio.virtualServices().inNamespace(vs.getMetadata().getNamespace()).resource(vs).create();
  }

  /** Replaces the object; fails with 409 when its resourceVersion is stale. */
  void update(VirtualService vs) {
    istio.virtualServices().inNamespace(vs.getMetadata().getNamespace()).resource(vs).update();
  }

  /** The DestinationRule read from the API server, or {@code null} when there is none. */
  DestinationRule destinationRule(String namespace, String name) {
    return istio.destinationRules().inNamespace(namespace).withName(name).get();
  }

  void create(DestinationRule dr) {
    istio.destinationRules().inNamespace(dr.getMetadata().getNamespace()).resource(dr).create();
  }

  /** Replaces the object; fails with 409 when its resourceVersion is stale. */
  void update(DestinationRule dr) {
    istio.destinationRules().inNamespace(dr.getMetadata().getNamespace()).resource(dr).update();
  }

  /** A typed spec as a tree; {@code null} is an empty tree. */
  @SuppressWarnings("unchecked")
  Map<String, Object> tree(Object spec) {
    return spec == null ? new LinkedHashMap<>() : serialization.convertValue(spec, Map.class);
  }

  /** A tree as a typed spec. */
  <T> T typed(Map<String, Object> tree, Class<T> type) {
    return serialization.convertValue(tree, type);
  }

  /** A tree in the form the live object has after a round trip through the typed model. */
  Map<String, Object> canonical(Map<String, Object> tree, Class<?> type) {
    return tree(typed(tree, type));
  }

  /** JSON text of a value. */
  String json(Object value) {
    return serialization.asJson(value);
  }

  /** A JSON object as a tree. */
  @SuppressWarnings("unchecked")
  Map<String, Object> parse(String json) {
    return serialization.unmarshal(json, Map.class);
  }
}
