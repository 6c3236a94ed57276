package dev.canarykit.istio;

import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.client.IstioClient;
import io.fabric8.istio.client.V1APIGroupDSL;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The VirtualServices and DestinationRules ({@code networking.istio.io/v1}) and the serialization that turns
 * their specs into trees. Not final: tests put a competing write between a read and a write.
 *
 * <p><b>Read-your-writes.</b> With informers, a cached object is used only when its resourceVersion is the one
 * this object last wrote or read from the API server; any other version (the cache has not seen a write of ours
 * yet, someone else wrote, or we never looked at the object) is replaced by a GET. So the router never decides
 * from routes older than the ones it wrote, and an idle tick whose cache is current sends no request.
 */
class IstioObjects {
  private final V1APIGroupDSL istio;
  private final KubernetesSerialization serialization;
  private final IstioInformers cache;
  private final Map<String, String> confirmed = new ConcurrentHashMap<>();

  IstioObjects(KubernetesClient client) {
    this(client, null);
  }

  /** Objects read through {@code cache} first when it is not {@code null}. */
  IstioObjects(KubernetesClient client, IstioInformers cache) {
    this.istio = client.adapt(IstioClient.class).v1();
    this.serialization = client.getKubernetesSerialization();
    this.cache = cache;
  }

  /** A copy of the cached VirtualService when it is as new as what we know, else a fresh read. */
  VirtualService cachedVirtualService(String namespace, String name) {
    VirtualService cached = cache == null ? null : cache.virtualService(namespace, name);
    return confirmed(cached) ? serialization.clone(cached) : virtualService(namespace, name);
  }

  /** A copy of the cached DestinationRule when it is as new as what we know, else a fresh read. */
  DestinationRule cachedDestinationRule(String namespace, String name) {
    DestinationRule cached = cache == null ? null : cache.destinationRule(namespace, name);
    return confirmed(cached) ? serialization.clone(cached) : destinationRule(namespace, name);
  }

  /** The VirtualService read from the API server, or {@code null} when there is none. */
  VirtualService virtualService(String namespace, String name) {
    return seen(VirtualService.class, namespace, name,
        istio.virtualServices().inNamespace(namespace).withName(name).get());
  }

  void create(VirtualService vs) {
    seen(vs, istio.virtualServices().inNamespace(vs.getMetadata().getNamespace()).resource(vs).create());
  }

  /** Replaces the object; fails with 409 when its resourceVersion is stale. */
  void update(VirtualService vs) {
    seen(vs, istio.virtualServices().inNamespace(vs.getMetadata().getNamespace()).resource(vs).update());
  }

  /** The DestinationRule read from the API server, or {@code null} when there is none. */
  DestinationRule destinationRule(String namespace, String name) {
    return seen(DestinationRule.class, namespace, name,
        istio.destinationRules().inNamespace(namespace).withName(name).get());
  }

  void create(DestinationRule dr) {
    seen(dr, istio.destinationRules().inNamespace(dr.getMetadata().getNamespace()).resource(dr).create());
  }

  /** Replaces the object; fails with 409 when its resourceVersion is stale. */
  void update(DestinationRule dr) {
    seen(dr, istio.destinationRules().inNamespace(dr.getMetadata().getNamespace()).resource(dr).update());
  }

  private boolean confirmed(HasMetadata cached) {
    return cached != null && cached.getMetadata().getResourceVersion() != null
        && cached.getMetadata().getResourceVersion().equals(confirmed.get(key(cached.getClass(),
            cached.getMetadata().getNamespace(), cached.getMetadata().getName())));
  }

  /** Remembers the version of an object read from or written to the API server ({@code null}: it is gone). */
  private <T extends HasMetadata> T seen(Class<?> kind, String namespace, String name, T live) {
    String key = key(kind, namespace, name);
    if (live == null || live.getMetadata().getResourceVersion() == null) {
      confirmed.remove(key);
    } else {
      confirmed.put(key, live.getMetadata().getResourceVersion());
    }
    return live;
  }

  private void seen(HasMetadata sent, HasMetadata written) {
    seen(sent.getClass(), sent.getMetadata().getNamespace(), sent.getMetadata().getName(), written);
  }

  private static String key(Class<?> kind, String namespace, String name) {
    return kind.getSimpleName() + "/" + namespace + "/" + name;
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
