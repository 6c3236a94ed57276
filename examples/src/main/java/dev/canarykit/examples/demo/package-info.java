/**
 * {@code canarykit demo}: the seed release (podinfo 3.1.0 to 3.1.1) end to end on an embedded fabric8 mock API
 * server, a simulated Istio mesh with in-process podinfo workloads, a real Prometheus and a load tester, driven by
 * canarykit's real adapters.
 *
 * <pre>{@code
 * java -jar examples/target/canarykit.jar demo --scenario slow --dump /tmp/objects
 * }</pre>
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so ("or
 * {@code null}"); an absent result is an empty {@link java.util.Optional} or an empty collection.
 */
package dev.canarykit.examples.demo;
