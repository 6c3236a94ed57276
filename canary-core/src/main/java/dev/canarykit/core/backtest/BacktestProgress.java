package dev.canarykit.core.backtest;

/**
 * Told after each tick of history is observed, for progress on long runs.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface BacktestProgress {
  /** Reports nothing. */
  BacktestProgress NONE = (window, observed, ticks) -> {};

  /**
   * {@code observed} of {@code ticks} ticks of {@code window} have been read from history.
   */
  void observed(ReleaseWindow window, int observed, int ticks);
}
