/**
 * Flagger's controller metrics through Micrometer (an optional dependency), fed by the driver's
 * {@link dev.canarykit.core.driver.CanaryListener}.
 *
 * <pre>{@code
 * FlaggerMetrics metrics = new FlaggerMetrics(prometheusRegistry, "0.1.0", "istio");
 * CanaryDriver driver = CanaryDriver.builder()...listener(metrics).build();
 * metrics.setTotal("test", 3);   // the controller counts its canaries per namespace
 * }</pre>
 */
package dev.canarykit.k8s.metrics;
