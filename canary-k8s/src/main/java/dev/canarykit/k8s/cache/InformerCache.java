package dev.canarykit.k8s.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ClusterReader} backed by one shared informer per kind. A miss in the cache (an object just created, or
 * a kind without informer) falls back to a direct GET, so callers never see "not found" for an object that
 * exists; a hit costs no request. Informers start on {@link #start()} and stop on {@link #close()}; the client
 * stays open (the caller owns it).
 *
 * <pre>{@code
 * InformerCache cache = InformerCache.create(client, "test", List.of(Deployment.class, Service.class));
 * cache.start();
 * Optional<Deployment> d = cache.get(Deployment.class, "test", "podinfo");
 * }</pre>
 */
public final class InformerCache implements ClusterReader, AutoCloseable {
  private final KubernetesClient client;
  private final String namespace;
  private final List<Class<? extends HasMetadata>> kinds;
  private final Map<Class<?>, SharedIndexInformer<? extends HasMetadata>> informers = new LinkedHashMap<>();
  private final Map<Class<?>, String> selectors = new LinkedHashMap<>();
  private final ClusterReader fallback;

  private InformerCache(KubernetesClient client, String namespace, List<Class<? extends HasMetadata>> kinds) {
    this.client = client;
    this.namespace = namespace;
    this.kinds = List.copyOf(kinds);
    this.fallback = ClusterReader.direct(client);
  }

  /**
   * A cache of {@code kinds} in {@code namespace} ({@code null} for every namespace).
   *
   * @param client the client, owned by the caller and never closed here
   */
  public static InformerCache create(
      KubernetesClient client, String namespace, List<Class<? extends HasMetadata>> kinds) {
    return new InformerCache(client, namespace, kinds);
  }

  /**
   * Watches only the objects of {@code kind} that the label selector {@code selector} selects (such as
   * {@code app=podinfo,!canary}); {@code null} for all. Takes effect at {@link #start()}.
   */
  public synchronized InformerCache labelSelector(Class<? extends HasMetadata> kind, String selector) {
    if (selector == null) {
      selectors.remove(kind);
    } else {
      selectors.put(kind, selector);
    }
    return this;
  }

  /**
   * Starts every informer and waits for its first list; calling it again does nothing. All or nothing: when an
   * informer cannot start, the ones already started are stopped.
   *
   * @throws IllegalStateException naming the kind and namespace whose informer failed (the cause attached)
   */
  public synchronized InformerCache start() {
    for (Class<? extends HasMetadata> kind : kinds) {
      try {
        informers.computeIfAbsent(kind, this::inform);
      } catch (RuntimeException e) {
        close();
        String group = HasMetadata.getGroup(kind);
        throw new IllegalStateException("the informer of " + HasMetadata.getPlural(kind)
            + (group.isEmpty() ? "" : "." + group) + (namespace == null ? " in every namespace" : " in namespace " + namespace)
            + (selectors.containsKey(kind) ? " labelled " + selectors.get(kind) : "")
            + " did not start: " + e.getMessage(), e);
      }
    }
    return this;
  }

  private SharedIndexInformer<? extends HasMetadata> inform(Class<?> kind) {
    @SuppressWarnings("unchecked")
    Class<HasMetadata> type = (Class<HasMetadata>) kind;
    var op = client.resources(type);
    var scoped = namespace == null ? op.inAnyNamespace() : op.inNamespace(namespace);
    String selector = selectors.get(kind);
    return selector == null ? scoped.inform() : scoped.withLabelSelector(selector).inform();
  }

  /** Adds a handler to the informer of {@code kind} (which must be one of this cache's kinds, started). */
  @SuppressWarnings("unchecked")
  public synchronized <T extends HasMetadata> void addHandler(Class<T> kind, ResourceEventHandler<? super T> handler) {
    SharedIndexInformer<T> informer = (SharedIndexInformer<T>) informers.get(kind);
    if (informer == null) {
      throw new IllegalStateException("no started informer for " + kind.getSimpleName());
    }
    informer.addEventHandler(handler);
  }

  /** The objects of {@code kind} in the cache. */
  @SuppressWarnings("unchecked")
  public synchronized <T extends HasMetadata> List<T> list(Class<T> kind) {
    SharedIndexInformer<T> informer = (SharedIndexInformer<T>) informers.get(kind);
    return informer == null ? List.of() : informer.getStore().list();
  }

  /** The cached object only, never a request: empty when the cache does not hold it. */
  public <T extends HasMetadata> Optional<T> cached(Class<T> type, String ns, String name) {
    SharedIndexInformer<? extends HasMetadata> informer;
    synchronized (this) {
      informer = informers.get(type);
    }
    return informer == null ? Optional.empty()
        : Optional.ofNullable(informer.getStore().getByKey(ns + "/" + name)).map(type::cast);
  }

  @Override
  public <T extends HasMetadata> Optional<T> get(Class<T> type, String ns, String name) {
    SharedIndexInformer<? extends HasMetadata> informer;
    synchronized (this) {
      informer = informers.get(type);
    }
    if (informer != null) {
      HasMetadata cached = informer.getStore().getByKey(ns + "/" + name);
      if (cached != null) {
        return Optional.of(type.cast(cached));
      }
    }
    return fallback.get(type, ns, name);
  }

  /** Stops every informer; the client stays open. */
  @Override
  public synchronized void close() {
    informers.values().forEach(SharedIndexInformer::stop);
    informers.clear();
  }
}
