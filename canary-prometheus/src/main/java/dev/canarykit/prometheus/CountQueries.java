package dev.canarykit.prometheus;

import java.time.Duration;
import java.util.Optional;

/**
 * The three queries behind {@link PrometheusMetricSource#counts}: requests, 5xx failures and cumulative latency
 * buckets per workload, over one window, from Istio's destination-side telemetry. Each is
 * {@code sum by (...) (increase(...))}, never {@code increase(sum(...))}, so a counter reset in one series is
 * handled per series (docs/judge-statistics.md §6).
 *
 * <p>Each is also split by the client, {@code source_workload_namespace} and {@code source_workload}, so the judge
 * can compare like with like (docs/decisions.md): a load tester calling the canary's service directly is a source
 * of its own, which the judge leaves out.
 *
 * @param requests requests per {@code destination_workload} and source
 * @param failures responses with a 5xx code per {@code destination_workload} and source
 * @param buckets cumulative request-duration buckets per {@code destination_workload}, source and {@code le}
 */
record CountQueries(String requests, String failures, String buckets) {
  /** The labels every count is split by: the version, and the client that sent the requests. */
  static final String BY = "destination_workload, source_workload_namespace, source_workload";
  /** The suffix of the primary workload's name. */
  static final String PRIMARY_SUFFIX = "-primary";

  /** Why these values cannot be put into a query, or empty when they are safe. */
  static Optional<String> refusal(String namespace, String target, Duration window) {
    Optional<String> bad = SafeValues.namespace("metadata.namespace", namespace)
        .or(() -> SafeValues.kubernetesName("spec.targetRef.name", target));
    if (bad.isEmpty() && target.length() + PRIMARY_SUFFIX.length() > 253) {
      bad = Optional.of("unsafe value for spec.targetRef.name: " + SafeValues.quote(target)
          + " is too long to name its primary (" + (target.length() + PRIMARY_SUFFIX.length())
          + " > 253 characters)");
    }
    return bad.isPresent() || window.toMillis() >= 1 ? bad
        : Optional.of("counts window must be at least 1ms, but was " + window);
  }

  /** The queries for {@code target} and its primary in {@code namespace}; the values must pass {@link #refusal}. */
  static CountQueries of(String namespace, String target, Duration window) {
    String selector = selector(namespace, target);
    String range = "[" + duration(window) + "]";
    return new CountQueries(
        "sum by (" + BY + ") (increase(istio_requests_total{" + selector + "}" + range + "))",
        "sum by (" + BY + ") (increase(istio_requests_total{" + selector + ",response_code=~\"5.*\"}" + range
            + "))",
        "sum by (" + BY + ", le) (increase(istio_request_duration_milliseconds_bucket{" + selector + "}" + range
            + "))");
  }

  /**
   * The label matchers of both versions' destination-side series (without braces); the values must pass
   * {@link #refusal}. Dots in the name are escaped: they are regex wildcards.
   */
  static String selector(String namespace, String target) {
    String escaped = target.replace(".", "\\\\.");
    return "reporter=\"destination\",destination_workload_namespace=\"" + namespace
        + "\",destination_workload=~\"" + escaped + "|" + escaped + PRIMARY_SUFFIX + "\"";
  }

  /** {@code window} as a Prometheus duration: whole seconds ({@code 60s}), else milliseconds ({@code 1500ms}). */
  static String duration(Duration window) {
    long ms = window.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }
}
