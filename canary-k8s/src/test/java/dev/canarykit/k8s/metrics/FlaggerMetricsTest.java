package dev.canarykit.k8s.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canarykit.core.driver.CanaryDriver;
import dev.canarykit.core.model.Canary;
import dev.canarykit.core.model.MetricSpec;
import dev.canarykit.core.model.MetricSpec.ThresholdRange;
import dev.canarykit.core.model.Phase;
import dev.canarykit.core.port.ContractFixtures;
import dev.canarykit.core.testing.CanaryTestKit;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flagger's metric names and labels, read through micrometer-registry-prometheus. */
class FlaggerMetricsTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final FlaggerMetrics metrics = new FlaggerMetrics(registry, "0.1.0", "istio");
  private final Canary canary = ContractFixtures.canary();

  private List<String> samples() {
    return Arrays.stream(registry.scrape().split("\n")).filter(l -> !l.startsWith("#")).toList();
  }

  private List<String> types() {
    return Arrays.stream(registry.scrape().split("\n")).filter(l -> l.startsWith("# TYPE")).toList();
  }

  @Test
  void everyFlaggerMetricHasItsNameTypeAndLabels() {
    metrics.setTotal("test", 3);
    metrics.weightsObserved(canary, 90, 10);
    metrics.metricAnalysed(canary, ContractFixtures.SUCCESS_RATE, 99.5);
    metrics.metricAnalysed(canary, MetricSpec.of(MetricSpec.REQUEST_DURATION, ThresholdRange.atMost(500), "1m"), 250);
    metrics.phaseChanged(canary, Phase.PROGRESSING, Phase.SUCCEEDED);
    metrics.phaseChanged(canary, Phase.PROGRESSING, Phase.FAILED);
    metrics.phaseChanged(canary, Phase.INITIALIZING, Phase.INITIALIZED);
    assertThat(samples()).contains(
        "flagger_info{mesh_provider=\"istio\",version=\"0.1.0\"} 1",
        "flagger_canary_total{namespace=\"test\"} 3.0",
        "flagger_canary_weight{namespace=\"test\",workload=\"podinfo-primary\"} 90.0",
        "flagger_canary_weight{namespace=\"test\",workload=\"podinfo\"} 10.0",
        "flagger_canary_metric_analysis{metric=\"request-success-rate\",name=\"podinfo\",namespace=\"test\"} 99.5",
        "flagger_canary_metric_analysis{metric=\"request-duration\",name=\"podinfo\",namespace=\"test\"} 0.25",
        "flagger_canary_successes_total{analysis_status=\"completed\",deployment_strategy=\"canary\","
            + "name=\"podinfo\",namespace=\"test\"} 1.0",
        "flagger_canary_failures_total{analysis_status=\"completed\",deployment_strategy=\"canary\","
            + "name=\"podinfo\",namespace=\"test\"} 1.0");
    assertThat(types()).contains("# TYPE flagger_info gauge", "# TYPE flagger_canary_weight gauge",
        "# TYPE flagger_canary_metric_analysis gauge", "# TYPE flagger_canary_successes_total counter",
        "# TYPE flagger_canary_failures_total counter", "# TYPE flagger_canary_total counter");
  }

  @Test
  void gaugesFollowTheLatestValue() {
    metrics.setTotal("test", 3);
    metrics.setTotal("test", 2);
    metrics.weightsObserved(canary, 90, 10);
    metrics.weightsObserved(canary, 100, 0);
    assertThat(samples()).contains("flagger_canary_total{namespace=\"test\"} 2.0",
        "flagger_canary_weight{namespace=\"test\",workload=\"podinfo\"} 0.0")
        .doesNotContain("flagger_canary_weight{namespace=\"test\",workload=\"podinfo\"} 10.0");
  }

  @Test
  void theDriverFeedsStatusWeightAndDuration() {
    CanaryTestKit kit = CanaryTestKit.forCanary(canary);
    CanaryDriver driver = CanaryDriver.builder().workloads(kit.workloads()).router(kit.router())
        .metrics(kit.metrics()).webhooks(kit.webhooks()).statuses(kit.statuses()).clock(kit.clock())
        .seed(1).listener(metrics).build();
    driver.tick(canary);
    assertThat(samples()).contains("flagger_canary_status{name=\"podinfo\",namespace=\"test\"} 1.0");
    kit.workloads().setTargetRevision("v2");
    kit.metrics().fix("request-success-rate", 99.9);
    kit.clock().advance(kit.interval());
    driver.tick(canary);
    kit.clock().advance(kit.interval());
    driver.tick(canary);
    assertThat(samples()).contains(
        "flagger_canary_status{name=\"podinfo\",namespace=\"test\"} 0.0",
        "flagger_canary_weight{namespace=\"test\",workload=\"podinfo-primary\"} 90.0",
        "flagger_canary_weight{namespace=\"test\",workload=\"podinfo\"} 10.0",
        "flagger_canary_duration_seconds_bucket{name=\"podinfo\",namespace=\"test\",le=\"0.005\"} 2",
        "flagger_canary_duration_seconds_bucket{name=\"podinfo\",namespace=\"test\",le=\"10.0\"} 2",
        "flagger_canary_duration_seconds_count{name=\"podinfo\",namespace=\"test\"} 2");
    assertThat(types()).contains("# TYPE flagger_canary_status gauge",
        "# TYPE flagger_canary_duration_seconds histogram");
  }

  @Test
  void statusIsZeroWhileRunningTwoWhenFailedAndOneOtherwise() {
    assertThat(FlaggerMetrics.status(Phase.PROGRESSING)).isZero();
    assertThat(FlaggerMetrics.status(Phase.WAITING_PROMOTION)).isZero();
    assertThat(FlaggerMetrics.status(Phase.FAILED)).isEqualTo(2);
    assertThat(FlaggerMetrics.status(Phase.SUCCEEDED)).isEqualTo(1);
    assertThat(FlaggerMetrics.status(Phase.INITIALIZED)).isEqualTo(1);
  }
}
