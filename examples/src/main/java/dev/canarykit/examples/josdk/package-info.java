/**
 * canarykit inside a Java Operator SDK operator: {@link dev.canarykit.examples.josdk.CanaryReconciler}.
 *
 * <pre>{@code
 * Operator operator = new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false));
 * operator.register(new CanaryReconciler(controllerConfig));
 * operator.start();
 * }</pre>
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so ("or
 * {@code null}"); an absent result is an empty {@link java.util.Optional} or an empty collection.
 */
package dev.canarykit.examples.josdk;
