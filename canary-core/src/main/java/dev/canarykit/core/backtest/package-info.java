/**
 * Backtests: replay a Canary's analysis over a real release's history, tick by tick, under Flagger's thresholds
 * and under the statistical judge, with the real state machine deciding from the same observations.
 *
 * <pre>{@code
 * List<BacktestSummary> s = Backtest.runAll(canary, windows, List.of(Policy.FLAGGER, Policy.STATISTICAL),
 *     history, Backtest.Progress.NONE);
 * s.get(1).missedRegressionRate();
 * }</pre>
 *
 * <p>History is a {@link dev.canarykit.core.backtest.History}; canary-prometheus reads it from a Prometheus.
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so ("or
 * {@code null}"); an absent result is an empty {@link java.util.Optional} or an empty collection.
 */
package dev.canarykit.core.backtest;
