package dev.canarykit.core.analysis;

import dev.canarykit.core.model.MetricSpec;
import java.util.Optional;

/**
 * The analysis' own comparison of a metric value with its thresholds (flagger-behaviour.md §5.1, §5.4), for tools
 * that show a verdict next to a value (the {@code check} command, backtests): exactly what the machine decides
 * when the value comes back from a query.
 *
 * @since 0.1.0
 */
public final class MetricThresholds {
  private MetricThresholds() {}

  /** Whether {@code value} passes {@code metric}'s thresholds. */
  public static boolean passes(MetricSpec metric, double value) {
    return failure(metric, value).isEmpty();
  }

  /**
   * Why {@code value} fails {@code metric}'s thresholds, in Flagger's words (for example
   * {@code success rate 98.50% < 99%} or {@code request duration 800ms > 500ms}); empty when it passes.
   */
  public static Optional<String> failure(MetricSpec metric, double value) {
    return Optional.ofNullable(MetricChecks.MetricVerdict.failure(metric, value));
  }
}
