package dev.canarykit.k8s.workload;

import dev.canarykit.k8s.cache.ClusterReader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A reader that never answers with an object older than the store's own last write of it: after a write it trusts
 * the underlying reader (an informer cache) only once that shows the written resourceVersion, and GETs the object
 * until then. Objects the store never wrote are read as the underlying reader has them, so an idle tick with warm
 * caches still sends nothing.
 */
final class ReadYourWrites implements ClusterReader {
  private final ClusterReader cached;
  private final ClusterReader direct;
  private final Map<String, String> written = new ConcurrentHashMap<>();

  ReadYourWrites(ClusterReader cached, ClusterReader direct) {
    this.cached = cached;
    this.direct = direct;
  }

  @Override
  public <T extends HasMetadata> Optional<T> get(Class<T> type, String namespace, String name) {
    String version = written.get(key(type, namespace, name));
    Optional<T> seen = cached.get(type, namespace, name);
    if (version == null || seen.map(o -> version.equals(o.getMetadata().getResourceVersion())).orElse(false)) {
      return seen;
    }
    Optional<T> live = direct.get(type, namespace, name);
    live.ifPresentOrElse(this::wrote, () -> written.remove(key(type, namespace, name)));
    return live;
  }

  /** Remembers the version of an object this store wrote (or read after writing it). */
  void wrote(HasMetadata o) {
    String key = key(o.getClass(), o.getMetadata().getNamespace(), o.getMetadata().getName());
    if (o.getMetadata().getResourceVersion() == null) {
      written.remove(key);
    } else {
      written.put(key, o.getMetadata().getResourceVersion());
    }
  }

  private static String key(Class<?> type, String namespace, String name) {
    return type.getSimpleName() + "/" + namespace + "/" + name;
  }
}
