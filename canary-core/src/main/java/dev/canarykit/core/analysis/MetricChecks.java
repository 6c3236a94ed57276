package dev.canarykit.core.analysis;

import dev.canarykit.core.analysis.Outcome.MetricError;
import dev.canarykit.core.analysis.Outcome.MetricValue;
import dev.canarykit.core.analysis.Outcome.NoData;
import dev.canarykit.core.internal.MetricThresholds;
import dev.canarykit.core.model.CanarySpec.TargetRef;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.MetricSpec.Kind;

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
        return passes(m, v.value());
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

  private boolean passes(MetricSpec m, double value) {
    var failure = MetricThresholds.failure(m, value);
    failure.ifPresent(f -> t.warning("Halt " + t.c() + " advancement " + f));
    return failure.isEmpty();
  }
}
