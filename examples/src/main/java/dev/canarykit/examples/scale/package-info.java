/**
 * The scale harness ({@code scripts/scale.sh}): N Canaries with their Deployments driven by one
 * {@code CanaryController}, measured idle and with a share of them releasing (docs/benchmarks.md). Not part of
 * canarykit's API.
 */
package dev.canarykit.examples.scale;
