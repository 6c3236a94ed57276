/**
 * Reading Kubernetes objects directly or from informer caches.
 *
 * <pre>{@code
 * ClusterReader reader = InformerCache.create(client, null, List.of(Deployment.class)).start();
 * reader.get(Deployment.class, "test", "podinfo").ifPresent(d -> ...);
 * }</pre>
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so ("or
 * {@code null}"); an absent result is an empty {@link java.util.Optional} or an empty collection.
 */
package dev.canarykit.k8s.cache;
