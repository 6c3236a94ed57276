/**
 * Kubernetes Events for the machine's events.
 *
 * <pre>{@code
 * EventSink events = KubernetesEventSink.builder(client).build();
 * events.event(canary, CanaryEvent.info("Initialization done! podinfo.test"));
 * }</pre>
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so ("or
 * {@code null}"); an absent result is an empty {@link java.util.Optional} or an empty collection.
 */
package dev.canarykit.k8s.event;
