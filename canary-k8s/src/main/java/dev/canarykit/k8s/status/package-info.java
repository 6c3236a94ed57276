/**
 * Canary status persistence through the status subresource.
 *
 * <pre>{@code
 * StatusStore statuses = KubernetesStatusStore.create(client);
 * StatusRead read = statuses.read("test", "podinfo");
 * }</pre>
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so ("or
 * {@code null}"); an absent result is an empty {@link java.util.Optional} or an empty collection.
 */
package dev.canarykit.k8s.status;
