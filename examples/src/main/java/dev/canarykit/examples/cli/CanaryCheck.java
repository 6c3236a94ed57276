package dev.canarykit.examples.cli;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.prometheus.PrometheusMetricSource;
import dev.canarykit.prometheus.QueryPlan;
import java.io.PrintWriter;

/** Checks one Canary's metrics in spec order and prints their lines ({@link CheckLines}). */
final class CanaryCheck {
  private final PrometheusMetricSource source;
  private final PrintWriter out;

  CanaryCheck(PrometheusMetricSource source, PrintWriter out) {
    this.source = source;
    this.out = out;
  }

  /** Prints the Canary's lines; true when every metric passes. */
  boolean check(Canary canary) {
    out.println(CheckLines.canary(canary));
    boolean pass = true;
    for (MetricSpec metric : canary.spec().analysisOrEmpty().metrics()) {
      pass &= metric(canary, metric);
    }
    return pass;
  }

  private boolean metric(Canary canary, MetricSpec metric) {
    QueryPlan plan = source.plan(canary, metric);
    Outcome.MetricResult result = plan instanceof QueryPlan.Ready ready ? source.execute(ready)
        : ((QueryPlan.Failed) plan).error();
    CheckLines.Verdict verdict = CheckLines.verdict(metric, result);
    out.println(verdict.line());
    out.println(CheckLines.query(plan));
    return verdict.pass();
  }
}
