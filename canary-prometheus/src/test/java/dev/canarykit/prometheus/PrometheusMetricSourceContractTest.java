package dev.canarykit.prometheus;

import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.port.MetricSourceContract;
import io.github.resilience4j.core.IntervalFunction;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The core's metric-source contract, answered by a real Prometheus. */
class PrometheusMetricSourceContractTest extends MetricSourceContract {
  private static PrometheusServer prometheus;
  private static PrometheusMetricSource source;

  @BeforeAll
  static void start() throws IOException {
    prometheus = PrometheusServer.start();
    PrometheusClient client = PrometheusClient.builder()
        .resilience(ResilienceSettings.ofDefaults().withBackoff(IntervalFunction.of(1))).build();
    source = PrometheusMetricSource.builder(prometheus.address()).client(client).build();
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  @Override
  protected Setup metricWithValue(double value) {
    MetricSpec m = Canaries.inline("value", String.format(Locale.ROOT, "vector(%s)", value));
    return new Setup(source, Canaries.podinfo(null, m, Canaries.SUCCESS_RATE), m);
  }

  @Override
  protected Setup metricWithoutData() {
    MetricSpec m = Canaries.inline("empty", "vector(1) > 2");
    return new Setup(source, Canaries.podinfo(null, m), m);
  }

  @Override
  protected Setup unreachableProvider() {
    URI closed = URI.create("http://127.0.0.1:1");
    return new Setup(source, Canaries.podinfo(closed.toString(), Canaries.SUCCESS_RATE), Canaries.SUCCESS_RATE);
  }
}
