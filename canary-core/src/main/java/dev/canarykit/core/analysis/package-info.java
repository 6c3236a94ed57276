/**
 * The pure canary state machine ({@link dev.canarykit.core.analysis.CanaryAnalysis}): no I/O, no clock reads, no
 * threads. A tick is a conversation of {@link dev.canarykit.core.analysis.Command}s and
 * {@link dev.canarykit.core.analysis.Outcome}s that ends in a {@link dev.canarykit.core.analysis.Transition}.
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so; a
 * {@code null} answer to a command is rejected with an exception that names the command.
 */
package dev.canarykit.core.analysis;
