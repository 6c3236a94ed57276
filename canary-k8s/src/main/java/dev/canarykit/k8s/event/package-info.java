/**
 * Kubernetes Events for the machine's events.
 *
 * <pre>{@code
 * EventSink events = KubernetesEventSink.builder(client).build();
 * events.event(canary, CanaryEvent.info("Initialization done! podinfo.test"));
 * }</pre>
 */
package dev.canarykit.k8s.event;
