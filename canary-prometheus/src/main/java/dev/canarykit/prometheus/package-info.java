/**
 * The Prometheus metric source: Flagger's built-in Istio queries, MetricTemplate rendering with injection checks,
 * auth and TLS, retries and a per-address circuit breaker, on {@code java.net.http}.
 *
 * <pre>{@code
 * MetricSource metrics = PrometheusMetricSource.builder(PrometheusDefaults.METRICS_SERVER)
 *     .client(PrometheusClient.builder().httpClient(myHttpClient).build())
 *     .templates(templateLookup)
 *     .secrets(secretResolver)
 *     .build();
 * }</pre>
 *
 * <p>{@link dev.canarykit.prometheus.PrometheusMetricSource#plan} and
 * {@link dev.canarykit.prometheus.PrometheusMetricSource#execute} let a tool print the rendered query and the raw
 * value.
 * {@link dev.canarykit.prometheus.PrometheusMetricSource#counts} counts requests, 5xx failures and latency buckets
 * of the canary and its primary for the statistical judge.
 *
 * <p>Nullness: no parameter or return value here is {@code null} unless its documentation says so ("or
 * {@code null}"); an absent result is an empty {@link java.util.Optional} or an empty collection.
 */
package dev.canarykit.prometheus;
