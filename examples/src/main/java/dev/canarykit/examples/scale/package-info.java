/**
 * The scale harness ({@code scripts/scale.sh}): N Canaries with their Deployments driven by one
 * {@code CanaryController}, measured idle and with a share of them releasing (docs/benchmarks.md). Not part of
 * canarykit's API.
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so ("or
 * {@code null}"); an absent result is an empty {@link java.util.Optional} or an empty collection.
 */
package dev.canarykit.examples.scale;
