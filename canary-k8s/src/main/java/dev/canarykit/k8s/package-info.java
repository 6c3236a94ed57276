/**
 * Kubernetes adapter (fabric8): Flagger's resources mapped to the core, offline document checks, the CRDs for
 * clusters without Flagger, and the secret resolver.
 *
 * <pre>{@code
 * CanaryResource r = client.resources(CanaryResource.class).inNamespace("test").withName("podinfo").get();
 * Canary canary = CanaryMapping.toCore(r).requireValid();
 * CanaryStatus status = CanaryStatusMapping.toCore(r.getStatus());
 * SecretResolver secrets = new KubernetesSecretResolver(client);
 * }</pre>
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so ("or
 * {@code null}"); an absent result is an empty {@link java.util.Optional} or an empty collection.
 */
package dev.canarykit.k8s;
