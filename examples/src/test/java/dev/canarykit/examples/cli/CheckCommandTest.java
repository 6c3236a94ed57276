package dev.canarykit.examples.cli;

import dev.canarykit.prometheus.FixedServer;
import dev.canarykit.prometheus.IstioExporter;
import dev.canarykit.prometheus.PrometheusServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code canarykit check} in-process against a real Prometheus scraping {@link IstioExporter}: podinfo's success
 * rate is 99 %, its P99 235 ms, podinfo-primary serves 20 req/s. Values that depend on traffic are compared within
 * 1 % (scrape timing); the Canaries' own addresses are unreachable, so every answer comes through
 * {@code --prometheus}.
 */
class CheckCommandTest {
  static final String SUCCESS_RATE_QUERY = "sum(rate(istio_requests_total{reporter=\"destination\","
      + "destination_workload_namespace=\"test\",destination_workload=~\"podinfo\",response_code!~\"5.*\"}[1m])) / "
      + "sum(rate(istio_requests_total{reporter=\"destination\",destination_workload_namespace=\"test\","
      + "destination_workload=~\"podinfo\"}[1m])) * 100";
  static final String DURATION_QUERY = "histogram_quantile(0.99, sum(rate(istio_request_duration_milliseconds_bucket{"
      + "reporter=\"destination\",destination_workload_namespace=\"test\",destination_workload=~\"podinfo\"}[30s]))"
      + " by (le))";
  private static PrometheusServer prometheus;

  @BeforeAll
  static void start() throws IOException {
    prometheus = PrometheusServer.start();
    String f = CliRun.tempFile(CheckYaml.podinfo("- {name: request-success-rate, thresholdRange: {min: 0}}"));
    Awaitility.await("first success rate").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> check(f).out().get(1).startsWith("PASS "));
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  static CliRun check(String... files) {
    List<String> args = new java.util.ArrayList<>(List.of("check", "--prometheus", prometheus.address().toString()));
    for (String f : files) {
      args.addAll(List.of("--canary", f));
    }
    return CliRun.run(args.toArray(String[]::new));
  }

  /** The value of a verdict line matching {@code pattern} (its first group). */
  static double value(String line, String pattern) {
    Matcher m = Pattern.compile(pattern).matcher(line);
    assertThat(m.matches()).as("%s matches %s", line, pattern).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void builtinsPrintValueBoundsVerdictAndQueryAndAFailureExitsOne() {
    String f = CliRun.tempFile(CheckYaml.podinfo("""
        - {name: request-success-rate, thresholdRange: {min: 98}}
        - {name: request-duration, thresholdRange: {max: 500}, interval: 30s}
        - {name: request-duration, thresholdRange: {min: 1, max: 100}, interval: 30s}
        """));
    CliRun r = check(f);
    assertThat(r.out()).hasSize(7);
    assertThat(r.out().get(0)).isEqualTo("CANARY test/podinfo");
    assertThat(value(r.out().get(1), "PASS request-success-rate (\\d+\\.\\d\\d) \\[98\\.00,\\+Inf\\]"))
        .isCloseTo(99.0, within(0.99));
    assertThat(r.out().get(2)).isEqualTo("  query: " + SUCCESS_RATE_QUERY);
    assertThat(value(r.out().get(3), "PASS request-duration (\\d+\\.\\d\\d) \\[-Inf,500\\.00\\]"))
        .isCloseTo(235.0, within(2.35));
    assertThat(r.out().get(4)).isEqualTo("  query: " + DURATION_QUERY);
    assertThat(value(r.out().get(5), "FAIL request-duration (\\d+\\.\\d\\d) \\[1\\.00,100\\.00\\]"))
        .isCloseTo(235.0, within(2.35));
    assertThat(r.out().get(6)).isEqualTo("  query: " + DURATION_QUERY);
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void everyMetricPassingExitsZeroAndTemplatesComeFromAnyFile() {
    String template = CheckYaml.template("primary-rate", """
        sum(rate(istio_requests_total{destination_workload_namespace="{{ namespace }}",
          destination_workload="{{ target }}-primary",response_code="{{ variables.code }}"}[{{ interval }}]))""", "");
    String a = CliRun.tempFile(CheckYaml.podinfo("- {name: request-success-rate, thresholdRange: {min: 95}}")
        + template);
    String b = CliRun.tempFile(CheckYaml.canary("podinfo", """
        - name: primary-rps
          templateRef: {name: primary-rate}
          templateVariables: {code: "200"}
          thresholdRange: {min: 19.8, max: 20.2}
          interval: 5s
        """).replace("name: podinfo, namespace: test", "name: podinfo-b, namespace: test")
        .replace("kind: Deployment, name: podinfo-b", "kind: Deployment, name: podinfo"));
    Awaitility.await("a full 5 s window").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
        .until(() -> check(a, b).code() == 0);
    CliRun r = check(a, b);
    assertThat(r.out()).hasSize(6);
    assertThat(r.out().get(0)).isEqualTo("CANARY test/podinfo");
    assertThat(r.out().get(1)).startsWith("PASS request-success-rate ").endsWith(" [95.00,+Inf]");
    assertThat(r.out().get(3)).isEqualTo("CANARY test/podinfo-b");
    assertThat(value(r.out().get(4), "PASS primary-rps (\\d+\\.\\d\\d) \\[19\\.80,20\\.20\\]"))
        .isCloseTo(20.0, within(0.2));
    assertThat(r.out().get(5)).isEqualTo("  query: sum(rate(istio_requests_total{destination_workload_namespace="
        + "\"test\", destination_workload=\"podinfo-primary\",response_code=\"200\"}[5s]))");
    assertThat(r.code()).isZero();
  }

  @Test
  void valuesHaveTwoDecimalsInfinitiesAreErrorsAndTheDeprecatedThresholdIsABound() {
    String f = CliRun.tempFile(CheckYaml.podinfo("""
        - {name: ninety-seven, query: "vector(97)", thresholdRange: {min: 95}}
        - {name: rounded, query: "vector(99.149)", thresholdRange: {max: 99.1}}
        - {name: infinite, query: "vector(1) / 0", thresholdRange: {min: 0}}
        - {name: legacy-max, query: "vector(3)", threshold: 5}
        - {name: request-success-rate, query: "vector(-1) / 0", threshold: 99}
        """));
    CliRun r = check(f);
    assertThat(r.out()).containsExactly("CANARY test/podinfo",
        "PASS ninety-seven 97.00 [95.00,+Inf]", "  query: vector(97)",
        "FAIL rounded 99.15 [-Inf,99.10]", "  query: vector(99.149)",
        "ERROR infinite impossible value +Inf for infinite: not a finite number", "  query: vector(1) / 0",
        "PASS legacy-max 3.00 [-Inf,5.00]", "  query: vector(3)",
        "ERROR request-success-rate impossible value -Inf for request-success-rate: not a finite number",
        "  query: vector(-1) / 0");
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void noDataIsNodataWithTheQuery() {
    String f = CliRun.tempFile(CheckYaml.canary("absent", """
        - {name: request-success-rate, thresholdRange: {min: 99}}
        - {name: empty, query: "sum(rate(istio_requests_total{response_code=\\"404\\"}[1m]))", threshold: 1}
        """));
    CliRun r = check(f);
    assertThat(r.out()).containsExactly("CANARY test/absent",
        "NODATA request-success-rate no values found",
        "  query: " + SUCCESS_RATE_QUERY.replace("podinfo", "absent"),
        "NODATA empty no values found", "  query: sum(rate(istio_requests_total{response_code=\"404\"}[1m]))");
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void prometheusErrorsPrintTheQueryAndRenderErrorsADash() {
    String f = CliRun.tempFile(CheckYaml.podinfo("""
        - {name: bad, query: "sum(rate(x[1m])", thresholdRange: {min: 0}}
        - {name: missing, templateRef: {name: nowhere}, thresholdRange: {min: 0}}
        - {name: no-variable, templateRef: {name: needs-code}, thresholdRange: {min: 0}}
        - {name: series, query: "rate(istio_requests_total[1m])", thresholdRange: {min: 0}}
        """) + CheckYaml.template("needs-code", "vector({{ variables.code }})", ""));
    CliRun r = check(f);
    assertThat(r.out()).hasSize(9);
    assertThat(r.out().get(1)).startsWith("ERROR bad error response: Status 400 Bad Request: bad_data: ");
    assertThat(r.out().get(2)).isEqualTo("  query: sum(rate(x[1m])");
    assertThat(r.out().subList(3, 5)).containsExactly(
        "ERROR missing Metric template nowhere.test error: metrictemplate \"nowhere\" not found", "  query: -");
    assertThat(r.out().get(5)).startsWith("ERROR no-variable Metric template needs-code.test query render error: ")
        .contains("map has no entry for key \"code\"");
    assertThat(r.out().get(6)).isEqualTo("  query: -");
    assertThat(r.out().get(7)).startsWith("ERROR series ").contains("3 series");
    assertThat(r.out().get(8)).isEqualTo("  query: rate(istio_requests_total[1m])");
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void aProviderSecretComesFromTheFilesAndAMissingOneIsAnError() {
    String f = CliRun.tempFile(CheckYaml.podinfo("""
        - {name: with-token, templateRef: {name: authed}, thresholdRange: {min: 1}}
        - {name: without, templateRef: {name: unauthed}, thresholdRange: {min: 1}}
        - {name: basic, templateRef: {name: basic-authed}, thresholdRange: {min: 1}}
        """) + CheckYaml.template("authed", "vector(1)", ", secretRef: {name: prom-auth}")
        + CheckYaml.template("basic-authed", "vector(2)", ", secretRef: {name: basic-auth}")
        + "---\napiVersion: v1\nkind: Secret\nmetadata: {name: basic-auth, namespace: test}\n"
        + "data: {username: YWRtaW4=, password: aHVudGVyMjI=}\n"
        + CheckYaml.template("unauthed", "vector(1)", ", secretRef: {name: nowhere}")
        + CheckYaml.secret("prom-auth", "token", "s3cr3t-token-value"));
    CliRun r = check(f);
    assertThat(r.out()).containsExactly("CANARY test/podinfo",
        "PASS with-token 1.00 [1.00,+Inf]", "  query: vector(1)",
        "ERROR without Metric template unauthed.test secret nowhere error: secrets \"nowhere\" not found",
        "  query: -", "PASS basic 2.00 [1.00,+Inf]", "  query: vector(2)");
    assertThat(String.join("\n", r.out())).doesNotContain("s3cr3t");
    assertThat(r.code()).isEqualTo(1);
  }
}
