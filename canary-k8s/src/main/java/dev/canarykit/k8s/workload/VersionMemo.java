package dev.canarykit.k8s.workload;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A value computed from an API object, kept while the object keeps its uid and resourceVersion (an informer
 * cache hands the same versions out until the object changes). An idle tick therefore does not convert and hash the
 * pod template or checksum a tracked ConfigMap again. Objects without a resourceVersion are computed every time.
 *
 * @param <V> the value
 */
final class VersionMemo<V> {
  private record Entry<V>(String version, V value) {}

  private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
  private final AtomicLong computed = new AtomicLong();

  /** The value of {@code o}: the one kept for its version, or {@code compute}'s (then kept). */
  <T extends HasMetadata> V get(T o, Function<? super T, ? extends V> compute) {
    String rv = o.getMetadata().getResourceVersion();
    String key = o.getClass().getSimpleName() + "/" + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
    String version = o.getMetadata().getUid() + "/" + rv;
    Entry<V> known = entries.get(key);
    if (rv != null && known != null && known.version().equals(version)) {
      return known.value();
    }
    computed.incrementAndGet();
    V value = compute.apply(o);
    if (rv != null) {
      entries.put(key, new Entry<>(version, value));
    }
    return value;
  }

  /** How many values were computed rather than reused (for tests). */
  long computed() {
    return computed.get();
  }
}
