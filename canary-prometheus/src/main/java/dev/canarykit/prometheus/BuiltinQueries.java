package dev.canarykit.prometheus;

import dev.canarykit.core.model.MetricSpec;
import java.util.Map;
import java.util.Optional;

/** Flagger's built-in Istio queries (docs/flagger-compatibility.md §5.1), as templates. */
final class BuiltinQueries {
  /** Percentage of non-5xx responses of the canary workload over the window. */
  public static final String REQUEST_SUCCESS_RATE =
      "sum(rate(istio_requests_total{reporter=\"destination\",destination_workload_namespace=\"{{ namespace }}\","
      + "destination_workload=~\"{{ target }}\",response_code!~\"5.*\"}[{{ interval }}]))\n/\n"
      + "sum(rate(istio_requests_total{reporter=\"destination\",destination_workload_namespace=\"{{ namespace }}\","
      + "destination_workload=~\"{{ target }}\"}[{{ interval }}]))\n* 100";

  /** P99 request duration of the canary workload in milliseconds. */
  public static final String REQUEST_DURATION =
      "histogram_quantile(0.99, sum(rate(istio_request_duration_milliseconds_bucket{reporter=\"destination\","
      + "destination_workload_namespace=\"{{ namespace }}\",destination_workload=~\"{{ target }}\"}"
      + "[{{ interval }}])) by (le))";

  private static final Map<String, String> BY_NAME =
      Map.of(MetricSpec.REQUEST_SUCCESS_RATE, REQUEST_SUCCESS_RATE, MetricSpec.REQUEST_DURATION, REQUEST_DURATION);

  private BuiltinQueries() {}

  /** The template of built-in metric {@code name}, if it is one. */
  public static Optional<String> template(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }
}
