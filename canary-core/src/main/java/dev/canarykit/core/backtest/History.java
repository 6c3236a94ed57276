package dev.canarykit.core.backtest;

import dev.canarykit.core.model.Canary;
import java.time.Instant;

/**
 * Where a backtest reads the past: what a Canary's analysis would have observed at a given instant. The
 * Prometheus implementation is {@code dev.canarykit.prometheus.PrometheusHistory}; tests may answer from memory.
 *
 * @since 0.1.0
 */
public interface History {

  /**
   * Checks that the window can be replayed at all: the history reaches back to its start and holds series for
   * both versions in it.
   *
   * @throws BacktestException naming the problem, the window and the history's address
   */
  void check(Canary canary, ReleaseWindow window);

  /**
   * Everything the analysis could ask at {@code at}: every metric of the Canary's analysis evaluated at that
   * instant over its own window (as the live analysis queries it), and what each version served over the analysis
   * interval ending at {@code at}.
   *
   * @throws BacktestException when the history cannot be read (an unreachable server), never for a metric's own
   *     error, which is part of the observation as the live analysis would have seen it
   */
  Observation observe(Canary canary, Instant at);
}
