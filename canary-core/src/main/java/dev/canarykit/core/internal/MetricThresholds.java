package dev.canarykit.core.internal;

import static java.util.Locale.ROOT;

import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.MetricSpec.Kind;
import dev.canarykit.core.model.MetricSpec.ThresholdRange;
import java.time.Duration;
import java.util.Optional;

/**
 * The analysis' comparison of a metric value with its thresholds (docs/flagger-compatibility.md §5.1, §5.4), in
 * one place: the state machine uses it when a value comes back from a query, and tools that show a verdict next to
 * a value (the {@code check} command, backtest reports) use it so they say exactly what the machine would decide.
 */
public final class MetricThresholds {
  private MetricThresholds() {}

  /** Whether {@code value} passes {@code metric}'s thresholds. */
  public static boolean passes(MetricSpec metric, double value) {
    return failureOrNull(metric, value) == null;
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
    boolean rate = MetricSpec.REQUEST_SUCCESS_RATE.equals(metric.name()) && metric.kind() == Kind.BUILTIN;
    return rate ? ThresholdRange.atLeast(t) : ThresholdRange.atMost(t);
  }

  /**
   * Why {@code value} fails {@code metric}'s thresholds, in Flagger's words after "advancement" (for example
   * {@code success rate 98.50% < 99%} or {@code request duration 800ms > 500ms}); empty when it passes.
   */
  public static Optional<String> failure(MetricSpec metric, double value) {
    return Optional.ofNullable(failureOrNull(metric, value));
  }

  /** Built for the hot path: {@code null} when the value passes, so a passing check allocates nothing. */
  private static String failureOrNull(MetricSpec m, double value) {
    return MetricSpec.REQUEST_DURATION.equals(m.name()) && m.kind() == Kind.BUILTIN
        ? durationFailure(m, value)
        : valueFailure(m, value);
  }

  /** Success rate and custom metrics; {@code null} when the value passes. */
  private static String valueFailure(MetricSpec m, double v) {
    boolean rate = MetricSpec.REQUEST_SUCCESS_RATE.equals(m.name()) && m.kind() == Kind.BUILTIN;
    String unit = rate ? "%" : "";
    if (m.thresholdRange() != null) {
      Double min = m.thresholdRange().min();
      Double max = m.thresholdRange().max();
      if (min != null && v < min) {
        return label(m, v, rate) + " < " + GoDuration.formatNumber(min) + unit;
      }
      if (max != null && v > max) {
        return label(m, v, rate) + " > " + GoDuration.formatNumber(max) + unit;
      }
      return null;
    }
    double threshold = m.threshold() == null ? 0 : m.threshold();
    if (rate) {
      return threshold > v ? label(m, v, true) + " < " + GoDuration.formatNumber(threshold) + unit : null;
    }
    return v > threshold ? label(m, v, false) + " > " + GoDuration.formatNumber(threshold) : null;
  }

  /** Built only on failure: formatting is the costly part of a passing check. */
  private static String label(MetricSpec m, double v, boolean rate) {
    String value = String.format(ROOT, "%.2f", v);
    return rate ? "success rate " + value + "%" : m.name() + " " + value;
  }

  /** P99 duration in milliseconds, truncated to whole milliseconds as Flagger does. */
  private static String durationFailure(MetricSpec m, double v) {
    Duration value = millis(v);
    if (m.thresholdRange() != null) {
      Double min = m.thresholdRange().min();
      Double max = m.thresholdRange().max();
      if (min != null && value.compareTo(millis(min)) < 0) {
        return durationLabel(value) + " < " + GoDuration.format(millis(min));
      }
      if (max != null && value.compareTo(millis(max)) > 0) {
        return durationLabel(value) + " > " + GoDuration.format(millis(max));
      }
      return null;
    }
    Duration threshold = millis(m.threshold() == null ? 0 : m.threshold());
    return value.compareTo(threshold) > 0 ? durationLabel(value) + " > " + GoDuration.format(threshold) : null;
  }

  private static String durationLabel(Duration value) {
    return "request duration " + GoDuration.format(value);
  }

  private static Duration millis(double ms) {
    if (Double.isNaN(ms)) {
      return Duration.ZERO;
    }
    long whole = (long) Math.max(Math.min(ms, Long.MAX_VALUE / 1_000_000.0), -Long.MAX_VALUE / 1_000_000.0);
    return Duration.ofMillis(whole);
  }
}
