/**
 * Reading Kubernetes objects directly or from informer caches.
 *
 * <pre>{@code
 * ClusterReader reader = InformerCache.create(client, null, List.of(Deployment.class)).start();
 * reader.get(Deployment.class, "test", "podinfo").ifPresent(d -> ...);
 * }</pre>
 */
package dev.canarykit.k8s.cache;
