/**
 * Istio routing for canarykit: {@link dev.canarykit.istio.IstioTrafficRouter} implements the core's
 * {@link dev.canarykit.core.port.TrafficRouter} with a VirtualService and two DestinationRules
 * ({@code networking.istio.io/v1}).
 *
 * <pre>{@code
 * try (KubernetesClient client = new KubernetesClientBuilder().build()) {
 *   TrafficRouter router = new IstioTrafficRouter(client);
 *   CanaryDriver driver = ...;   // hand the router to the driver with the other ports
 * }
 * }</pre>
 */
package dev.canarykit.istio;
