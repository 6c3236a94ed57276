package dev.canarykit.prometheus;

import dev.canarykit.core.analysis.MetricThresholds;
import dev.canarykit.core.model.MetricSpec;

/**
 * The analysis' pass/fail comparison of a metric value (docs/flagger-compatibility.md §5.1, §5.4), for tools such
 * as the {@code check} command that print a verdict next to the raw value: the core machine's own comparison
 * ({@link MetricThresholds}). A {@code thresholdRange} passes inclusive bounds; without one the deprecated
 * {@code threshold} is a minimum for the built-in success rate and a maximum otherwise (unset meaning 0); the
 * built-in request duration is compared in whole milliseconds, truncated.
 */
public final class MetricComparison {
  private MetricComparison() {}

  /** Whether {@code value} passes {@code metric}'s thresholds. */
  public static boolean passes(MetricSpec metric, double value) {
    return MetricThresholds.passes(metric, value);
  }
}
