package dev.canarykit.core.backtest;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.judge.IntervalCounts;
import dev.canarykit.core.model.Canary;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

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

  /**
   * What history shows at one tick: each metric's result (as the live analysis would have read it at that instant)
   * and what each version served over the analysis interval ending then. Both policies decide from the same
   * observations.
   *
   * @param at the evaluation time
   * @param metrics each metric's result by metric name, in the analysis' order
   * @param counts {@link Outcome.Counts} per version, or {@link Outcome.Failed}
   * @since 0.1.0
   */
  record Observation(Instant at, Map<String, Outcome.MetricResult> metrics, Outcome.CountsResult counts) {

    public Observation {
      Objects.requireNonNull(at, "at == null");
      metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
      Objects.requireNonNull(counts, "counts == null");
    }

    /** The counts per version, when they could be read. */
    public java.util.Optional<IntervalCounts> intervalCounts() {
      return counts instanceof Outcome.Counts c ? java.util.Optional.of(c.counts()) : java.util.Optional.empty();
    }

    /**
     * The canary's share of the requests both versions served in the interval, in percent: the traffic split as
     * history holds it. Empty when nothing was served or the counts could not be read.
     */
    public OptionalDouble weightSeen() {
      return intervalCounts().filter(c -> c.canary().requests() + c.primary().requests() > 0)
          .map(c -> OptionalDouble.of(100 * c.canary().requests() / (c.canary().requests() + c.primary().requests())))
          .orElse(OptionalDouble.empty());
    }

    /** Whether the canary served at least one request in the interval. */
    public boolean canaryServed() {
      return intervalCounts().map(c -> c.canary().requestCount() > 0).orElse(false);
    }
  }
}
