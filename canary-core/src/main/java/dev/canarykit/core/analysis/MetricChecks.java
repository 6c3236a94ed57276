package dev.canarykit.core.analysis;

import static java.util.Locale.ROOT;

import dev.canarykit.core.analysis.Outcome.MetricError;
import dev.canarykit.core.analysis.Outcome.MetricValue;
import dev.canarykit.core.analysis.Outcome.NoData;
import dev.canarykit.core.internal.GoDuration;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.TargetRef;
import dev.canarykit.core.model.MetricSpec.Kind;
import java.time.Duration;

/**
 * Metric checks in Flagger's order: built-in and in-line metrics in spec order, then template metrics in spec
 * order; the first failure stops the checks (docs/flagger-compatibility.md §5).
 */
final class MetricChecks {
  private final Tick t;
  private final boolean builtinsJudged;

  /**
   * @param builtinsJudged whether the statistical judge takes over the built-in metrics (it reads their thresholds
   *     as budgets judged with confidence instead of point estimates)
   */
  MetricChecks(Tick t, boolean builtinsJudged) {
    this.t = t;
    this.builtinsJudged = builtinsJudged;
  }

  boolean passed() {
    for (MetricSpec m : t.analysis.metrics()) {
      Kind kind = m.kind();
      boolean judged = kind == Kind.BUILTIN && builtinsJudged;
      if ((kind == Kind.BUILTIN || kind == Kind.QUERY) && !judged && !check(m)) {
        return false;
      }
    }
    for (MetricSpec m : t.analysis.metrics()) {
      if (m.kind() == Kind.UNUSABLE) {
        t.error("Metric query failed for no usable metrics template and query were configured");
        return false;
      }
      if (m.kind() == Kind.TEMPLATE && !check(m)) {
        return false;
      }
    }
    return true;
  }

  private boolean check(MetricSpec m) {
    MetricSpec query = m.withInterval(m.intervalOrDefault());
    Outcome o = t.await(new Command.QueryMetric(query));
    if (o instanceof MetricValue v) {
      var impossible = m.impossibleValue(v.value());
      if (impossible.isEmpty()) {
        return MetricVerdict.passes(t, m, v.value());
      }
      o = new MetricError(impossible.get(), false);
    }
    if (o instanceof NoData n) {
      t.warning(noDataText(m, n.message()));
    } else if (o instanceof MetricError e) {
      t.error(errorText(m, e));
    } else {
      t.error(errorText(m, new MetricError(Tick.failure(o), false)));
    }
    return false;
  }

  private String noDataText(MetricSpec m, String err) {
    switch (m.kind()) {
      case BUILTIN:
        String head = "Halt advancement no values found for " + metricsProvider() + " metric " + m.name()
            + " probably " + t.t() + " is not receiving traffic";
        return MetricSpec.REQUEST_SUCCESS_RATE.equals(m.name()) ? head + ": " + err : head;
      case QUERY:
        return "Halt advancement no values found for metric: " + m.name();
      default:
        return "Halt advancement no values found for custom metric: " + m.name() + ": " + err;
    }
  }

  private String errorText(MetricSpec m, MetricError e) {
    if (e.setup()) {
      return e.message();
    }
    switch (m.kind()) {
      case BUILTIN:
        return "Prometheus query failed: " + e.message();
      case QUERY:
        return "Prometheus query failed for " + m.name() + ": " + e.message();
      default:
        return "Metric query failed for " + m.name() + ": " + e.message();
    }
  }

  /** The observer name in Flagger's texts: the provider, with {@code :service} for Service targets. */
  private String metricsProvider() {
    String provider = t.spec.providerOrDefault();
    return t.spec.targetRef().kindType() == TargetRef.Kind.SERVICE ? provider + ":service" : provider;
  }

  /** Comparisons and their event texts. */
  static final class MetricVerdict {
    private MetricVerdict() {}

    static boolean passes(Tick t, MetricSpec m, double value) {
      String failure = failure(m, value);
      if (failure != null) {
        t.warning("Halt " + t.c() + " advancement " + failure);
      }
      return failure == null;
    }

    /** Why {@code value} fails {@code m}'s thresholds (Flagger's words after "advancement"), or {@code null}. */
    static String failure(MetricSpec m, double value) {
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
}
