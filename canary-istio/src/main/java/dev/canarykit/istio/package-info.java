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
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so ("or
 * {@code null}"); an absent result is an empty {@link java.util.Optional} or an empty collection.
 */
package dev.canarykit.istio;
