/**
 * Canary status persistence through the status subresource.
 *
 * <pre>{@code
 * StatusStore statuses = KubernetesStatusStore.create(client);
 * StatusRead read = statuses.read("test", "podinfo");
 * }</pre>
 */
package dev.canarykit.k8s.status;
