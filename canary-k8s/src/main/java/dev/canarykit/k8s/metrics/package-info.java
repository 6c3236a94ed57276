/**
 * Flagger's controller metrics through Micrometer (an optional dependency), fed by the driver's
 * {@link dev.canarykit.core.driver.CanaryListener}.
 *
 * <pre>{@code
 * FlaggerMetrics metrics = new FlaggerMetrics(prometheusRegistry, "0.1.0", "istio");
 * CanaryDriver driver = CanaryDriver.builder()...listener(metrics).build();
 * metrics.setTotal("test", 3);   // the controller counts its canaries per namespace
 * }</pre>
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so ("or
 * {@code null}"); an absent result is an empty {@link java.util.Optional} or an empty collection.
 */
package dev.canarykit.k8s.metrics;
