package dev.canarykit.core.backtest;

/**
 * A backtest that cannot run: a window with no telemetry for one version, a window the history no longer holds, an
 * unreachable history, a Canary whose templates are missing. The message names the problem and what to check.
 *
 * @since 0.1.0
 */
public final class BacktestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A problem described by {@code message}. */
  public BacktestException(String message) {
    super(message);
  }
}
