package dev.canarykit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IstioMetricsTest {
  private static final Mesh.Caller USERS = Mesh.INGRESS;
  private static final String CANARY_200 = "reporter=\"destination\",source_workload=\"istio-ingressgateway\","
      + "source_workload_namespace=\"istio-system\",destination_workload=\"podinfo\","
      + "destination_workload_namespace=\"test\",response_code=\"200\"";

  @Test
  void requestsAreCountedPerWorkloadAndCode() {
    IstioMetrics m = new IstioMetrics();
    m.record(USERS, "podinfo", "test", 200, 3);
    m.record(USERS, "podinfo", "test", 200, 700);
    m.record(USERS, "podinfo", "test", 500, 2);
    m.record(USERS, "podinfo-primary", "test", 200, 2);
    assertThat(m.render()).contains("istio_requests_total{" + CANARY_200 + "} 2\n",
        "istio_requests_total{" + CANARY_200.replace("\"200\"", "\"500\"") + "} 1\n");
    assertThat(m.totals()).containsEntry("podinfo/200", 2L).containsEntry("podinfo-primary/200", 1L);
  }

  @Test
  void durationBucketsAreIstiosCumulativeBuckets() {
    IstioMetrics m = new IstioMetrics();
    m.record(USERS, "podinfo", "test", 200, 3);
    m.record(USERS, "podinfo", "test", 200, 700);
    String text = m.render();
    String bucket = "istio_request_duration_milliseconds_bucket{" + CANARY_200 + ",le=\"";
    assertThat(text).contains(bucket + "0.5\"} 0\n", bucket + "5\"} 1\n", bucket + "500\"} 1\n",
        bucket + "1000\"} 2\n", bucket + "3600000\"} 2\n", bucket + "+Inf\"} 2\n",
        "istio_request_duration_milliseconds_count{" + CANARY_200 + "} 2\n");
    assertThat(text.lines().filter(l -> l.startsWith(bucket))).hasSize(IstioMetrics.BUCKETS.length + 1);
  }
}
