/**
 * JMH benchmarks of the machine and the driver ({@code docs/benchmarks.md} lists each with its command).
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so ("or
 * {@code null}"); an absent result is an empty {@link java.util.Optional} or an empty collection.
 */
package dev.canarykit.examples.bench;
