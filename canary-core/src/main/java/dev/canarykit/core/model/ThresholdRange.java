package dev.canarykit.core.model;

/**
 * Inclusive pass range of a metric ({@code thresholdRange}); either bound may be unset.
 *
 * @param min the smallest passing value, or {@code null}
 * @param max the largest passing value, or {@code null}
 */
public record ThresholdRange(Double min, Double max) {
  /** A range with only a minimum. */
  public static ThresholdRange atLeast(double min) {
    return new ThresholdRange(min, null);
  }

  /** A range with only a maximum. */
  public static ThresholdRange atMost(double max) {
    return new ThresholdRange(null, max);
  }
}
