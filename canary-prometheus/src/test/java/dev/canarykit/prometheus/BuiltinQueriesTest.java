package dev.canarykit.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.analysis.Outcome.MetricError;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The built-in Istio queries, rendered exactly as docs/flagger-compatibility.md §5.1 (compacted). */
class BuiltinQueriesTest {
  private final PrometheusMetricSource source = PrometheusMetricSource.builder(URI.create("http://prom:9090")).build();

  @Test
  void successRate() {
    assertThat(source.plan(Canaries.podinfo(null), MetricSpec.of("request-success-rate", null, "2m")).query())
        .contains("sum(rate(istio_requests_total{reporter=\"destination\",destination_workload_namespace=\"test\","
            + "destination_workload=~\"podinfo\",response_code!~\"5.*\"}[2m])) / sum(rate(istio_requests_total{"
            + "reporter=\"destination\",destination_workload_namespace=\"test\",destination_workload=~\"podinfo\"}"
            + "[2m])) * 100");
  }

  @Test
  void duration() {
    assertThat(source.plan(Canaries.podinfo(null), MetricSpec.of("request-duration", null, null)).query())
        .contains("histogram_quantile(0.99, sum(rate(istio_request_duration_milliseconds_bucket{reporter="
            + "\"destination\",destination_workload_namespace=\"test\",destination_workload=~\"podinfo\"}[1m])) "
            + "by (le))");
  }

  @Test
  void theCanarysMetricsServerOrTheOverrideIsAsked() {
    Canary c = Canaries.podinfo("http://other:9090/prom");
    QueryPlan.Ready p = (QueryPlan.Ready) source.plan(c, Canaries.SUCCESS_RATE);
    assertThat(p.endpoint()).isEqualTo(Endpoint.of(URI.create("http://other:9090/prom")));
    var overridden = PrometheusMetricSource.builder(URI.create("http://prom:9090"))
        .overrideAddress(URI.create("http://cli:9090")).build();
    assertThat(((QueryPlan.Ready) overridden.plan(c, Canaries.SUCCESS_RATE)).endpoint().address())
        .isEqualTo(URI.create("http://cli:9090"));
  }

  @Test
  void aCraftedCanaryNamespaceIsNeverSent() {
    Canary crafted = Canaries.canary("podinfo", "x\"} or vector(100) #", null, Canaries.SUCCESS_RATE);
    QueryPlan p = source.plan(crafted, Canaries.SUCCESS_RATE);
    assertThat(p).isInstanceOf(QueryPlan.Failed.class);
    assertThat(((QueryPlan.Failed) p).reason()).isEqualTo(QueryPlan.Reason.UNSAFE_VALUE);
    assertThat(source.query(crafted, Canaries.SUCCESS_RATE)).isEqualTo(new MetricError(
        "rendering query failed: unsafe value for namespace: \"x\\\"} or vector(100) #\" is not a Kubernetes "
            + "namespace", false));
  }

  @Test
  void unusableMetricsGetFlaggersText() {
    MetricSpec m = MetricSpec.of("custom", null, null);
    assertThat(source.query(Canaries.podinfo(null), m)).isEqualTo(new MetricError(
        "Metric query failed for no usable metrics template and query were configured", true));
  }
}
