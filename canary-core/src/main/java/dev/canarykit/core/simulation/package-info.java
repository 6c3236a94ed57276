/**
 * The analysis policies canarykit compares ({@link dev.canarykit.core.simulation.Policy}: Flagger's thresholds, the
 * statistical judge) and how one release ended under a policy ({@link dev.canarykit.core.simulation.RunResult}):
 * the vocabulary of backtests ({@code dev.canarykit.core.backtest}) and of {@code canarykit simulate}. The simulator
 * itself is the engine of that command, not API.
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so ("or
 * {@code null}"); an absent result is an empty {@link java.util.Optional} or an empty collection.
 */
package dev.canarykit.core.simulation;
