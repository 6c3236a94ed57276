package dev.canarykit.core.internal.validation;

import static dev.canarykit.core.internal.GoDuration.formatNumber;

import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.MetricSpec.ThresholdRange;

/**
 * Rules for a metric's pass range ({@code thresholdRange}, deprecated {@code threshold}): it must be bounded,
 * ordered, and, for the built-in metrics, possible to meet.
 */
final class ThresholdRules {
  private ThresholdRules() {}

  static void check(MetricSpec m, Violations v) {
    ThresholdRange r = m.thresholdRange();
    boolean unbounded = r == null && m.threshold() == null || r != null && r.min() == null && r.max() == null;
    // Built-ins without a bound check nothing (harmless, and common in Flagger YAML); a custom metric without a
    // bound fails on every positive value, which is never what its author meant.
    if (unbounded && m.kind() != MetricSpec.Kind.BUILTIN) {
      v.add("thresholdRange", r, "is required: set min and/or max (or the deprecated threshold); without a bound"
          + " a custom metric fails on any positive value");
    }
    if (m.threshold() != null && m.threshold().isNaN()) {
      v.add("threshold", m.threshold(), "must be a number");
    }
    boolean rangeOk = r == null || checkRange(r, v.at("thresholdRange"));
    if (rangeOk && m.kind() == MetricSpec.Kind.BUILTIN) {
      checkBuiltin(m, v);
    }
  }

  /** Checks the range on its own; returns whether it is well-formed. */
  private static boolean checkRange(ThresholdRange r, Violations v) {
    boolean ok = true;
    if (r.min() != null && r.min().isNaN()) {
      v.add("min", r.min(), "must be a number");
      ok = false;
    }
    if (r.max() != null && r.max().isNaN()) {
      v.add("max", r.max(), "must be a number");
      ok = false;
    }
    if (ok && r.min() != null && r.max() != null && r.min() > r.max()) {
      v.add("min", r.min(), "min " + formatNumber(r.min()) + " is above max " + formatNumber(r.max())
          + ": no value could pass");
      ok = false;
    }
    return ok;
  }

  private static void checkBuiltin(MetricSpec m, Violations v) {
    if (MetricSpec.REQUEST_SUCCESS_RATE.equals(m.name())) {
      checkSuccessRate(m, v);
    } else {
      checkDuration(m, v);
    }
  }

  private static void checkSuccessRate(MetricSpec m, Violations v) {
    ThresholdRange r = m.thresholdRange();
    String why = "can never be met: request-success-rate is a percentage between 0 and 100";
    if (r != null && r.min() != null && r.min() > 100) {
      v.add("thresholdRange.min", r.min(), why);
    }
    if (r != null && r.max() != null && r.max() < 0) {
      v.add("thresholdRange.max", r.max(), why);
    }
    if (m.threshold() != null && m.threshold() > 100) {
      v.add("threshold", m.threshold(), why + " (the deprecated threshold is a minimum)");
    }
  }

  private static void checkDuration(MetricSpec m, Violations v) {
    ThresholdRange r = m.thresholdRange();
    String why = "must be >= 0: request-duration is a P99 latency in milliseconds";
    if (r != null && r.min() != null && r.min() < 0) {
      v.add("thresholdRange.min", r.min(), why);
    }
    if (r != null && r.max() != null && r.max() < 0) {
      v.add("thresholdRange.max", r.max(), why);
    }
    if (m.threshold() != null && m.threshold() < 0) {
      v.add("threshold", m.threshold(), why + " (the deprecated threshold is a maximum)");
    }
  }
}
