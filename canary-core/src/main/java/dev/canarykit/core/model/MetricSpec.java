package dev.canarykit.core.model;

import dev.canarykit.core.internal.GoDuration;
import java.util.Map;
import java.util.Optional;

/**
 * One metric check of the analysis ({@code analysis.metrics[]}).
 *
 * <p>A metric is exactly one {@link Kind}: a {@code templateRef} makes it a template metric, else a {@code query}
 * makes it an in-line query, else it must be a built-in name ({@value #REQUEST_SUCCESS_RATE} or
 * {@value #REQUEST_DURATION}). See {@code docs/decisions.md} for how this differs from Flagger.
 *
 * @param name the metric's name (required)
 * @param interval the query window (Go/Prometheus duration), or {@code null} for {@value #DEFAULT_INTERVAL}
 * @param thresholdRange the pass range, or {@code null} to use the deprecated {@code threshold}
 * @param threshold the deprecated threshold: a minimum for success rate, a maximum otherwise; or {@code null}
 * @param templateRef the MetricTemplate reference, or {@code null}
 * @param templateVariables values for {@code {{ variables.<key> }}}
 * @param query a deprecated in-line PromQL query, or {@code null}
 */
public record MetricSpec(
    String name,
    String interval,
    ThresholdRange thresholdRange,
    Double threshold,
    TemplateRef templateRef,
    Map<String, String> templateVariables,
    String query) {

  /** Built-in Istio success rate (percent of non-5xx responses). */
  public static final String REQUEST_SUCCESS_RATE = "request-success-rate";
  /** Built-in Istio P99 request duration (milliseconds). */
  public static final String REQUEST_DURATION = "request-duration";
  /** Default query window for every metric without an interval. */
  public static final String DEFAULT_INTERVAL = "1m";
  /** Tolerance of {@link #impossibleValue} at a bound of a built-in metric's range. */
  public static final double ROUNDING = 1e-9;

  /** What backs a metric. */
  public enum Kind {
    /** A built-in Istio query. */
    BUILTIN,
    /** A deprecated in-line query. */
    QUERY,
    /** A MetricTemplate. */
    TEMPLATE,
    /** Nothing usable: not built in, no query, no template. */
    UNUSABLE
  }

  public MetricSpec {
    templateVariables = Maps.copy(templateVariables);
  }

  /** A built-in or named metric with a threshold range and window. */
  public static MetricSpec of(String name, ThresholdRange range, String interval) {
    return new MetricSpec(name, interval, range, null, null, Map.of(), null);
  }

  /** A template metric. */
  public static MetricSpec template(String name, TemplateRef ref, ThresholdRange range, String interval) {
    return new MetricSpec(name, interval, range, null, ref, Map.of(), null);
  }

  /** Whether {@code name} is one of the built-in Istio metrics. */
  public static boolean isBuiltinName(String name) {
    return REQUEST_SUCCESS_RATE.equals(name) || REQUEST_DURATION.equals(name);
  }

  /** The metric's kind (templateRef, then query, then built-in name). */
  public Kind kind() {
    if (templateRef != null) {
      return Kind.TEMPLATE;
    }
    if (query != null && !query.isBlank()) {
      return Kind.QUERY;
    }
    return isBuiltinName(name) ? Kind.BUILTIN : Kind.UNUSABLE;
  }

  /**
   * The query window. Flagger defaults it to 1m for built-in metrics only and renders an empty window for
   * templates, which Prometheus rejects; canarykit defaults every metric to 1m (docs/decisions.md).
   */
  public String intervalOrDefault() {
    return interval == null || interval.isBlank() ? DEFAULT_INTERVAL : interval;
  }

  /**
   * Why {@code value} cannot be a measurement of this metric, or empty when it can be one. Every metric's value is a
   * finite number; the built-in success rate is a percentage (0 to 100) and the built-in request duration is a
   * number of milliseconds (not negative). In-line queries and templates may measure anything, so any finite value
   * is possible for them. Values within {@value #ROUNDING} of a bound count as inside it: the success rate is a ratio
   * of two sums that Prometheus adds up in different orders.
   */
  public Optional<String> impossibleValue(double value) {
    if (!Double.isFinite(value)) {
      return Optional.of(impossible(value, "not a finite number"));
    }
    if (kind() != Kind.BUILTIN) {
      return Optional.empty();
    }
    double max = REQUEST_SUCCESS_RATE.equals(name) ? 100 : Double.POSITIVE_INFINITY;
    if (value < -ROUNDING || value > max + ROUNDING) {
      return Optional.of(impossible(value, max == 100 ? "a success rate is a percentage from 0 to 100"
          : "a duration is never negative"));
    }
    return Optional.empty();
  }

  /** Built only for an impossible value: formatting is most of the cost of a check that passes. */
  private String impossible(double value, String why) {
    return "impossible value " + GoDuration.formatNumber(value) + " for " + name + ": " + why;
  }

  /** A copy with another interval. */
  public MetricSpec withInterval(String newInterval) {
    return new MetricSpec(name, newInterval, thresholdRange, threshold, templateRef, templateVariables, query);
  }

  /**
   * A reference to a MetricTemplate ({@code templateRef}).
   *
   * @param name the template's name
   * @param namespace its namespace, or {@code null} for the Canary's
   */
  public record TemplateRef(String name, String namespace) {}

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
}
