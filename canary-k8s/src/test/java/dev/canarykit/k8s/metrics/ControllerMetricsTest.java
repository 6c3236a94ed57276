package dev.canarykit.k8s.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** canarykit's controller metrics, read through micrometer-registry-prometheus. */
class ControllerMetricsTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ControllerMetrics metrics = new ControllerMetrics(registry);

  private List<String> lines() {
    return Arrays.asList(registry.scrape().split("\n"));
  }

  @Test
  void tickLatenessIsAHistogramInSeconds() {
    metrics.tickStarted("test", "podinfo", Duration.ofMillis(3), Duration.ofSeconds(60));
    metrics.tickStarted("test", "other", Duration.ofMillis(1500), Duration.ofSeconds(60));
    assertThat(lines()).contains("# TYPE canarykit_tick_lateness_seconds histogram",
        "canarykit_tick_lateness_seconds_count 2", "canarykit_tick_lateness_seconds_sum 1.503",
        "canarykit_tick_lateness_seconds_max 1.5");
    assertThat(lines()).anyMatch(l -> l.startsWith("canarykit_tick_lateness_seconds_bucket{le=\"1.0"));
  }
}
