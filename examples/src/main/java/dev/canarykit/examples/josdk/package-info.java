/**
 * canarykit inside a Java Operator SDK operator: {@link dev.canarykit.examples.josdk.CanaryReconciler}.
 *
 * <pre>{@code
 * Operator operator = new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false));
 * operator.register(new CanaryReconciler(controllerConfig));
 * operator.start();
 * }</pre>
 */
package dev.canarykit.examples.josdk;
