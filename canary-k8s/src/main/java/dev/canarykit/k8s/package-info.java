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
 */
package dev.canarykit.k8s;
