package dev.canarykit.prometheus;

import java.net.URI;
import java.time.Duration;

/** Defaults of the Prometheus metric source (docs/flagger-compatibility.md §5.2, §5.6). */
final class PrometheusDefaults {
  /** The metrics server used when a Canary names none. */
  public static final URI METRICS_SERVER = URI.create("http://prometheus:9090");
  /** Per-query timeout. */
  public static final Duration QUERY_TIMEOUT = Duration.ofSeconds(5);

  private PrometheusDefaults() {}
}
