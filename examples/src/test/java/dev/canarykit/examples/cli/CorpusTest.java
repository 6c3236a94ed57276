package dev.canarykit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The corpus of Flagger-style resources: every valid file is OK, every broken one gives exact lines. */
class CorpusTest {
  static Stream<String> validFiles() throws IOException {
    try (Stream<Path> files = Files.list(CliRun.CORPUS.resolve("valid"))) {
      return files.map(p -> "valid/" + p.getFileName()).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("validFiles")
  void everyDocumentOfTheValidCorpusIsOkWithoutWarnings(String file) {
    CliRun r = CliRun.run("validate", CliRun.corpus(file));
    assertThat(r.out()).isNotEmpty().allMatch(l -> l.startsWith("OK ") || l.startsWith("SKIP "));
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
  }

  @Test
  void theValidCorpusTogether() {
    String[] args = Stream.concat(Stream.of("validate"), assertFiles()).toArray(String[]::new);
    CliRun r = CliRun.run(args);
    assertThat(r.outRelative()).containsExactly(
        "OK valid/ab-testing.yaml Canary web/frontend",
        "OK valid/blue-green-mirror.yaml Canary shop/orders",
        "OK valid/blue-green-mirror.yaml Canary jobs/batch",
        "OK valid/canary-step-weights.yaml Canary shop/checkout",
        "OK valid/legacy-and-delegation.yaml Canary web/search",
        "OK valid/podinfo-canary.yaml Canary test/podinfo",
        "OK valid/session-affinity.yaml Canary shop/cart",
        "OK valid/skip-analysis.yaml Canary web/docs",
        "OK valid/templates-and-providers.yaml MetricTemplate istio-system/not-found-percentage",
        "OK valid/templates-and-providers.yaml MetricTemplate shop/error-budget",
        "OK valid/templates-and-providers.yaml AlertProvider flagger/on-call",
        "OK valid/templates-and-providers.yaml AlertProvider shop/payments-slack",
        "SKIP valid/templates-and-providers.yaml Secret shop/prom-auth",
        "SKIP valid/templates-and-providers.yaml Deployment shop/checkout");
    assertThat(r.code()).isZero();
  }

  private static Stream<String> assertFiles() {
    try {
      return validFiles().map(CliRun::corpus);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void brokenVariantsGiveExactInvalidLines() {
    CliRun r = CliRun.run("validate", CliRun.corpus("broken/broken-canaries.yaml"));
    String f = "broken/broken-canaries.yaml";
    assertThat(r.outRelative()).containsExactly(
        "INVALID " + f + " Canary shop/checkout: spec.analysis.alerts[0].severity: must be one of: \"\", info,"
            + " warn, error",
        "INVALID " + f + " Canary shop/checkout: spec.analysis.webhooks[0].type: must be one of: \"\","
            + " confirm-rollout, pre-rollout, rollout, confirm-promotion, post-rollout, event, rollback,"
            + " confirm-traffic-increase",
        "INVALID " + f + " Canary shop/checkout: spec.service.port: must be between 1 and 65535",
        "INVALID " + f + " Canary shop/checkout: spec.analysis.metrics[1].thresholdRange.min: min 10 is above max 5:"
            + " no value could pass",
        "INVALID " + f + " Canary shop/checkout: spec.analysis.webhooks[0].url: must be an absolute http or https"
            + " URL with a host, e.g. http://flagger-loadtester.test/",
        "INVALID " + f + " Canary shop/cart: spec.analysis.sessionAffinity.sameSite: must be one of: Strict, Lax,"
            + " None",
        "INVALID " + f + " Canary shop/cart: spec.analysis.sessionAffinity: primaryCookieName must differ from"
            + " cookieName",
        "INVALID " + f + " Canary default/typo: spec.analysis: is required",
        "INVALID " + f + " Canary default/typo: spec.service.port: must be a number",
        "INVALID " + f + " MetricTemplate shop/latency: spec.query: is required",
        "INVALID " + f + " MetricTemplate shop/latency: spec.provider.type: must be one of: prometheus, influxdb,"
            + " datadog, externalmetrics, stackdriver, cloudwatch, newrelic, graphite, dynatrace, keptn, splunk",
        "INVALID " + f + " MetricTemplate shop/latency: spec.provider.address: must be an absolute http(s) URL",
        "INVALID " + f + " AlertProvider shop/pager: spec: needs type and exactly one of address, secretRef",
        "INVALID " + f + " AlertProvider shop/pager: spec.type: must be one of: slack, msteams, discord, rocket,"
            + " gchat, generic");
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void fieldsOfOtherProvidersAreWarningsInDocumentOrder() {
    CliRun r = CliRun.run("validate", CliRun.corpus("other-providers.yaml"));
    String id = "other-providers.yaml Canary edge/gateway-app: ";
    String unused = ": is a Flagger field canarykit does not use (Istio and Kubernetes providers only), ignored";
    assertThat(r.outRelative()).containsExactly("OK other-providers.yaml Canary edge/gateway-app",
        "WARN " + id + "spec.upstreamRef" + unused,
        "WARN " + id + "spec.autoscalerRef.primaryScalerQueries" + unused,
        "WARN " + id + "spec.service.trafficDistribution" + unused,
        "WARN " + id + "spec.service.backendTimeout" + unused,
        "WARN " + id + "spec.service.gatewayRefs" + unused,
        "WARN " + id + "spec.service.mirror" + unused,
        "WARN " + id + "spec.service.meshName" + unused,
        "WARN " + id + "spec.service.backends" + unused,
        "WARN " + id + "spec.service.unmanagedMetadata" + unused,
        "WARN " + id + "spec.service.sidecarMode: unknown field, ignored");
    assertThat(r.code()).isZero();
  }
}
