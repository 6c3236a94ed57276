package dev.canarykit.core.analysis;

import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.ThresholdRange;
import java.util.Optional;

/**
 * The analysis' own comparison of a metric value with its thresholds (docs/flagger-compatibility.md §5.1, §5.4),
 * for tools that show a verdict next to a value (the {@code check} command, backtests): exactly what the machine
 * decides when the value comes back from a query.
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
   * The inclusive range of passing values: the {@code thresholdRange}, else the deprecated {@code threshold} as a
   * minimum for the built-in success rate and a maximum otherwise (unset meaning 0). The built-in request duration
   * is compared in whole milliseconds, truncated, so values up to the next whole millisecond pass too.
   */
  public static ThresholdRange range(MetricSpec metric) {
    if (metric.thresholdRange() != null) {
      return metric.thresholdRange();
    }
    double t = metric.threshold() == null ? 0 : metric.threshold();
    boolean rate = MetricSpec.REQUEST_SUCCESS_RATE.equals(metric.name()) && metric.kind() == MetricSpec.Kind.BUILTIN;
    return rate ? ThresholdRange.atLeast(t) : ThresholdRange.atMost(t);
  }

  /**
   * Why {@code value} fails {@code metric}'s thresholds, in Flagger's words (for example
   * {@code success rate 98.50% < 99%} or {@code request duration 800ms > 500ms}); empty when it passes.
   */
  public static Optional<String> failure(MetricSpec metric, double value) {
    return Optional.ofNullable(MetricChecks.MetricVerdict.failure(metric, value));
  }
}
