package dev.canarykit.prometheus;

import dev.canarykit.core.model.MetricSpec;

/**
 * The analysis' pass/fail comparison of a metric value (docs/flagger-compatibility.md §5.1, §5.4), for tools such as
 * the {@code check} command that print a verdict next to the raw value. It mirrors the core machine: a
 * {@code thresholdRange} passes inclusive bounds; without one the deprecated {@code threshold} is a minimum for the
 * built-in success rate and a maximum otherwise (unset meaning 0); the built-in request duration is compared in
 * whole milliseconds, truncated.
 */
public final class MetricComparison {
  private MetricComparison() {}

  /** Whether {@code value} passes {@code metric}'s thresholds. */
  public static boolean passes(MetricSpec metric, double value) {
    boolean duration = MetricSpec.REQUEST_DURATION.equals(metric.name()) && metric.kind() == MetricSpec.Kind.BUILTIN;
    boolean rate = MetricSpec.REQUEST_SUCCESS_RATE.equals(metric.name())
        && metric.kind() == MetricSpec.Kind.BUILTIN;
    double v = duration ? wholeMillis(value) : value;
    if (metric.thresholdRange() != null) {
      Double min = metric.thresholdRange().min();
      Double max = metric.thresholdRange().max();
      return !(min != null && v < (duration ? wholeMillis(min) : min))
          && !(max != null && v > (duration ? wholeMillis(max) : max));
    }
    double threshold = metric.threshold() == null ? 0 : metric.threshold();
    threshold = duration ? wholeMillis(threshold) : threshold;
    return rate ? !(threshold > v) : !(v > threshold);
  }

  /** Truncated to whole milliseconds, as Flagger converts the P99 to a Duration; NaN counts as 0. */
  static double wholeMillis(double ms) {
    if (Double.isNaN(ms)) {
      return 0;
    }
    return (double) (long) Math.max(Math.min(ms, Long.MAX_VALUE / 1_000_000.0), -Long.MAX_VALUE / 1_000_000.0);
  }
}
