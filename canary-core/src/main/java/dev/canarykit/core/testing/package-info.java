/**
 * The test kit: an in-memory implementation of every port, a {@link ManualClock}, and {@link CanaryTestKit}
 * which wires them to a driver so a release policy is tested in a few lines.
 *
 * <pre>{@code
 * var kit = CanaryTestKit.forCanary(canary);
 * kit.tick();                                        // initialise
 * kit.workloads().setTargetRevision("v2");           // a new release
 * kit.metrics().fix("request-success-rate", 99.5);
 * kit.tickUntil(Phase.SUCCEEDED, 20);
 * assertThat(kit.events().messages()).contains("Normal   Promotion completed! Scaling down podinfo.test");
 * }</pre>
 *
 * <p>Every class here is thread-safe (its methods are synchronized) and keeps all state in the instance.
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so ("or
 * {@code null}"); an absent result is an empty {@link java.util.Optional} or an empty collection.
 */
package dev.canarykit.core.testing;
