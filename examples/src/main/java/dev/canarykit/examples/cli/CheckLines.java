package dev.canarykit.examples.cli;

import dev.canarykit.core.analysis.Outcome;
import dev.canarykit.core.internal.MetricThresholds;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.prometheus.QueryPlan;
import java.util.Locale;

/**
 * The lines {@code check} prints. Numbers have two decimals ({@link Locale#ROOT}: {@code 97.00}, {@code 99.15});
 * infinities are {@code +Inf}/{@code -Inf}. A metric's bounds are its {@code thresholdRange} with {@code -Inf} or
 * {@code +Inf} for an unset bound; without a {@code thresholdRange} they are the deprecated {@code threshold}
 * (unset meaning 0) as a minimum for the built-in success rate and as a maximum otherwise, as the analysis compares.
 * The verdict is {@link MetricThresholds#passes}, the analysis' own comparison: the built-in request duration is compared in whole milliseconds
 * (truncated), so {@code PASS request-duration 500.70 [-Inf,500.00]} is correct. A value the metric cannot take
 * ({@link MetricSpec#impossibleValue}: an infinity, a success rate above 100) is an {@code ERROR}, as the analysis
 * fails such a check.
 */
final class CheckLines {
  private CheckLines() {}

  /**
   * A metric's verdict line.
   *
   * @param line the line, e.g. {@code PASS request-success-rate 99.00 [99.00,+Inf]}
   * @param pass whether the metric passes
   */
  record Verdict(String line, boolean pass) {}

  static String canary(Canary canary) {
    return "CANARY " + canary.namespace() + "/" + canary.name();
  }

  static Verdict verdict(MetricSpec metric, Outcome.MetricResult result) {
    if (result instanceof Outcome.MetricValue v && metric.impossibleValue(v.value()).isPresent()) {
      return new Verdict("ERROR " + metric.name() + " " + metric.impossibleValue(v.value()).get(), false);
    }
    if (result instanceof Outcome.MetricValue v) {
      boolean pass = MetricThresholds.passes(metric, v.value());
      return new Verdict((pass ? "PASS " : "FAIL ") + metric.name() + " " + number(v.value()) + " "
          + bounds(metric), pass);
    }
    if (result instanceof Outcome.NoData n) {
      return new Verdict("NODATA " + metric.name() + " " + oneLine(n.message()), false);
    }
    return new Verdict("ERROR " + metric.name() + " " + oneLine(((Outcome.MetricError) result).message()), false);
  }

  /** {@code   query: <query>}, or {@code   query: -} when the query could not be rendered. */
  static String query(QueryPlan plan) {
    return "  query: " + plan.query().orElse("-");
  }

  /** {@code [<min>,<max>]}. */
  static String bounds(MetricSpec metric) {
    Double min;
    Double max;
    if (metric.thresholdRange() != null) {
      min = metric.thresholdRange().min();
      max = metric.thresholdRange().max();
    } else {
      double threshold = metric.threshold() == null ? 0 : metric.threshold();
      boolean minimum = metric.kind() == MetricSpec.Kind.BUILTIN
          && MetricSpec.REQUEST_SUCCESS_RATE.equals(metric.name());
      min = minimum ? threshold : null;
      max = minimum ? null : threshold;
    }
    return "[" + (min == null ? "-Inf" : number(min)) + "," + (max == null ? "+Inf" : number(max)) + "]";
  }

  /** Two decimals, {@code +Inf} or {@code -Inf}. */
  static String number(double v) {
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
